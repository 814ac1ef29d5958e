import {
  assessEligibility,
  editionInForce,
  eligibilityRuleIds,
  eligibilityRules,
  InvalidCalendarDateError,
  schemeEditionNamed,
  schemeEditions,
  type EligibilityFacts,
  type EligibilityRuleId,
} from '@redress/domain';
import { eligibleFacts, factsWith, resultOf, type FactsChanges } from './eligibility-test-helpers.js';

const ruleOf = (changes: FactsChanges, rule: EligibilityRuleId) =>
  resultOf(assessEligibility(factsWith(changes)), rule);

describe('scheme editions', () => {
  it.each([
    ['2012-11-26', undefined],
    ['2012-11-27', 'CICS-2012 as made 2012-11-27'],
    ['2019-06-12', 'CICS-2012 as made 2012-11-27'],
    ['2019-06-13', 'CICS-2012 as amended 2019-06-13'],
    ['2026-11-27', 'CICS-2012 as amended 2019-06-13'],
  ])('on %s the edition in force is %s', (date, name) => {
    expect(editionInForce(date)?.name).toBe(name);
  });

  it('lists the editions oldest first with the scheme dates as data', () => {
    expect(schemeEditions.map((edition) => edition.inForceFrom)).toEqual(['2012-11-27', '2019-06-13']);
    expect(schemeEditionNamed('CICS-2012 as made 2012-11-27')?.sameRoofBar).toEqual({ incidentBefore: '1979-10-01' });
    expect(schemeEditionNamed('CICS-2012 as amended 2019-06-13')?.sameRoofTransitional?.applyBy).toBe('2021-06-13');
    expect(schemeEditionNamed('CICS-2012 as amended 2019-06-13')?.sameRoofBar).toBeNull();
    expect(schemeEditionNamed('CICS-2008')).toBeUndefined();
  });

  it('rejects a date that is not on the calendar', () => {
    expect(() => editionInForce('2019-02-29')).toThrow(InvalidCalendarDateError);
  });

  it('names the edition chosen by the receipt date in the assessment', () => {
    const incident = { date: '2018-01-01', reportedOn: '2018-01-01' };
    const asMade = assessEligibility(factsWith({ receivedOn: '2019-06-12', incident }));
    expect(asMade.edition).toBe('CICS-2012 as made 2012-11-27');
    expect(resultOf(asMade, 'same-roof').result).toBe('pass');
    const amended = assessEligibility(factsWith({ receivedOn: '2019-06-13', incident }));
    expect(amended.edition).toBe('CICS-2012 as amended 2019-06-13');
    expect(resultOf(amended, 'same-roof').result).toBe('not-applicable');
  });

  it('refers an application received before CICS 2012 took effect (para 2)', () => {
    const assessment = assessEligibility(
      factsWith({ receivedOn: '2012-11-26', incident: { date: '2012-11-20', reportedOn: '2012-11-20' } }),
    );
    expect(resultOf(assessment, 'scheme-edition')).toMatchObject({ result: 'refer', paragraph: '2' });
    expect(assessment.outcome).toBe('refer');
  });
});

describe('assessEligibility: the trace', () => {
  it('answers every rule once, in the order of the contract table', () => {
    const assessment = assessEligibility(eligibleFacts());
    expect(assessment.results.map((result) => result.rule)).toEqual([...eligibilityRuleIds]);
    expect(eligibilityRules.map((rule) => rule.id)).toEqual([...eligibilityRuleIds]);
  });

  it('uses the UK date of the clock when the facts give no receivedOn', () => {
    const facts: EligibilityFacts = { ...eligibleFacts(), receivedOn: undefined };
    // The deadline is 2027-03-14: noon that day is in time; 00:30 UTC on the 15th (GMT in March) is late.
    const onTheLastDay = assessEligibility(facts, { clock: () => new Date('2027-03-14T12:00:00Z') });
    expect(onTheLastDay.receivedOn).toBe('2027-03-14');
    expect(resultOf(onTheLastDay, 'time-limit').result).toBe('pass');
    const dayAfter = assessEligibility(facts, { clock: () => new Date('2027-03-15T00:30:00Z') });
    expect(dayAfter.receivedOn).toBe('2027-03-15');
    expect(resultOf(dayAfter, 'time-limit').result).toBe('fail');
  });

  it('takes the UK date, not the UTC date, in summer time', () => {
    const facts: EligibilityFacts = { ...eligibleFacts(), receivedOn: null };
    expect(assessEligibility(facts, { clock: () => new Date('2026-06-30T23:30:00Z') }).receivedOn).toBe('2026-07-01');
  });
});

