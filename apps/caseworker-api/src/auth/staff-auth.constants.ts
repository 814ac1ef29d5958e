/**
 * The passport strategy name of staff tokens. Kept apart from the strategy so that guards (and their unit
 * tests) do not load the strategy and its key fetching.
 */
export const STAFF_JWT_STRATEGY = 'staff-jwt';
