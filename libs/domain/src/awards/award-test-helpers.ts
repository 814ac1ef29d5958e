import type { AwardInput } from './award-types.js';
import { tariffFor } from './tariff.js';

export const DECIDED_ON = '2026-11-27';
export const AS_MADE = 'CICS-2012 as made 2012-11-27';
export const AS_AMENDED = 'CICS-2012 as amended 2019-06-13';

/**
 * A tariff code (inside the multiple-injury formula) whose amount is `pounds`. Tests of the rules pick codes
 * by amount, so a corrected tariff figure breaks only the test that relied on that figure, loudly.
 */
export function codeOf(pounds: number, { outside = false, skip = 0 } = {}): string {
  const matches = tariffFor(AS_AMENDED).filter(
    (entry) => entry.amountPence === pounds * 100 && entry.outsideMultipleInjuryFormula === outside,
  );
  const entry = matches[skip];
  if (entry === undefined)
    throw new Error(`test setup: no ${outside ? 'outside-formula ' : ''}tariff entry of £${pounds} (#${skip})`);
  return entry.code;
}

export function award(overrides: Partial<AwardInput> = {}): AwardInput {
  return {
    decidedOn: DECIDED_ON,
    injuries: [],
    lossOfEarnings: null,
    specialExpenses: [],
    fatal: null,
    reductionPercent: 0,
    deductionsPence: 0,
    interimPaidPence: 0,
    ...overrides,
  };
}

export function injuries(...codes: string[]): { code: string }[] {
  return codes.map((code) => ({ code }));
}
