import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { createWorker } from './bootstrap.js';
import { WorkerConfig } from './config.js';

// The only place the worker reads the environment.
const config = loadConfigOrExit(WorkerConfig, process.env);
await createWorker(config);
