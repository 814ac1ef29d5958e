import { PlatformTables1764250000000 } from './1764250000000-platform-tables.js';

/** Every migration, listed explicitly and in order (never by glob). */
export const migrations = [PlatformTables1764250000000];
