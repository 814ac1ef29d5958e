import {
  convictionSentences,
  eligibilityRoutes,
  fatalRelationships,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  residenceBases,
} from '@redress/domain';

/**
 * The questions of "Check if you can claim", in the order they are asked, and how the answers become the
 * eligibility facts of `POST /v1/eligibility-checks`. The rules stay in the API: this file only says which question
 * follows which answer (a witness is asked about the person they saw hurt, a bereaved relative about the person who
 * died) and which fact each answer is. Pure: the controller and the unit tests use it.
 */

export type CheckAnswers = Record<string, string | string[]>;

export type QuestionKind = 'radios' | 'yesNo' | 'date' | 'checkboxes' | 'text';

export interface CheckQuestion {
  /** The page's path under /check and its words' key under `check.questions`. */
  readonly id: string;
  readonly kind: QuestionKind;
  readonly options?: readonly string[];
  /** An option of a checkboxes question that excludes the others ("none of these"). */
  readonly exclusive?: string;
  /** Whether the answers so far make this question worth asking. */
  readonly relevant?: (answers: CheckAnswers) => boolean;
  /** Asked only when the result page offers it (not part of the main order). */
  readonly onRequest?: boolean;
  readonly maxLength?: number;
}

const is = (id: string, value: string) => (answers: CheckAnswers) => answers[id] === value;
const notFatal = (answers: CheckAnswers) => answers.who !== 'fatal';
const hadMentalInjury = (answers: CheckAnswers) => notFatal(answers) && answers['mental-injury'] === 'yes';

export const YES_NO = ['yes', 'no'] as const;
export const MENTAL_DURATIONS = ['under-6-weeks', '6-weeks-or-more', 'ongoing'] as const;
export const LATE_REASON_MAX = 2000;

export const checkQuestions: readonly CheckQuestion[] = [
  { id: 'who', kind: 'radios', options: eligibilityRoutes },
  { id: 'loved-one', kind: 'yesNo', relevant: is('who', 'witness') },
  { id: 'present', kind: 'yesNo', relevant: is('who', 'witness') },
  { id: 'relationship', kind: 'radios', options: fatalRelationships, relevant: is('who', 'fatal') },
  {
    id: 'paid-funeral',
    kind: 'yesNo',
    relevant: (answers) => answers.who === 'fatal' && answers.relationship === 'other',
  },
  { id: 'date-of-birth', kind: 'date' },
  { id: 'incident-date', kind: 'date' },
  { id: 'place', kind: 'radios', options: incidentPlaces },
  { id: 'kind', kind: 'radios', options: incidentKinds },
  { id: 'reported', kind: 'yesNo' },
  { id: 'reported-on', kind: 'date', relevant: is('reported', 'yes') },
  { id: 'cooperated', kind: 'yesNo', relevant: is('reported', 'yes') },
  { id: 'lived-with', kind: 'yesNo' },
  { id: 'still-lives', kind: 'yesNo', relevant: is('lived-with', 'yes') },
  { id: 'assailant-benefit', kind: 'yesNo' },
  { id: 'minor-only', kind: 'yesNo', relevant: notFatal },
  { id: 'mental-injury', kind: 'yesNo', relevant: notFatal },
  { id: 'mental-disabling', kind: 'yesNo', relevant: hadMentalInjury },
  { id: 'mental-duration', kind: 'radios', options: MENTAL_DURATIONS, relevant: hadMentalInjury },
  { id: 'mental-diagnosis', kind: 'radios', options: mentalInjuryDiagnoses, relevant: hadMentalInjury },
  { id: 'convictions', kind: 'yesNo' },
  { id: 'sentence', kind: 'radios', options: convictionSentences, relevant: is('convictions', 'yes') },
  { id: 'residence', kind: 'checkboxes', options: [...residenceBases, 'none'], exclusive: 'none' },
  { id: 'previous-application', kind: 'yesNo' },
  { id: 'late-reason', kind: 'text', onRequest: true, maxLength: LATE_REASON_MAX },
];

export function findQuestion(id: string): CheckQuestion | undefined {
  return checkQuestions.find((question) => question.id === id);
}

function isRelevant(question: CheckQuestion, answers: CheckAnswers): boolean {
  return !question.onRequest && (question.relevant?.(answers) ?? true);
}

