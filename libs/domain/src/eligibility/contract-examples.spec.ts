import {
  assessEligibility,
  type EligibilityFacts,
  type EligibilityOutcome,
  type EligibilityRuleId,
} from '@redress/domain';
import { decisive, eligibleFacts, factsWith, resultOf } from './eligibility-test-helpers.js';

// The contract's examples 1-16 (shared/domain/eligibility-facts.md), each with the rule and paragraph that decide it.
interface Example {
  readonly name: string;
  readonly facts: EligibilityFacts;
  readonly outcome: EligibilityOutcome;
  readonly rule: EligibilityRuleId;
  readonly result: string;
  readonly paragraph: string;
  /** Every rule that neither passed nor stood aside, so nothing else decided the outcome. */
  readonly decisive: string[];
  readonly deadline?: string | null;
}

const child = { dateOfBirth: '2000-06-10' }; // 12 at the incident below
const childIncident = { date: '2012-07-01', reportedOn: '2014-08-01' }; // reported at 14

const examples: Example[] = [
  {
    name: '1. adult attacked 2025-03-14, reported that day, received 2026-11-27',
    facts: eligibleFacts(),
    outcome: 'eligible',
    rule: 'time-limit',
    result: 'pass',
    paragraph: '87',
    decisive: [],
    deadline: '2027-03-14',
  },
  {
    name: '2. adult attacked 2023-06-01, received 2026-11-27, no late reason',
    facts: factsWith({ incident: { date: '2023-06-01', reportedOn: '2023-06-01' } }),
    outcome: 'ineligible',
    rule: 'time-limit',
    result: 'fail',
    paragraph: '87',
    decisive: ['time-limit:fail'],
    deadline: '2025-06-01',
  },
  {
    name: '3. as 2, with a late reason',
    facts: factsWith({
      incident: { date: '2023-06-01', reportedOn: '2023-06-01' },
      lateApplicationReason: 'I was in hospital for most of the two years after the attack.',
    }),
    outcome: 'refer',
    rule: 'time-limit',
    result: 'refer',
    paragraph: '89',
    decisive: ['time-limit:refer'],
    deadline: '2025-06-01',
  },
  {
    name: '4. aged 12, reported at 14, received the day before the 20th birthday',
    facts: factsWith({ receivedOn: '2020-06-09', applicant: child, incident: childIncident }),
    outcome: 'refer', // in time; the report two years after the incident still needs a person (para 22)
    rule: 'time-limit-under-18',
    result: 'pass',
    paragraph: '88(a)',
    decisive: ['reported-to-police:refer'],
    deadline: '2020-06-09',
  },
  {
    name: '5. as 4, received on the 20th birthday, no reason',
    facts: factsWith({ receivedOn: '2020-06-10', applicant: child, incident: childIncident }),
    outcome: 'ineligible',
    rule: 'time-limit-under-18',
    result: 'fail',
    paragraph: '88(a)',
    decisive: ['time-limit-under-18:fail', 'reported-to-police:refer'],
    deadline: '2020-06-09',
  },
  {
    name: '6. abused from 8 to 15, first reported at 30, received at 31',
    facts: factsWith({
      receivedOn: '2016-05-01',
      applicant: { dateOfBirth: '1985-03-01' },
      incident: { date: '1993-04-01', lastDate: '2000-06-01', reportedOn: '2015-05-01', kind: 'sexual-assault' },
      injuries: { sexualAssault: true },
    }),
    outcome: 'refer',
    rule: 'time-limit-under-18',
    result: 'pass',
    paragraph: '88(b)',
    decisive: ['reported-to-police:refer'],
    deadline: '2017-05-01',
  },
  {
    name: '7. incident in May 1963',
    facts: factsWith({
      applicant: { dateOfBirth: '1940-01-01' },
      incident: { date: '1963-05-15', reportedOn: '1963-05-15' },
    }),
    outcome: 'ineligible',
    rule: 'injury-before-1964',
    result: 'fail',
    paragraph: '17',
    decisive: ['injury-before-1964:fail', 'time-limit:fail'],
  },
  {
    name: '8. never reported to police',
    facts: factsWith({ incident: { reportedToPolice: false, reportedOn: null, cooperatedWithPolice: null } }),
    outcome: 'ineligible',
    rule: 'reported-to-police',
    result: 'fail',
    paragraph: '22',
    decisive: ['reported-to-police:fail'],
  },
  {
    name: '9. reported 10 days after the incident',
    facts: factsWith({ incident: { reportedOn: '2025-03-24' } }),
    outcome: 'refer',
    rule: 'reported-to-police',
    result: 'refer',
    paragraph: '22',
    decisive: ['reported-to-police:refer'],
  },
  {
    name: '10a. unspent community order',
    facts: factsWith({ applicant: { unspentConvictions: [{ sentence: 'community-order' }] } }),
    outcome: 'ineligible',
    rule: 'unspent-convictions',
    result: 'fail',
    paragraph: 'Annex D 3',
    decisive: ['unspent-convictions:fail'],
  },
  {
    name: '10b. unspent fine only',
    facts: factsWith({ applicant: { unspentConvictions: [{ sentence: 'fine' }] } }),
    outcome: 'refer',
    rule: 'unspent-convictions',
    result: 'refer',
    paragraph: 'Annex D 4',
    decisive: ['unspent-convictions:refer'],
  },
  {
    name: '11. adult still living with the partner who attacked them',
    facts: factsWith({ applicant: { livedWithAssailantAsFamily: true, stillLivesWithAssailant: true } }),
    outcome: 'ineligible',
    rule: 'living-with-assailant',
    result: 'fail',
    paragraph: '21',
    decisive: ['living-with-assailant:fail'],
  },
  {
    name: '12. bitten by a dog nobody set on them',
    facts: factsWith({ incident: { kind: 'animal-not-deliberately-used' } }),
    outcome: 'ineligible',
    rule: 'crime-of-violence',
    result: 'fail',
    paragraph: 'Annex B',
    decisive: ['crime-of-violence:fail'],
  },
  {
    name: '13. attacked in Spain',
    facts: factsWith({ incident: { place: 'elsewhere' } }),
    outcome: 'ineligible',
    rule: 'relevant-place',
    result: 'fail',
    paragraph: '8',
    decisive: ['relevant-place:fail'],
  },
  {
    name: "14. witness to a stranger's stabbing, not threatened",
    facts: factsWith({
      route: 'witness',
      witness: { lovedOne: false, presentOrImmediateAftermath: true },
      injuries: {
        minorOnly: true,
        mentalInjury: { disabling: true, diagnosis: 'clinical-psychologist', durationWeeks: 40, ongoing: false },
      },
    }),
    outcome: 'ineligible',
    rule: 'route-witness',
    result: 'fail',
    paragraph: '6',
    decisive: ['route-witness:fail'],
  },
  {
    name: '15. only bruising that healed in a week',
    facts: factsWith({ injuries: { minorOnly: true, sexualAssault: false, mentalInjury: null } }),
    outcome: 'ineligible',
    rule: 'injury-within-tariff',
    result: 'fail',
    paragraph: 'Annex E',
    decisive: ['injury-within-tariff:fail'],
  },
  {
    name: '16. disabling PTSD for 30 weeks, diagnosis not yet made',
    facts: factsWith({
      injuries: {
        minorOnly: true,
        mentalInjury: { disabling: true, diagnosis: 'none-yet', durationWeeks: 30, ongoing: false },
      },
    }),
    outcome: 'incomplete',
    rule: 'mental-injury-diagnosis',
    result: 'missing',
    paragraph: 'Annex E Part A',
    decisive: ['mental-injury-diagnosis:missing'],
  },
];