describe('assessEligibility: absent facts are missing, never guessed', () => {
  it('makes every rule that needs a fact missing when all the facts are absent', () => {
    const assessment = assessEligibility({ receivedOn: '2026-11-27' });
    expect(assessment.outcome).toBe('incomplete');
    expect(assessment.deadline).toBeNull();
    const notMissing = assessment.results.filter((result) => result.result !== 'missing').map((r) => r.rule);
    expect(notMissing).toEqual(['scheme-edition', 'same-roof', 'time-limit-same-roof']);
    expect(resultOf(assessment, 'same-roof').result).toBe('not-applicable');
  });

  it.each<[string, FactsChanges, EligibilityRuleId]>([
    ['incident date', { incident: { date: null } }, 'injury-before-1964'],
    ['previous application', { applicant: { previousApplicationForSameInjury: null } }, 'previous-application'],
    ['place', { incident: { place: undefined } }, 'relevant-place'],
    ['kind of incident', { incident: { kind: null } }, 'crime-of-violence'],
    ['route', { route: null }, 'route-witness'],
    ['route', { route: undefined }, 'route-fatal'],
    [
      'witness facts',
      {
        route: 'witness',
        witness: null,
        injuries: { mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 9 } },
      },
      'route-witness',
    ],
    ['fatal facts', { route: 'fatal', fatal: null }, 'route-fatal'],
    [
      'whether a non-relative paid for the funeral',
      { route: 'fatal', fatal: { relationship: 'other' } },
      'route-fatal',
    ],
    ['residence list', { applicant: { residence: null } }, 'residence'],
    ['date of birth', { applicant: { dateOfBirth: null } }, 'time-limit'],
    ['date of birth', { applicant: { dateOfBirth: null } }, 'time-limit-under-18'],
    [
      'report date of a child',
      { applicant: { dateOfBirth: '2010-01-01' }, incident: { reportedOn: null } },
      'time-limit-under-18',
    ],
    ['benefit to the assailant', { incident: { assailantMayBenefit: null } }, 'benefit-to-assailant'],
    ['living with the assailant', { applicant: { livedWithAssailantAsFamily: null } }, 'living-with-assailant'],
    [
      'still living with the assailant',
      { applicant: { livedWithAssailantAsFamily: true, stillLivesWithAssailant: null } },
      'living-with-assailant',
    ],
    ['whether reported', { incident: { reportedToPolice: null } }, 'reported-to-police'],
    ['report date', { incident: { reportedOn: null } }, 'reported-to-police'],
    ['co-operation', { incident: { cooperatedWithPolice: null } }, 'co-operation-with-police'],
    ['convictions', { applicant: { unspentConvictions: null } }, 'unspent-convictions'],
    ['a sentence', { applicant: { unspentConvictions: [{ sentence: 'fine' }, {}] } }, 'unspent-convictions'],
    ['injuries', { injuries: { minorOnly: null } }, 'injury-within-tariff'],
    [
      'mental injury duration',
      { injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'psychiatrist' } } },
      'injury-within-tariff',
    ],
    ['mental injury', { injuries: { mentalInjury: undefined } }, 'mental-injury-diagnosis'],
    ['diagnosis', { injuries: { mentalInjury: { disabling: true, durationWeeks: 10 } } }, 'mental-injury-diagnosis'],
  ])('%s absent: %s is missing', (_name, changes, rule) => {
    const assessment = assessEligibility(factsWith(changes));
    expect(resultOf(assessment, rule).result).toBe('missing');
    expect(assessment.outcome).toBe('incomplete');
  });

  it('treats an absent injuries section as missing for both injury rules', () => {
    const assessment = assessEligibility({ ...eligibleFacts(), injuries: null });
    expect(resultOf(assessment, 'injury-within-tariff').result).toBe('missing');
    expect(resultOf(assessment, 'mental-injury-diagnosis').result).toBe('missing');
  });

  it('lets a fail decide over a missing fact', () => {
    const assessment = assessEligibility(factsWith({ incident: { place: 'elsewhere', kind: null } }));
    expect(assessment.outcome).toBe('ineligible');
  });
});

