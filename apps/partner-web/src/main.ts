import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createPartnerWeb } from './bootstrap.js';
import { PartnerWebConfig } from './config.js';

// The only place this app reads the environment.
const config = loadConfigOrExit(PartnerWebConfig, process.env);
const app = await createPartnerWeb(config);
await app.listen(config.PORT, config.HOST);
