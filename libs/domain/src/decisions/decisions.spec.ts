import { assessEligibility } from '../eligibility/assess-eligibility.js';
import {
  approvalNeeded,
  checkDecisionAgainstCalculation,
  claimOutcomeOf,
  checkAppealTimeLimit,
  checkDecisionDraft,
  checkReviewTimeLimit,
  paragraphsOf,
  reviewOutcome,
} from './decision-policy.js';
import { applyJudgements, type Judgement } from './judgements.js';

const THRESHOLD = 5_000_000;

describe('four eyes', () => {
  it.each([
    [{ kind: 'award', amountPence: 5_000_000, grounds: [] }, []],
    [{ kind: 'award', amountPence: 5_000_001, grounds: [] }, ['award-above-threshold']],
    [{ kind: 'refusal', amountPence: null, grounds: ['conduct'] }, ['refusal-on-conduct']],
    [{ kind: 'refusal', amountPence: null, grounds: ['character', 'residence'] }, ['refusal-on-character']],
    [{ kind: 'refusal', amountPence: null, grounds: ['application-out-of-time'] }, []],
    [
      { kind: 'reduced', amountPence: 6_000_000, grounds: ['conduct'] },
      ['award-above-threshold', 'refusal-on-conduct'],
    ],
  ] as const)('%j needs approval for %j', (draft, reasons) => {
    expect(approvalNeeded(draft, THRESHOLD)).toEqual(reasons);
  });

  it('refuses decisions of the wrong shape', () => {
    expect(() => checkDecisionDraft({ kind: 'award', amountPence: 0, grounds: [] })).toThrow(/positive amount/);
    expect(() => checkDecisionDraft({ kind: 'refusal', amountPence: 100, grounds: ['conduct'] })).toThrow(/no amount/);
    expect(() => checkDecisionDraft({ kind: 'refusal', amountPence: null, grounds: [] })).toThrow(/grounds/);
    expect(() => checkDecisionDraft({ kind: 'reduced', amountPence: 100, grounds: [] })).toThrow(/grounds/);
    expect(() => checkDecisionDraft({ kind: 'award', amountPence: 100, grounds: [] })).not.toThrow();
  });

  it('cites the paragraphs of every ground once', () => {
    expect(paragraphsOf(['character', 'conduct', 'character'])).toEqual(['26', 'Annex D', '25']);
  });
});

describe('reviews and appeals', () => {
  it('accepts a review on day 56 and refuses day 57 without a recorded extension', () => {
    expect(() => checkReviewTimeLimit('2026-01-01', '2026-02-26', null)).not.toThrow();
    expect(() => checkReviewTimeLimit('2026-01-01', '2026-02-27', null)).toThrow(/para 118/);
    expect(() => checkReviewTimeLimit('2026-01-01', '2026-02-27', '  ')).toThrow(/para 118/);
    expect(() => checkReviewTimeLimit('2026-01-01', '2026-02-27', 'In hospital for 6 weeks')).not.toThrow();
    expect(() => checkReviewTimeLimit('2026-01-02', '2026-01-01', null)).toThrow(/before the decision/);
  });

  it('names the outcome of a review by the amounts', () => {
    expect(reviewOutcome(100, 200)).toBe('raised');
    expect(reviewOutcome(200, 100)).toBe('lowered');
    expect(reviewOutcome(0, 0)).toBe('upheld');
  });

  it('allows an appeal within 90 days of the review decision', () => {
    expect(() => checkAppealTimeLimit('2026-01-01', '2026-04-01')).not.toThrow();
    expect(() => checkAppealTimeLimit('2026-01-01', '2026-04-02')).toThrow(/90 days/);
  });
});