describe('the rules, limb by limb', () => {
  it.each<[string, FactsChanges, EligibilityRuleId, string, string]>([
    ['Wales', { incident: { place: 'wales' } }, 'relevant-place', 'pass', '8'],
    ['Scotland', { incident: { place: 'scotland' } }, 'relevant-place', 'pass', '8'],
    ['Northern Ireland has its own scheme', { incident: { place: 'northern-ireland' } }, 'relevant-place', 'fail', '8'],
    ['an Annex C place', { incident: { place: 'annex-c' } }, 'relevant-place', 'refer', 'Annex C'],
    ['arson', { incident: { kind: 'arson' } }, 'crime-of-violence', 'pass', 'Annex B'],
    [
      'a vehicle used to injure',
      { incident: { kind: 'vehicle-deliberately-used' } },
      'crime-of-violence',
      'pass',
      'Annex B',
    ],
    [
      'an animal set on someone',
      { incident: { kind: 'animal-deliberately-used' } },
      'crime-of-violence',
      'pass',
      'Annex B',
    ],
    ['a road accident', { incident: { kind: 'vehicle-accident' } }, 'crime-of-violence', 'fail', 'Annex B'],
    ['something else', { incident: { kind: 'other' } }, 'crime-of-violence', 'refer', 'Annex B'],
    [
      'a witness who was not there',
      { route: 'witness', witness: { lovedOne: true, presentOrImmediateAftermath: false } },
      'route-witness',
      'fail',
      '6',
    ],
    [
      'a witness with no mental injury',
      { route: 'witness', witness: { lovedOne: true, presentOrImmediateAftermath: true } },
      'route-witness',
      'fail',
      '6',
    ],
    ['a parent of the deceased', { route: 'fatal', fatal: { relationship: 'parent' } }, 'route-fatal', 'pass', '59'],
    [
      'a previous application',
      { applicant: { previousApplicationForSameInjury: true } },
      'previous-application',
      'fail',
      '18',
    ],
    ['an asylum applicant', { applicant: { residence: ['asylum-applicant'] } }, 'residence', 'pass', '10-13'],
    ['a report on day 2', { incident: { reportedOn: '2025-03-16' } }, 'reported-to-police', 'pass', '22'],
    ['a report on day 3', { incident: { reportedOn: '2025-03-17' } }, 'reported-to-police', 'refer', '22'],
    [
      'a report during a period of abuse, within 2 days of the last incident',
      { incident: { lastDate: '2025-09-01', reportedOn: '2025-09-02' } },
      'reported-to-police',
      'pass',
      '22',
    ],
    [
      'youth rehabilitation order',
      { applicant: { unspentConvictions: [{ sentence: 'youth-rehabilitation-order' }] } },
      'unspent-convictions',
      'fail',
      'Annex D 3',
    ],
    [
      'service detention',
      { applicant: { unspentConvictions: [{ sentence: 'service-detention' }] } },
      'unspent-convictions',
      'fail',
      'Annex D 3',
    ],
    [
      'removal from service',
      { applicant: { unspentConvictions: [{ sentence: 'removal-from-service' }] } },
      'unspent-convictions',
      'fail',
      'Annex D 3',
    ],
    [
      'excluded from rehabilitation',
      { applicant: { unspentConvictions: [{ sentence: 'excluded-from-rehabilitation' }] } },
      'unspent-convictions',
      'fail',
      'Annex D 3',
    ],
    [
      'another sentence',
      { applicant: { unspentConvictions: [{ sentence: 'other' }] } },
      'unspent-convictions',
      'refer',
      'Annex D 4',
    ],
    [
      'minor injuries with a sexual assault',
      { injuries: { minorOnly: true, sexualAssault: true } },
      'injury-within-tariff',
      'pass',
      'Annex E',
    ],
    [
      'minor injuries with a disabling mental injury of exactly 6 weeks',
      { injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 6 } } },
      'injury-within-tariff',
      'fail',
      'Annex E',
    ],
    [
      'minor injuries with a disabling mental injury of 7 weeks',
      { injuries: { minorOnly: true, mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 7 } } },
      'injury-within-tariff',
      'pass',
      'Annex E',
    ],
    [
      'minor injuries with an ongoing disabling mental injury',
      {
        injuries: {
          minorOnly: true,
          mentalInjury: { disabling: true, diagnosis: 'psychiatrist', durationWeeks: 2, ongoing: true },
        },
      },
      'injury-within-tariff',
      'pass',
      'Annex E',
    ],
    [
      'minor injuries with a mental injury that is not disabling',
      {
        injuries: { minorOnly: true, mentalInjury: { disabling: false, diagnosis: 'psychiatrist', durationWeeks: 40 } },
      },
      'injury-within-tariff',
      'fail',
      'Annex E',
    ],
    [
      'no mental injury',
      { injuries: { mentalInjury: null } },
      'mental-injury-diagnosis',
      'not-applicable',
      'Annex E Part A',
    ],
    [
      'a child who lived with the assailant and still does',
      { applicant: { dateOfBirth: '2010-01-01', livedWithAssailantAsFamily: true, stillLivesWithAssailant: true } },
      'living-with-assailant',
      'not-applicable',
      '21',
    ],
  ])('%s: %s is %s (%s)', (_name, changes, rule, result, paragraph) => {
    expect(ruleOf(changes, rule)).toMatchObject({ result, paragraph });
  });

  it('lets a paragraph 18 refusal through under the amended edition only in a same-roof case of unknown history', () => {
    const sameRoofUnknown = ruleOf(
      {
        applicant: {
          dateOfBirth: '1960-01-01',
          previousApplicationForSameInjury: true,
          livedWithAssailantAsFamily: null,
        },
        incident: { date: '1975-01-01', reportedOn: '2020-01-01' },
      },
      'previous-application',
    );
    expect(sameRoofUnknown.result).toBe('missing');
    const asMade = resultOf(
      assessEligibility(
        factsWith({
          receivedOn: '2018-01-01',
          applicant: {
            dateOfBirth: '1960-01-01',
            previousApplicationForSameInjury: true,
            livedWithAssailantAsFamily: true,
          },
          incident: { date: '1975-01-01', reportedOn: '2017-12-01' },
        }),
      ),
      'previous-application',
    );
    expect(asMade.result).toBe('fail');
  });
});

