import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createCitizenWeb } from './bootstrap.js';
import { CitizenWebConfig } from './config.js';

// The only place this app reads the environment.
const config = loadConfigOrExit(CitizenWebConfig, process.env);
const app = await createCitizenWeb(config);
await app.listen(config.PORT, config.HOST);
