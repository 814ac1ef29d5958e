import type { IsoDate } from '../shared/calendar-date.js';

export const eligibilityOutcomes = ['eligible', 'ineligible', 'refer', 'incomplete'] as const;
export type EligibilityOutcome = (typeof eligibilityOutcomes)[number];

/** `refer` means a person must judge; `missing` means a fact the rule needs was not given. */
export const ruleResultValues = ['pass', 'fail', 'refer', 'missing', 'not-applicable'] as const;
export type RuleResultValue = (typeof ruleResultValues)[number];

/** The rules, in the order the engine applies them (the contract's table). */
export const eligibilityRuleIds = [
  'scheme-edition',
  'injury-before-1964',
  'previous-application',
  'same-roof',
  'relevant-place',
  'crime-of-violence',
  'route-witness',
  'route-exceptional-risk',
  'route-fatal',
  'residence',
  'time-limit',
  'time-limit-same-roof',
  'time-limit-under-18',
  'benefit-to-assailant',
  'living-with-assailant',
  'reported-to-police',
  'co-operation-with-police',
  'unspent-convictions',
  'injury-within-tariff',
  'mental-injury-diagnosis',
] as const;
export type EligibilityRuleId = (typeof eligibilityRuleIds)[number];

export interface RuleResult {
  readonly rule: EligibilityRuleId;
  /** The scheme paragraph that decided this result: `"87"`, `"88(a)"`, `"Annex B"`, `"Annex D 3"`. */
  readonly paragraph: string;
  readonly result: RuleResultValue;
  /** For the victim: plain words, and what would change the result where something could. */
  readonly reason: string;
  /** For the caseworker: the precise facts and limb of the rule applied. */
  readonly caseworkerReason: string;
}

export interface EligibilityAssessment {
  readonly outcome: EligibilityOutcome;
  /** The scheme edition applied, e.g. `"CICS-2012 as amended 2019-06-13"`. */
  readonly edition: string;
  /** The last day an application is in time, where the facts allow it to be computed; else `null`. */
  readonly deadline: IsoDate | null;
  /** The receipt date the assessment used (today's UK date when the facts gave none). */
  readonly receivedOn: IsoDate;
  readonly results: readonly RuleResult[];
}

/** Any `fail` gives ineligible; else any `missing` gives incomplete; else any `refer` gives refer; else eligible. */
export function combineOutcome(results: readonly Pick<RuleResult, 'result'>[]): EligibilityOutcome {
  let missing = false;
  let refer = false;
  for (const { result } of results) {
    if (result === 'fail') return 'ineligible';
    if (result === 'missing') missing = true;
    else if (result === 'refer') refer = true;
  }
  if (missing) return 'incomplete';
  return refer ? 'refer' : 'eligible';
}