describe('time limits', () => {
  it('counts an adult period of abuse from the last incident (87)', () => {
    const assessment = assessEligibility(
      factsWith({ incident: { date: '2020-01-01', lastDate: '2025-06-30', reportedOn: '2025-07-01' } }),
    );
    expect(resultOf(assessment, 'time-limit')).toMatchObject({ result: 'pass', paragraph: '87' });
    expect(assessment.deadline).toBe('2027-06-30');
  });

  it('ends a 2-year limit from 29 February on 28 February (corresponding date rule)', () => {
    const facts = (receivedOn: string) =>
      factsWith({ receivedOn, incident: { date: '2024-02-29', reportedOn: '2024-02-29' } });
    expect(assessEligibility(facts('2026-02-28')).deadline).toBe('2026-02-28');
    expect(resultOf(assessEligibility(facts('2026-02-28')), 'time-limit').result).toBe('pass');
    expect(resultOf(assessEligibility(facts('2026-03-01')), 'time-limit').result).toBe('fail');
  });

  it('treats the 18th birthday as adult (87) and the day before as a child (88)', () => {
    const on = (date: string) =>
      factsWith({ applicant: { dateOfBirth: '2007-03-14' }, incident: { date, reportedOn: date } });
    expect(resultOf(assessEligibility(on('2025-03-14')), 'time-limit').result).toBe('pass');
    expect(resultOf(assessEligibility(on('2025-03-14')), 'time-limit-under-18').result).toBe('not-applicable');
    expect(resultOf(assessEligibility(on('2025-03-13')), 'time-limit').result).toBe('not-applicable');
    expect(resultOf(assessEligibility(on('2025-03-13')), 'time-limit-under-18')).toMatchObject({
      result: 'pass',
      paragraph: '88(a)',
    });
  });

  it('reads a report on the 18th birthday as a report at 18 (88(b))', () => {
    const assessment = assessEligibility(
      factsWith({
        receivedOn: '2026-11-27',
        applicant: { dateOfBirth: '2005-06-01' },
        incident: { date: '2015-01-01', reportedOn: '2023-06-01' },
      }),
    );
    expect(resultOf(assessment, 'time-limit-under-18')).toMatchObject({ result: 'fail', paragraph: '88(b)' });
    expect(assessment.deadline).toBe('2025-06-01');
  });

  it('has not started a child’s time limit when it has never been reported (88(b))', () => {
    const assessment = assessEligibility(
      factsWith({
        applicant: { dateOfBirth: '1990-01-01' },
        incident: { date: '2000-01-01', reportedToPolice: false, reportedOn: null, cooperatedWithPolice: null },
      }),
    );
    expect(resultOf(assessment, 'time-limit-under-18')).toMatchObject({ result: 'pass', paragraph: '88(b)' });
    expect(assessment.deadline).toBeNull();
    expect(resultOf(assessment, 'reported-to-police').result).toBe('fail');
  });

  it('refers a period of abuse that began in childhood and went on past 18 when late under 88 but within 2 years of the last incident', () => {
    const assessment = assessEligibility(
      factsWith({
        applicant: { dateOfBirth: '2002-01-01' },
        incident: { date: '2018-01-01', lastDate: '2025-06-01', reportedOn: '2019-01-01' },
      }),
    );
    expect(resultOf(assessment, 'time-limit-under-18')).toMatchObject({ result: 'refer', paragraph: '87' });
    expect(assessment.deadline).toBe('2021-12-31');
  });

  it('closes the 88A window after 13 June 2021, leaving 87 and 88 to decide', () => {
    const sameRoof = (receivedOn: string, lateApplicationReason: string | null = null) =>
      assessEligibility(
        factsWith({
          receivedOn,
          lateApplicationReason,
          applicant: { dateOfBirth: '1950-01-01', livedWithAssailantAsFamily: true, stillLivesWithAssailant: false },
          incident: { date: '1978-01-01', reportedOn: '1978-01-02' },
        }),
      );
    expect(resultOf(sameRoof('2021-06-13'), 'time-limit-same-roof')).toMatchObject({
      result: 'pass',
      paragraph: '88A',
    });
    expect(resultOf(sameRoof('2021-06-13'), 'time-limit').result).toBe('not-applicable');
    expect(sameRoof('2021-06-13').outcome).toBe('eligible');
    expect(resultOf(sameRoof('2021-06-14'), 'time-limit-same-roof').result).toBe('not-applicable');
    expect(resultOf(sameRoof('2021-06-14'), 'time-limit')).toMatchObject({ result: 'fail', paragraph: '87' });
    expect(resultOf(sameRoof('2021-06-14', 'I did not know the rule had changed.'), 'time-limit')).toMatchObject({
      result: 'refer',
      paragraph: '89',
    });
  });

  it('treats a blank late reason as no reason', () => {
    const late = factsWith({
      incident: { date: '2023-06-01', reportedOn: '2023-06-01' },
      lateApplicationReason: '   ',
    });
    expect(resultOf(assessEligibility(late), 'time-limit').result).toBe('fail');
  });
});
