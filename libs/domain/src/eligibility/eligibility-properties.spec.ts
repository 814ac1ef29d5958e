import fc from 'fast-check';
import {
  assessEligibility,
  convictionSentences,
  eligibilityRoutes,
  eligibilityRuleIds,
  fatalRelationships,
  findImpossibleFacts,
  fromDayNumber,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  residenceBases,
  toDayNumber,
  type EligibilityAssessment,
  type EligibilityFacts,
} from '@redress/domain';
import { factsWith, resultOf } from './eligibility-test-helpers.js';

const FIRST_DAY = toDayNumber('1955-01-01');
const LAST_DAY = toDayNumber('2032-12-31');
const YEAR = 365;

/** Absent (undefined), null, or a value: the three ways a fact can arrive. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof(
    { weight: 6, arbitrary },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** Facts that can all be true: every date consistent with receipt, the incident and birth. */
const possibleFacts: fc.Arbitrary<EligibilityFacts> = fc
  .record({
    received: fc.integer({ min: toDayNumber('2010-01-01'), max: LAST_DAY }),
    incidentBack: fc.oneof(fc.integer({ min: 0, max: 3 * YEAR }), fc.integer({ min: 0, max: 60 * YEAR })),
    periodDays: fc.option(fc.integer({ min: 0, max: 12 * YEAR }), { nil: null }),
    ageDays: fc.integer({ min: 0, max: 70 * YEAR }),
    reportAfter: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 40 * YEAR })),
    has: fc.record({ incident: fc.boolean(), dob: fc.boolean(), report: fc.boolean() }),
  })
  .chain(({ received, incidentBack, periodDays, ageDays, reportAfter, has }) => {
    const incidentDay = Math.max(FIRST_DAY, received - incidentBack);
    const lastDay = periodDays === null ? null : Math.min(received, incidentDay + periodDays);
    const reportDay = Math.min(incidentDay + reportAfter, LAST_DAY);
    return fc.record({
      receivedOn: fc.constant(fromDayNumber(received)),
      route: maybe(fc.constantFrom(...eligibilityRoutes)),
      applicant: fc.record({
        dateOfBirth: has.dob ? fc.constant(fromDayNumber(incidentDay - ageDays)) : maybe(fc.constant(null)),
        residence: maybe(fc.subarray([...residenceBases], { maxLength: 3 })),
        unspentConvictions: maybe(
          fc.array(fc.record({ sentence: fc.constantFrom(...convictionSentences) }), { maxLength: 2 }),
        ),
        previousApplicationForSameInjury: maybe(fc.boolean()),
        livedWithAssailantAsFamily: maybe(fc.boolean()),
        stillLivesWithAssailant: maybe(fc.boolean()),
      }),
      incident: fc.record({
        date: has.incident ? fc.constant(fromDayNumber(incidentDay)) : maybe(fc.constant(null)),
        lastDate: fc.constant(has.incident && lastDay !== null ? fromDayNumber(lastDay) : null),
        place: maybe(fc.constantFrom(...incidentPlaces)),
        kind: maybe(fc.constantFrom(...incidentKinds)),
        reportedToPolice: maybe(fc.boolean()),
        reportedOn: has.report && has.incident ? fc.constant(fromDayNumber(reportDay)) : fc.constant(null),
        cooperatedWithPolice: maybe(fc.boolean()),
        assailantMayBenefit: maybe(fc.boolean()),
      }),
      injuries: maybe(
        fc.record({
          minorOnly: maybe(fc.boolean()),
          sexualAssault: maybe(fc.boolean()),
          mentalInjury: maybe(
            fc.record({
              disabling: maybe(fc.boolean()),
              diagnosis: maybe(fc.constantFrom(...mentalInjuryDiagnoses)),
              durationWeeks: maybe(fc.integer({ min: 0, max: 300 })),
              ongoing: maybe(fc.boolean()),
            }),
          ),
        }),
      ),
      witness: maybe(fc.record({ lovedOne: maybe(fc.boolean()), presentOrImmediateAftermath: maybe(fc.boolean()) })),
      fatal: maybe(
        fc.record({ relationship: maybe(fc.constantFrom(...fatalRelationships)), paidFuneral: maybe(fc.boolean()) }),
      ),
      lateApplicationReason: fc.constantFrom(null, undefined, '', 'I was in hospital.'),
    });
  });

