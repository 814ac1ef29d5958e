import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createCaseworkerApi } from './bootstrap.js';
import { CaseworkerApiConfig } from './config.js';

// The only place this app reads the environment.
const config = loadConfigOrExit(CaseworkerApiConfig, process.env);
const app = await createCaseworkerApi(config);
await app.listen(config.PORT, config.HOST);
