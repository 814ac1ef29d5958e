import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createCitizenApi } from './bootstrap.js';
import { CitizenApiConfig } from './config.js';

// The only place this app reads the environment.
const config = loadConfigOrExit(CitizenApiConfig, process.env);
const app = await createCitizenApi(config);
await app.listen(config.PORT, config.HOST);
