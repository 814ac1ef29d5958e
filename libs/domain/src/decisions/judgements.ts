import {
  combineOutcome,
  type EligibilityAssessment,
  type EligibilityOutcome,
  type RuleResult,
  type RuleResultValue,
} from '../eligibility/eligibility-assessment.js';
import { DomainError, DomainErrorKind } from '../shared/domain-error.js';

/**
 * A caseworker's finding on a question the rules leave to a person. Each is recorded with its reason and
 * changes the result of the rule it answers; the assessment is then combined again.
 */
export const judgementKinds = [
  'late-application-accepted',
  'late-application-refused',
  'reported-as-soon-as-reasonably-practicable',
  'not-reported-as-soon-as-reasonably-practicable',
  'conduct',
] as const;
export type JudgementKind = (typeof judgementKinds)[number];

export const conductEffects = ['none', 'reduce', 'refuse'] as const;
export type ConductEffect = (typeof conductEffects)[number];

export interface Judgement {
  readonly kind: JudgementKind;
  /** For `conduct`: whether the conduct (para 25) changes the award. */
  readonly conductEffect?: ConductEffect;
  /** For `conduct` with effect `reduce`: 1 to 99. */
  readonly reductionPercent?: number;
  /** The caseworker's reason, in their words. */
  readonly reason: string;
  readonly by: string;
}

/** Rules a judgement answers: the paragraph it is made under, and the rule results it replaces. */
const answers: Record<JudgementKind, { paragraph: string; rules: readonly string[]; result: RuleResultValue }> = {
  // Para 89: exceptional circumstances kept the applicant from applying in time, and the evidence allows a decision.
  'late-application-accepted': {
    paragraph: '89',
    rules: ['time-limit', 'time-limit-under-18', 'time-limit-same-roof'],
    result: 'pass',
  },
  'late-application-refused': {
    paragraph: '89',
    rules: ['time-limit', 'time-limit-under-18', 'time-limit-same-roof'],
    result: 'fail',
  },
  // Para 22: reported as soon as reasonably practicable, judged on the victim's age, capacity and the effect of the crime.
  'reported-as-soon-as-reasonably-practicable': { paragraph: '22', rules: ['reported-to-police'], result: 'pass' },
  'not-reported-as-soon-as-reasonably-practicable': { paragraph: '22', rules: ['reported-to-police'], result: 'fail' },
  // Para 25: conduct before, during or after the incident; has no rule of its own in the engine, so it adds one.
  conduct: { paragraph: '25', rules: [], result: 'pass' },
};

export interface JudgedRuleResult extends Omit<RuleResult, 'rule'> {
  readonly rule: RuleResult['rule'] | 'conduct';
  /** The engine's own result, where a judgement replaced it. */
  readonly engineResult?: RuleResultValue;
  readonly judgement?: { readonly kind: JudgementKind; readonly reason: string; readonly by: string };
}

export interface JudgedAssessment {
  readonly outcome: EligibilityOutcome;
  readonly edition: string;
  readonly deadline: string | null;
  readonly receivedOn: string;
  readonly results: readonly JudgedRuleResult[];
  /** The reduction a conduct finding asks for (para 25), if any; the award calculation applies it. */
  readonly reductionPercent: number;
}

function invalid(message: string): DomainError {
  return new DomainError('judgement.invalid', DomainErrorKind.InvalidInput, message, [{ message }]);
}

export function checkJudgement(judgement: Judgement): void {
  if (!judgement.reason.trim()) throw invalid('A judgement records its reason.');
  if (judgement.kind === 'conduct') {
    if (!judgement.conductEffect) throw invalid('A conduct finding says whether it reduces or refuses the award.');
    if (judgement.conductEffect === 'reduce') {
      const percent = judgement.reductionPercent;
      if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 99) {
        throw invalid('A reduction for conduct is a whole percentage from 1 to 99.');
      }
    } else if (judgement.reductionPercent !== undefined) {
      throw invalid('Only a reduction for conduct names a percentage.');
    }
  } else if (judgement.conductEffect !== undefined || judgement.reductionPercent !== undefined) {
    throw invalid('Only a conduct finding has an effect or a percentage.');
  }
}

/** The paragraph a judgement is made under. */
export function judgementParagraph(kind: JudgementKind): string {
  return answers[kind].paragraph;
}

/**
 * Applies the caseworker's judgements to the engine's assessment: each replaces the result of the rules it
 * answers (whatever the engine said: a person's finding on para 89 or 22 decides it), later judgements over
 * earlier ones; a conduct finding adds a para 25 result. A judgement whose rule the engine found not to apply
 * (an application in time needs no para 89 finding) changes nothing.
 */
export function applyJudgements(assessment: EligibilityAssessment, judgements: readonly Judgement[]): JudgedAssessment {
  judgements.forEach(checkJudgement);
  const results: JudgedRuleResult[] = assessment.results.map((result) => ({ ...result }));
  let conduct: Judgement | undefined;
  for (const judgement of judgements) {
    if (judgement.kind === 'conduct') {
      conduct = judgement;
      continue;
    }
    const answer = answers[judgement.kind];
    results.forEach((result, index) => {
      if (!answer.rules.includes(result.rule) || (result.engineResult ?? result.result) === 'not-applicable') return;
      results[index] = {
        ...result,
        engineResult: result.engineResult ?? result.result,
        result: answer.result,
        paragraph: result.paragraph,
        caseworkerReason: `Judged under para ${answer.paragraph}: ${judgement.reason}`,
        judgement: { kind: judgement.kind, reason: judgement.reason, by: judgement.by },
      };
    });
  }
  let reductionPercent = 0;
  if (conduct) {
    const effect = conduct.conductEffect ?? 'none';
    if (effect === 'reduce') reductionPercent = conduct.reductionPercent ?? 0;
    results.push({
      rule: 'conduct',
      paragraph: '25',
      result: effect === 'refuse' ? 'fail' : 'pass',
      reason:
        effect === 'refuse'
          ? 'An award is refused because of conduct before, during or after the incident.'
          : effect === 'reduce'
            ? `An award is reduced by ${reductionPercent}% because of conduct before, during or after the incident.`
            : 'Conduct does not affect the award.',
      caseworkerReason: `Conduct finding (para 25, ${effect}): ${conduct.reason}`,
      judgement: { kind: 'conduct', reason: conduct.reason, by: conduct.by },
    });
  }
  return {
    outcome: combineOutcome(results),
    edition: assessment.edition,
    deadline: assessment.deadline,
    receivedOn: assessment.receivedOn,
    results,
    reductionPercent,
  };
}
