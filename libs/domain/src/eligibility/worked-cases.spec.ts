import { assessEligibility, type EligibilityOutcome, type EligibilityRuleId } from '@redress/domain';
import { decisive, factsWith, resultOf, type FactsChanges } from './eligibility-test-helpers.js';

// The worked cases of shared/domain/cics-2012.md section 8 that the facts vocabulary can express. Receipt is
// 2026-11-27 unless a case says otherwise. Cases 9-12, 14, 29, 35-36 and 38-45 are about awards, conduct,
// reviews and appeals, which these facts do not describe; case 19 is a caseworker's decision after a refer.
interface WorkedCase {
  readonly name: string;
  readonly changes: FactsChanges;
  readonly outcome: EligibilityOutcome;
  readonly expect: readonly [rule: EligibilityRuleId, result: string, paragraph: string][];
  readonly decisive?: string[];
  readonly deadline?: string | null;
}

const abusedAsChild: FactsChanges = {
  applicant: { dateOfBirth: '1968-01-10', livedWithAssailantAsFamily: true, stillLivesWithAssailant: false },
  incident: { date: '1975-02-01', lastDate: '1978-12-31', kind: 'sexual-assault', reportedOn: '2004-03-01' },
  injuries: { sexualAssault: true },
};

const cases: WorkedCase[] = [
  {
    name: '1. adult assaulted 3 years ago, reported the same day, no exceptional circumstances: refuse (87)',
    changes: { incident: { date: '2023-11-27', reportedOn: '2023-11-27' } },
    outcome: 'ineligible',
    expect: [['time-limit', 'fail', '87']],
    decisive: ['time-limit:fail'],
    deadline: '2025-11-27',
  },
  {
    name: '2. adult, received 23 months after the incident: in time (87)',
    changes: { incident: { date: '2024-12-27', reportedOn: '2024-12-27' } },
    outcome: 'eligible',
    expect: [['time-limit', 'pass', '87']],
    decisive: [],
    deadline: '2026-12-27',
  },
  {
    name: '3 and 4. in a coma for 26 months, applies a month after: a person judges para 89 (a) and (b)',
    changes: {
      incident: { date: '2024-08-27', reportedOn: '2024-08-27' },
      lateApplicationReason: 'I was in a coma for 26 months after the attack and applied a month after waking.',
    },
    outcome: 'refer',
    expect: [['time-limit', 'refer', '89']],
    decisive: ['time-limit:refer'],
  },
  {
    name: '5. aged 12, reported at 14, received at 19y11m: in time (88(a))',
    changes: {
      receivedOn: '2020-05-10',
      applicant: { dateOfBirth: '2000-06-10' },
      incident: { date: '2012-07-01', reportedOn: '2012-07-02' },
    },
    outcome: 'eligible',
    expect: [
      ['time-limit', 'not-applicable', '87'],
      ['time-limit-under-18', 'pass', '88(a)'],
    ],
    decisive: [],
    deadline: '2020-06-09',
  },
  {
    name: '6. as 5, received at 20y2m, no exceptional circumstances: refuse (88(a))',
    changes: {
      receivedOn: '2020-08-10',
      applicant: { dateOfBirth: '2000-06-10' },
      incident: { date: '2012-07-01', reportedOn: '2012-07-02' },
    },
    outcome: 'ineligible',
    expect: [['time-limit-under-18', 'fail', '88(a)']],
    decisive: ['time-limit-under-18:fail'],
  },
  {
    name: '8. abused aged 8-15, received 3 years after the first report at 30: refuse unless para 89',
    changes: {
      receivedOn: '2018-05-02',
      applicant: { dateOfBirth: '1985-03-01' },
      incident: { date: '1993-04-01', lastDate: '2000-06-01', reportedOn: '2015-05-01' },
    },
    outcome: 'ineligible',
    expect: [['time-limit-under-18', 'fail', '88(b)']],
    deadline: '2017-05-01',
  },
  {
    name: '8 with a reason for applying late: a person judges para 89',
    changes: {
      receivedOn: '2018-05-02',
      applicant: { dateOfBirth: '1985-03-01' },
      incident: { date: '1993-04-01', lastDate: '2000-06-01', reportedOn: '2015-05-01' },
      lateApplicationReason: 'The trial only ended last month and I was told not to apply before it.',
    },
    outcome: 'refer',
    expect: [['time-limit-under-18', 'refer', '89']],
  },
  {
    name: '13. only injury is minor bruising: no injury payment (Annex E)',
    changes: { injuries: { minorOnly: true, sexualAssault: false, mentalInjury: null } },
    outcome: 'ineligible',
    expect: [['injury-within-tariff', 'fail', 'Annex E']],
    decisive: ['injury-within-tariff:fail'],
  },
  {
    name: '15. unspent custodial sentence on the application date: refuse, no discretion (Annex D 3)',
    changes: { applicant: { unspentConvictions: [{ sentence: 'fine' }, { sentence: 'custodial' }] } },
    outcome: 'ineligible',
    expect: [['unspent-convictions', 'fail', 'Annex D 3']],
    decisive: ['unspent-convictions:fail'],
  },
  {
    name: '16 and 20. unspent community order (also when imposed during processing and re-assessed): refuse',
    changes: { applicant: { unspentConvictions: [{ sentence: 'community-order' }] } },
    outcome: 'ineligible',
    expect: [['unspent-convictions', 'fail', 'Annex D 3']],
  },
  {
    name: '17. only spent convictions (left out of the facts): no effect',
    changes: { applicant: { unspentConvictions: [] } },
    outcome: 'eligible',
    expect: [['unspent-convictions', 'pass', 'Annex D 3, 4']],
  },
  {
    name: '18. unspent fine only: withhold or reduce, a person decides (Annex D 4)',
    changes: { applicant: { unspentConvictions: [{ sentence: 'fine' }, { sentence: 'discharge' }] } },
    outcome: 'refer',
    expect: [['unspent-convictions', 'refer', 'Annex D 4']],
    decisive: ['unspent-convictions:refer'],
  },
  {
    name: '21. adult assaulted by a partner they still live with: refuse (21)',
    changes: { applicant: { livedWithAssailantAsFamily: true, stillLivesWithAssailant: true } },
    outcome: 'ineligible',
    expect: [['living-with-assailant', 'fail', '21']],
  },
  {
    name: '22. as 21, but separated with no prospect of reconciling: not barred (21)',
    changes: { applicant: { livedWithAssailantAsFamily: true, stillLivesWithAssailant: false } },
    outcome: 'eligible',
    expect: [['living-with-assailant', 'pass', '21']],
  },
  {
    name: '23. abused in 1975 by a stepfather at home, refused in 2005 under para 19, reapplied September 2020',
    changes: {
      ...abusedAsChild,
      receivedOn: '2020-09-15',
      applicant: { ...abusedAsChild.applicant, previousApplicationForSameInjury: true },
    },
    outcome: 'refer',
    expect: [
      ['same-roof', 'not-applicable', '19'],
      ['previous-application', 'refer', '18'],
      ['time-limit-same-roof', 'pass', '88A'],
      ['time-limit', 'not-applicable', '88A'],
      ['time-limit-under-18', 'not-applicable', '88A'],
    ],
    decisive: ['previous-application:refer', 'reported-to-police:refer'],
    deadline: '2021-06-13',
  },
  {
    name: '24. as 23, first applying in 2024, first reported in 2023: 88A window closed, in time under 88(b)',
    changes: {
      ...abusedAsChild,
      receivedOn: '2024-03-01',
      incident: { ...abusedAsChild.incident, reportedOn: '2023-05-01' },
    },
    outcome: 'refer',
    expect: [
      ['same-roof', 'not-applicable', '19'],
      ['time-limit-same-roof', 'not-applicable', '88A'],
      ['time-limit-under-18', 'pass', '88(b)'],
    ],
    decisive: ['reported-to-police:refer'],
    deadline: '2025-05-01',
  },
  {
    name: '26. award would reach a household the assailant controls: refer (20)',
    changes: { incident: { assailantMayBenefit: true } },
    outcome: 'refer',
    expect: [['benefit-to-assailant', 'refer', '20']],
    decisive: ['benefit-to-assailant:refer'],
  },
  {
    name: '27. adult never reported, 18 months after the incident: withhold (22)',
    changes: {
      incident: { date: '2025-05-27', reportedToPolice: false, reportedOn: null, cooperatedWithPolice: null },
    },
    outcome: 'ineligible',
    expect: [
      ['reported-to-police', 'fail', '22'],
      ['co-operation-with-police', 'not-applicable', '23'],
      ['time-limit', 'pass', '87'],
    ],
    decisive: ['reported-to-police:fail'],
  },
  {
    name: '28. reported, then refused to give a statement: withhold (23)',
    changes: { incident: { cooperatedWithPolice: false } },
    outcome: 'ineligible',
    expect: [['co-operation-with-police', 'fail', '23']],
    decisive: ['co-operation-with-police:fail'],
  },
  {
    name: "30. mother witnesses her daughter's stabbing, PTSD diagnosed by a clinical psychologist for 2 years",
    changes: {
      route: 'witness',
      witness: { lovedOne: true, presentOrImmediateAftermath: true },
      injuries: {
        minorOnly: true,
        mentalInjury: { disabling: true, diagnosis: 'clinical-psychologist', durationWeeks: 110, ongoing: true },
      },
    },
    outcome: 'eligible',
    expect: [
      ['route-witness', 'pass', '6'],
      ['injury-within-tariff', 'pass', 'Annex E'],
      ['mental-injury-diagnosis', 'pass', 'Annex E Part A'],
    ],
    decisive: [],
  },
  {
    name: '31. stranger witnesses the stabbing of a stranger, not threatened: refuse the witness route (6)',
    changes: {
      route: 'witness',
      witness: { lovedOne: false, presentOrImmediateAftermath: true },
      injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 20 } },
    },
    outcome: 'ineligible',
    expect: [['route-witness', 'fail', '6']],
    decisive: ['route-witness:fail'],
  },
  {
    name: '31, threatened with immediate violence: assessed as a direct victim (Annex B 2(1)(c))',
    changes: {
      incident: { kind: 'threat-of-immediate-violence' },
      injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 20 } },
    },
    outcome: 'eligible',
    expect: [
      ['crime-of-violence', 'pass', 'Annex B'],
      ['route-witness', 'not-applicable', '6'],
    ],
  },
  {
    name: '32. anxiety diagnosed only by a GP, lasting 8 weeks: specialist diagnosis needed',
    changes: {
      injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'other', durationWeeks: 8 } },
    },
    outcome: 'incomplete',
    expect: [['mental-injury-diagnosis', 'missing', 'Annex E Part A']],
    decisive: ['mental-injury-diagnosis:missing'],
  },
  {
    name: '33. bitten by a dog that was not set on the applicant: not a crime of violence (Annex B)',
    changes: { incident: { kind: 'animal-not-deliberately-used' } },
    outcome: 'ineligible',
    expect: [['crime-of-violence', 'fail', 'Annex B']],
  },
  {
    name: '34. fatal, the sole qualifying relative is a spouse living with the deceased',
    changes: {
      route: 'fatal',
      fatal: { relationship: 'spouse-or-civil-partner-living-together', paidFuneral: true },
    },
    outcome: 'eligible',
    expect: [['route-fatal', 'pass', '59']],
    decisive: [],
  },
  {
    name: '37. fatal, only relative a sibling who paid for the funeral: funeral payment only',
    changes: { route: 'fatal', fatal: { relationship: 'other', paidFuneral: true } },
    outcome: 'eligible',
    expect: [['route-fatal', 'pass', '59']],
  },
  {
    name: '37. fatal, only relative a sibling who did not pay for the funeral: not a qualifying relative (59)',
    changes: { route: 'fatal', fatal: { relationship: 'other', paidFuneral: false } },
    outcome: 'ineligible',
    expect: [['route-fatal', 'fail', '59']],
    decisive: ['route-fatal:fail'],
  },
  {
    name: '46. injured trying to stop a robbery, not a police officer: a person judges the risk (5)',
    changes: { route: 'exceptional-risk' },
    outcome: 'refer',
    expect: [['route-exceptional-risk', 'refer', '5']],
    decisive: ['route-exceptional-risk:refer'],
  },
  {
    name: '47. non-UK national on a short visit, in no para 11 or 13 category: refuse (10)',
    changes: { applicant: { residence: [] } },
    outcome: 'ineligible',
    expect: [['residence', 'fail', '10-13']],
    decisive: ['residence:fail'],
  },
  {
    name: '48. conclusively identified victim of trafficking: residence met (13(a))',
    changes: { applicant: { residence: ['trafficking-victim'] } },
    outcome: 'eligible',
    expect: [['residence', 'pass', '10-13']],
  },
];

describe('assessEligibility: the worked cases of cics-2012.md', () => {
  it.each(cases)('$name', (worked) => {
    const assessment = assessEligibility(factsWith(worked.changes));
    expect(assessment.outcome).toBe(worked.outcome);
    for (const [rule, result, paragraph] of worked.expect) {
      expect(resultOf(assessment, rule)).toMatchObject({ result, paragraph });
    }
    if (worked.decisive !== undefined) expect(decisive(assessment)).toEqual(worked.decisive);
    if (worked.deadline !== undefined) expect(assessment.deadline).toBe(worked.deadline);
  });

  it('23 under the edition as made (received 2018): the same-roof bar refuses (19)', () => {
    const assessment = assessEligibility(factsWith({ ...abusedAsChild, receivedOn: '2018-09-15' }));
    expect(assessment.edition).toBe('CICS-2012 as made 2012-11-27');
    expect(resultOf(assessment, 'same-roof')).toMatchObject({ result: 'fail', paragraph: '19' });
    expect(resultOf(assessment, 'time-limit-same-roof').result).toBe('not-applicable');
    expect(assessment.outcome).toBe('ineligible');
  });
});
