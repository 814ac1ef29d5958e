/**
 * The passport strategy name of staff tokens. Kept apart from the strategy so that guards (and their unit
 * tests) do not load jwks-rsa and its ES-module dependencies.
 */
export const STAFF_JWT_STRATEGY = 'staff-jwt';
