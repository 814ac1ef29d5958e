/** Injection tokens of the platform's shared clients. */
/** A fail-fast Redis client for request paths: health checks and rate-limit counters. */
export const REQUEST_REDIS = Symbol('REQUEST_REDIS');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
