import {
  ageOn,
  DEFAULT_WORK_PRIORITY,
  type ApplicationAnswers,
  type EligibilityAssessment,
  type IsoDate,
  type WorkPriority,
} from '@redress/domain';

export const triageTeams = [
  'general',
  'children',
  'sexual-offences',
  'fatal-and-bereavement',
  'eligibility-review',
] as const;
export type TriageTeam = (typeof triageTeams)[number];

export type PriorityReason = 'under-18' | 'sexual-offence' | 'fatal' | 'terminal-illness' | 'hardship';

export interface Triage {
  readonly team: TriageTeam;
  readonly priority: WorkPriority;
  readonly reasons: readonly PriorityReason[];
}

/**
 * Where a newly submitted claim goes and how urgent it is. Each reason raises the priority by one step from the
 * default (3) towards 1, as in the CICA's own practice of fast-tracking children, sexual offences, fatal cases,
 * terminal illness and hardship. The team follows the most specialised reason; a claim the engine could not
 * settle (refer or incomplete) with no specialist reason goes to eligibility review.
 *
 * The online form asks nothing about terminal illness yet, so that reason fires only from a caseworker's
 * re-triage; hardship is read as "unable to work" together with a need for help with money or housing.
 */
export function triageClaim(
  answers: ApplicationAnswers,
  assessment: EligibilityAssessment,
  submittedOn: IsoDate,
): Triage {
  const reasons: PriorityReason[] = [];
  const dateOfBirth = answers.applicant?.dateOfBirth;
  const circumstances = answers['support-needs']?.circumstances ?? [];
  const needs = answers['support-needs']?.needs ?? [];
  if ((dateOfBirth && safeAge(dateOfBirth, submittedOn) < 18) || circumstances.includes('under-18')) {
    reasons.push('under-18');
  }
  if (
    answers.crime?.kind === 'sexual-assault' ||
    answers.injuries?.sexualAssault === true ||
    circumstances.includes('sexual-violence')
  ) {
    reasons.push('sexual-offence');
  }
  if (circumstances.includes('bereavement')) reasons.push('fatal');
  if (answers.impact?.unableToWork === true && (needs.includes('money') || needs.includes('housing'))) {
    reasons.push('hardship');
  }
  const priority = Math.max(1, DEFAULT_WORK_PRIORITY - reasons.length) as WorkPriority;
  const team: TriageTeam = reasons.includes('fatal')
    ? 'fatal-and-bereavement'
    : reasons.includes('sexual-offence')
      ? 'sexual-offences'
      : reasons.includes('under-18')
        ? 'children'
        : assessment.outcome === 'refer' || assessment.outcome === 'incomplete'
          ? 'eligibility-review'
          : 'general';
  return { team, priority, reasons };
}

function safeAge(dateOfBirth: IsoDate, on: IsoDate): number {
  try {
    return ageOn(dateOfBirth, on);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
