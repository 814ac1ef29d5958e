import 'reflect-metadata';
import { triageClaim } from '@redress/application';
import { exampleCompleteApplication, type ApplicationAnswers, type EligibilityAssessment } from '@redress/domain';

const assessment = (outcome: EligibilityAssessment['outcome']) => ({ outcome }) as EligibilityAssessment;
const base = exampleCompleteApplication() as ApplicationAnswers;
const withAnswers = (changes: Partial<Record<keyof ApplicationAnswers, object>>): ApplicationAnswers => ({
  ...base,
  ...changes,
});

describe('triageClaim', () => {
  it.each([
    ['an adult, physical attack, eligible', base, 'eligible', { team: 'general', priority: 3, reasons: [] }],
    ['an adult the engine could not settle', base, 'refer', { team: 'eligibility-review', priority: 3, reasons: [] }],
    [
      'a child (17 on the day of submission)',
      withAnswers({ applicant: { ...base.applicant, dateOfBirth: '2009-01-11' } }),
      'eligible',
      { team: 'children', priority: 2, reasons: ['under-18'] },
    ],
    [
      'a sexual offence',
      withAnswers({ crime: { ...base.crime, kind: 'sexual-assault' } }),
      'eligible',
      { team: 'sexual-offences', priority: 2, reasons: ['sexual-offence'] },
    ],
    [
      'a child, sexual offence and hardship: the most urgent',
      withAnswers({
        applicant: { ...base.applicant, dateOfBirth: '2012-06-01' },
        crime: { ...base.crime, kind: 'sexual-assault' },
        impact: { ...base.impact, unableToWork: true },
        'support-needs': { needs: ['money'], circumstances: [] },
      }),
      'refer',
      { team: 'sexual-offences', priority: 1, reasons: ['under-18', 'sexual-offence', 'hardship'] },
    ],
    [
      'a bereavement (fatal)',
      withAnswers({ 'support-needs': { needs: [], circumstances: ['bereavement'] } }),
      'eligible',
      { team: 'fatal-and-bereavement', priority: 2, reasons: ['fatal'] },
    ],
  ] as const)('%s', (_label, answers, outcome, expected) => {
    expect(triageClaim(answers, assessment(outcome), '2026-11-27')).toEqual(expected);
  });
});
