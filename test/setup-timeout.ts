import { jest } from '@jest/globals';

// Jest reads `testTimeout` only from the root configuration, never from a project's: without this the e2e tier ran
// with the 5 s default, and hooks that start apps or migrate a database timed out on a loaded machine.
jest.setTimeout(60_000);
