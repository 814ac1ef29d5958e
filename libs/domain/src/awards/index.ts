export * from './award-types.js';
export { AwardInputError } from './award-input-error.js';
export { calculateAward } from './calculate-award.js';
export { awardEdition, tariffFor } from './tariff.js';
export { searchTariff } from './tariff-search.js';
export { formatPence } from './money.js';
export { statutorySickPayRateOn } from './statutory-sick-pay.js';
export { AWARD_EDITIONS, awardEditionInForceOn, findAwardEdition } from './editions/index.js';
export type { AdjustmentStep, AwardEdition, AwardFigure, StatutorySickPayRate } from './editions/index.js';