/** The questions the answers so far make relevant, in order. */
export function relevantQuestions(answers: CheckAnswers): CheckQuestion[] {
  return checkQuestions.filter((question) => isRelevant(question, answers));
}

/** The first relevant question not yet answered, or `undefined` when the result can be shown. */
export function nextQuestion(answers: CheckAnswers): CheckQuestion | undefined {
  return relevantQuestions(answers).find((question) => answers[question.id] === undefined);
}

/** The page before this one: the relevant question asked just before it (the result page for `late-reason`). */
export function previousPath(id: string, answers: CheckAnswers): string {
  if (findQuestion(id)?.onRequest) return '/check/result';
  const relevant = relevantQuestions(answers);
  const index = relevant.findIndex((question) => question.id === id);
  if (index <= 0) return '/check';
  return `/check/${relevant[index - 1]!.id}`;
}

/** Whether the person may open this question now: it is relevant and everything before it has an answer. */
export function mayAsk(id: string, answers: CheckAnswers): boolean {
  const question = findQuestion(id);
  if (!question) return false;
  if (question.onRequest) return nextQuestion(answers) === undefined;
  if (!isRelevant(question, answers)) return false;
  const relevant = relevantQuestions(answers);
  const index = relevant.indexOf(question);
  return relevant.slice(0, index).every((earlier) => answers[earlier.id] !== undefined);
}

const yesNo = (value: string | string[] | undefined): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;
const text = (value: string | string[] | undefined): string | null => (typeof value === 'string' ? value : null);

/** The eligibility facts of the relevant answers (answers to questions no longer relevant are ignored). */
export function toFacts(all: CheckAnswers): Record<string, unknown> {
  const relevantIds = new Set(relevantQuestions(all).map((question) => question.id));
  const answers: CheckAnswers = Object.fromEntries(
    Object.entries(all).filter(([id]) => relevantIds.has(id) || id === 'late-reason'),
  );
  const route = text(answers.who);
  const fatal = route === 'fatal';
  const mental = answers['mental-injury'] === 'yes';
  const duration = text(answers['mental-duration']);
  const residence = Array.isArray(answers.residence)
    ? answers.residence.filter((basis) => basis !== 'none')
    : undefined;
  return {
    route,
    applicant: {
      dateOfBirth: text(answers['date-of-birth']),
      residence: residence ?? null,
      unspentConvictions:
        answers.convictions === 'no' ? [] : answers.sentence ? [{ sentence: answers.sentence }] : null,
      previousApplicationForSameInjury: yesNo(answers['previous-application']),
      livedWithAssailantAsFamily: yesNo(answers['lived-with']),
      stillLivesWithAssailant: answers['lived-with'] === 'no' ? false : yesNo(answers['still-lives']),
    },
    incident: {
      date: text(answers['incident-date']),
      lastDate: null,
      place: text(answers.place),
      kind: text(answers.kind),
      reportedToPolice: yesNo(answers.reported),
      reportedOn: text(answers['reported-on']),
      cooperatedWithPolice: answers.reported === 'no' ? null : yesNo(answers.cooperated),
      assailantMayBenefit: yesNo(answers['assailant-benefit']),
    },
    injuries: fatal
      ? { minorOnly: false, sexualAssault: false, mentalInjury: null }
      : {
          minorOnly: yesNo(answers['minor-only']),
          sexualAssault: answers.kind === 'sexual-assault',
          mentalInjury: !answers['mental-injury']
            ? undefined
            : mental
              ? {
                  disabling: yesNo(answers['mental-disabling']),
                  diagnosis: text(answers['mental-diagnosis']),
                  durationWeeks: duration === 'under-6-weeks' ? 4 : duration ? 7 : null,
                  ongoing: duration === 'ongoing',
                }
              : null,
        },
    witness:
      route === 'witness'
        ? { lovedOne: yesNo(answers['loved-one']), presentOrImmediateAftermath: yesNo(answers.present) }
        : null,
    fatal: fatal
      ? {
          relationship: text(answers.relationship),
          paidFuneral: answers.relationship === 'other' ? yesNo(answers['paid-funeral']) : null,
        }
      : null,
    lateApplicationReason: text(answers['late-reason']),
  };
}