const timeLimitRules = new Set(['time-limit', 'time-limit-same-roof', 'time-limit-under-18']);
const timeLimitResults = (assessment: EligibilityAssessment) =>
  assessment.results.filter((result) => timeLimitRules.has(result.rule)).map((result) => result.result);
const late = (assessment: EligibilityAssessment) =>
  timeLimitResults(assessment).some((result) => result === 'fail' || result === 'refer');
const inTime = (assessment: EligibilityAssessment) => {
  const results = timeLimitResults(assessment);
  return results.includes('pass') && results.every((result) => result === 'pass' || result === 'not-applicable');
};

describe('assessEligibility: properties', () => {
  it('never throws on facts that can all be true, and finds no problem in them', () => {
    fc.assert(
      fc.property(possibleFacts, (facts) => {
        expect(findImpossibleFacts(facts)).toEqual([]);
        expect(() => assessEligibility(facts)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('combines the results by the contract rule: fail, then missing, then refer, else eligible', () => {
    fc.assert(
      fc.property(possibleFacts, (facts) => {
        const assessment = assessEligibility(facts);
        const results = assessment.results.map((result) => result.result);
        const expected = results.includes('fail')
          ? 'ineligible'
          : results.includes('missing')
            ? 'incomplete'
            : results.includes('refer')
              ? 'refer'
              : 'eligible';
        expect(assessment.outcome).toBe(expected);
        expect(assessment.results.map((result) => result.rule)).toEqual([...eligibilityRuleIds]);
        for (const result of assessment.results) {
          expect(result.paragraph).not.toBe('');
          expect(result.reason).not.toBe('');
          expect(result.caseworkerReason).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never makes a late application in time by receiving it later (save para 88A arriving with the 2019 edition)', () => {
    let lateCases = 0;
    fc.assert(
      fc.property(possibleFacts, fc.integer({ min: 0, max: 20 * YEAR }), (facts, laterBy) => {
        const receivedOn = facts.receivedOn as string;
        const later = fromDayNumber(Math.min(toDayNumber(receivedOn) + laterBy, LAST_DAY));
        const first = assessEligibility(facts);
        const second = assessEligibility({ ...facts, receivedOn: later });
        const windowOpened =
          first.edition !== second.edition && resultOf(second, 'time-limit-same-roof').result === 'pass';
        if (late(first) && !windowOpened) {
          lateCases += 1;
          expect(inTime(second)).toBe(false);
          expect(late(second)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    expect(lateCases).toBeGreaterThan(100); // the property was exercised, not vacuously true
  });

  it('is in time exactly when received by the deadline, where the deadline is known', () => {
    const seen = { inTime: 0, late: 0 };
    fc.assert(
      fc.property(possibleFacts, (facts) => {
        const assessment = assessEligibility(facts);
        const results = timeLimitResults(assessment);
        fc.pre(assessment.deadline !== null && !results.includes('missing'));
        const byDeadline = toDayNumber(assessment.receivedOn) <= toDayNumber(assessment.deadline);
        expect(inTime(assessment)).toBe(byDeadline);
        seen[byDeadline ? 'inTime' : 'late'] += 1;
      }),
      { numRuns: 2000 },
    );
    expect(seen.inTime).toBeGreaterThan(50);
    expect(seen.late).toBeGreaterThan(50);
  });

  it('is deterministic: the same facts give the same assessment', () => {
    fc.assert(
      fc.property(possibleFacts, (facts) => {
        expect(assessEligibility(facts)).toEqual(assessEligibility(structuredClone(facts)));
      }),
      { numRuns: 300 },
    );
  });

  it('shows the one exception: a late same-roof case received again after 13 June 2019 is in time under 88A', () => {
    const facts = (receivedOn: string) =>
      factsWith({
        receivedOn,
        applicant: { dateOfBirth: '1968-01-10', livedWithAssailantAsFamily: true, stillLivesWithAssailant: false },
        incident: { date: '1975-02-01', reportedOn: '2004-03-01' },
      });
    expect(late(assessEligibility(facts('2019-06-12')))).toBe(true);
    expect(inTime(assessEligibility(facts('2019-06-13')))).toBe(true);
    expect(late(assessEligibility(facts('2021-06-14')))).toBe(true);
  });
});
