import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createStaffWeb } from './bootstrap.js';
import { StaffWebConfig } from './config.js';

// The only place this app reads the environment.
const config = loadConfigOrExit(StaffWebConfig, process.env);
const app = await createStaffWeb(config);
await app.listen(config.PORT, config.HOST);