describe('judgements over the eligibility assessment', () => {
  // Crime in 2020, applied in 2026 with a reason given: the time limit (para 87) refers to para 89.
  const facts = {
    receivedOn: '2026-06-01',
    route: 'direct-victim',
    applicant: {
      dateOfBirth: '1980-01-01',
      residence: ['british-citizen'],
      unspentConvictions: [],
      previousApplicationForSameInjury: false,
      livedWithAssailantAsFamily: false,
      stillLivesWithAssailant: false,
    },
    incident: {
      date: '2020-03-01',
      lastDate: null,
      place: 'england',
      kind: 'physical-attack',
      reportedToPolice: true,
      reportedOn: '2020-03-01',
      cooperatedWithPolice: true,
      assailantMayBenefit: false,
    },
    injuries: { minorOnly: false, sexualAssault: false, mentalInjury: null },
    lateApplicationReason: 'In a coma for two years',
  } as const;
  const assessment = assessEligibility(facts);
  const by = 'cw-1';

  it('starts at refer because of the late application', () => {
    expect(assessment.results.find((r) => r.rule === 'time-limit')?.result).toBe('refer');
  });

  it('becomes eligible once the late application is accepted under para 89, keeping the engine result', () => {
    const judged = applyJudgements(assessment, [
      { kind: 'late-application-accepted', reason: 'Medical evidence of coma', by },
    ]);
    const rule = judged.results.find((r) => r.rule === 'time-limit');
    expect(rule).toMatchObject({
      result: 'pass',
      engineResult: 'refer',
      judgement: { kind: 'late-application-accepted', by },
    });
    expect(rule?.caseworkerReason).toContain('para 89');
    expect(judged.outcome).toBe(
      assessment.results.some((r) => r.rule !== 'time-limit' && r.result === 'refer') ? 'refer' : 'eligible',
    );
  });

  it('a later judgement replaces an earlier one on the same rule', () => {
    const judgements: Judgement[] = [
      { kind: 'late-application-accepted', reason: 'a', by },
      { kind: 'late-application-refused', reason: 'no evidence', by },
    ];
    expect(applyJudgements(assessment, judgements).outcome).toBe('ineligible');
  });

  it('adds a para 25 result for conduct: refusal fails it, a reduction carries its percentage', () => {
    const refused = applyJudgements(assessment, [
      { kind: 'conduct', conductEffect: 'refuse', reason: 'started the fight', by },
    ]);
    expect(refused.results.at(-1)).toMatchObject({ rule: 'conduct', paragraph: '25', result: 'fail' });
    expect(refused.outcome).toBe('ineligible');
    const reduced = applyJudgements(assessment, [
      { kind: 'late-application-accepted', reason: 'coma', by },
      { kind: 'conduct', conductEffect: 'reduce', reductionPercent: 25, reason: 'provocation', by },
    ]);
    expect(reduced.reductionPercent).toBe(25);
    expect(reduced.results.at(-1)).toMatchObject({ rule: 'conduct', result: 'pass' });
  });

  it('refuses judgements without a reason or with a percentage that is not theirs', () => {
    expect(() => applyJudgements(assessment, [{ kind: 'conduct', conductEffect: 'reduce', reason: 'x', by }])).toThrow(
      /1 to 99/,
    );
    expect(() => applyJudgements(assessment, [{ kind: 'late-application-accepted', reason: ' ', by }])).toThrow(
      /reason/,
    );
    expect(() =>
      applyJudgements(assessment, [{ kind: 'late-application-accepted', reductionPercent: 5, reason: 'x', by }]),
    ).toThrow(/Only a conduct/);
  });
});

describe('decisions and the claim aggregate', () => {
  it.each([
    [
      { kind: 'award', amountPence: 100, grounds: [] },
      { outcome: 'award', awardPence: 100 },
    ],
    [
      { kind: 'reduced', amountPence: 80, grounds: ['conduct'] },
      { outcome: 'award', awardPence: 80 },
    ],
    [
      { kind: 'withheld', amountPence: 100, grounds: ['assailant-may-benefit'] },
      { outcome: 'refusal', awardPence: null },
    ],
    [
      { kind: 'refusal', amountPence: null, grounds: ['residence'] },
      { outcome: 'refusal', awardPence: null },
    ],
  ] as const)('%j is recorded on the claim as %j', (draft, recorded) => {
    expect(claimOutcomeOf(draft)).toEqual(recorded);
  });

  it('needs the kind and the calculation to agree', () => {
    expect(() => checkDecisionAgainstCalculation('award', { reductionPercent: 0, totalPence: 100 })).not.toThrow();
    expect(() => checkDecisionAgainstCalculation('award', { reductionPercent: 10, totalPence: 90 })).toThrow(/reduced/);
    expect(() => checkDecisionAgainstCalculation('reduced', { reductionPercent: 0, totalPence: 90 })).toThrow(
      /applies/,
    );
    expect(() => checkDecisionAgainstCalculation('reduced', { reductionPercent: 25, totalPence: 75 })).not.toThrow();
    expect(() => checkDecisionAgainstCalculation('withheld', { reductionPercent: 0, totalPence: 0 })).toThrow(
      /nothing/,
    );
    expect(() => checkDecisionAgainstCalculation('refusal', { reductionPercent: 0, totalPence: 0 })).not.toThrow();
  });
});
