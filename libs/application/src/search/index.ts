export * from './search-normalise.js';
export * from './name-variants.js';
export * from './search-claims/search-claims.command.js';
export * from './search-claims/search-claims.use-case.js';
