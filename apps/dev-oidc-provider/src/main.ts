import 'reflect-metadata';
import { loadConfigOrExit } from '@redress/platform';
import { DevOidcProviderConfig } from './config.js';
import { startDevOidcProvider } from './provider.js';

// The only place this app reads the environment. Refuses NODE_ENV=production (see config.ts).
const config = loadConfigOrExit(DevOidcProviderConfig, process.env);
const provider = await startDevOidcProvider(config);
process.stdout.write(`development OIDC provider (never for production) at ${provider.issuer}\n`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