describe('assessEligibility: the contract examples', () => {
  it.each(examples)('$name', (example) => {
    const assessment = assessEligibility(example.facts);
    expect(assessment.outcome).toBe(example.outcome);
    expect(resultOf(assessment, example.rule)).toMatchObject({ result: example.result, paragraph: example.paragraph });
    expect(decisive(assessment)).toEqual(example.decisive);
    if (example.deadline !== undefined) expect(assessment.deadline).toBe(example.deadline);
  });

  it('answers example 1 with the amended edition and the JSON shape of the contract', () => {
    const assessment = assessEligibility(eligibleFacts());
    expect(assessment.edition).toBe('CICS-2012 as amended 2019-06-13');
    expect(assessment.results[10]).toMatchObject({ rule: 'time-limit', paragraph: '87', result: 'pass' });
    expect(resultOf(assessment, 'time-limit').reason).toContain('14 March 2027');
    for (const result of assessment.results) {
      expect(Object.keys(result).sort()).toEqual(['caseworkerReason', 'paragraph', 'reason', 'result', 'rule']);
      expect(result.reason.length).toBeGreaterThan(10);
      expect(result.caseworkerReason.length).toBeGreaterThan(5);
    }
    expect(JSON.parse(JSON.stringify(assessment))).toEqual(assessment);
  });

  it('tells a late applicant what could change the outcome (example 2)', () => {
    const facts = examples[1]?.facts as EligibilityFacts;
    const reason = resultOf(assessEligibility(facts), 'time-limit').reason;
    expect(reason).toContain('1 June 2025');
    expect(reason).toMatch(/exceptional circumstances/);
    expect(reason).toMatch(/tell us what stopped you applying sooner/);
  });

  it('signposts the overseas terrorism scheme for an incident abroad (example 13)', () => {
    const facts = examples.find((example) => example.name.startsWith('13.'))?.facts as EligibilityFacts;
    expect(resultOf(assessEligibility(facts), 'relevant-place').reason).toContain(
      'Victims of Overseas Terrorism Compensation Scheme',
    );
  });
});
