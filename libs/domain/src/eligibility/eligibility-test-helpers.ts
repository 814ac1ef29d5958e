import type {
  ApplicantFacts,
  EligibilityAssessment,
  EligibilityFacts,
  EligibilityRuleId,
  IncidentFacts,
  InjuryFacts,
  RuleResult,
} from '@redress/domain';

/** Test helpers for the eligibility specs (not exported from the domain entry point). */

export const RECEIVED_ON = '2026-11-27';

/** Contract example 1: an adult attacked, reported that day, resident, no convictions. Eligible. */
export function eligibleFacts(): EligibilityFacts {
  return {
    receivedOn: RECEIVED_ON,
    route: 'direct-victim',
    applicant: {
      dateOfBirth: '1990-05-01',
      residence: ['ordinarily-resident-uk'],
      unspentConvictions: [],
      previousApplicationForSameInjury: false,
      livedWithAssailantAsFamily: false,
      stillLivesWithAssailant: false,
    },
    incident: {
      date: '2025-03-14',
      lastDate: null,
      place: 'england',
      kind: 'physical-attack',
      reportedToPolice: true,
      reportedOn: '2025-03-14',
      cooperatedWithPolice: true,
      assailantMayBenefit: false,
    },
    injuries: { minorOnly: false, sexualAssault: false, mentalInjury: null },
    witness: null,
    fatal: null,
    lateApplicationReason: null,
  };
}

export interface FactsChanges extends Omit<EligibilityFacts, 'applicant' | 'incident' | 'injuries'> {
  readonly applicant?: Partial<ApplicantFacts>;
  readonly incident?: Partial<IncidentFacts>;
  readonly injuries?: Partial<InjuryFacts>;
}

/** Example 1's facts with some changed; nested sections are merged field by field. */
export function factsWith(changes: FactsChanges): EligibilityFacts {
  const base = eligibleFacts();
  return {
    ...base,
    ...changes,
    applicant: { ...base.applicant, ...changes.applicant },
    incident: { ...base.incident, ...changes.incident },
    injuries: { ...base.injuries, ...changes.injuries },
  };
}

export function resultOf(assessment: EligibilityAssessment, rule: EligibilityRuleId): RuleResult {
  const found = assessment.results.find((result) => result.rule === rule);
  if (found === undefined) throw new Error(`No result for rule ${rule}`);
  return found;
}

/** The rules that did not pass or stand aside: what decided the outcome. */
export function decisive(assessment: EligibilityAssessment): string[] {
  return assessment.results
    .filter((result) => result.result !== 'pass' && result.result !== 'not-applicable')
    .map((result) => `${result.rule}:${result.result}`);
}
