import { DomainError } from '../shared/domain-error.js';
import { AwardInputError, calculateAward, type AwardInput } from './index.js';
import { AS_AMENDED, AS_MADE, DECIDED_ON, award, codeOf, injuries } from './award-test-helpers.js';

const pence = (pounds: number): number => Math.round(pounds * 100);

describe('calculateAward: the examples of the awards contract', () => {
  const examples: [string, AwardInput, number][] = [
    ['1. injuries at 11,000 and 2,400', award({ injuries: injuries(codeOf(11000), codeOf(2400)) }), 11720],
    [
      '2. injuries at 11,000, 3,500 and 2,400',
      award({ injuries: injuries(codeOf(11000), codeOf(3500), codeOf(2400)) }),
      12410,
    ],
    [
      '3. injuries at 6,200, 3,500, 2,400 and 1,500 (the fourth ignored)',
      award({ injuries: injuries(codeOf(6200), codeOf(3500), codeOf(2400), codeOf(1500)) }),
      7610,
    ],
    ['4. two injuries at 3,500', award({ injuries: injuries(codeOf(3500), codeOf(3500, { skip: 1 })) }), 4550],
    [
      '5a. bereavement with two other qualifying relatives',
      award({ fatal: { bereavement: { otherQualifyingRelatives: 2 } } }),
      5500,
    ],
    [
      '5b. bereavement as the sole qualifying relative',
      award({ fatal: { bereavement: { otherQualifyingRelatives: 0 } } }),
      11000,
    ],
    [
      '6. child aged exactly 10 on the date of death',
      award({ fatal: { childPayment: { dateOfBirth: '2010-05-01', dateOfDeath: '2020-05-01' } } }),
      16000,
    ],
    ['7a. funeral costs 7,000', award({ fatal: { funeral: { costsPence: pence(7000) } } }), 5000],
    ['7b. funeral costs 3,000', award({ fatal: { funeral: { costsPence: pence(3000) } } }), 3000],
    [
      '8. gross 620,000 capped at 500,000, then reduced by 10%',
      award({
        injuries: injuries(codeOf(250000)),
        lossOfEarnings: { weeksUnableToWork: 52, metWorkTest: false },
        specialExpenses: [{ kind: 'care', amountPence: pence(370000) }],
        reductionPercent: 10,
      }),
      450000,
    ],
    [
      '9. injury at 11,000 less a 1,000 court compensation order',
      award({ injuries: injuries(codeOf(11000)), deductionsPence: pence(1000) }),
      10000,
    ],
  ];

  it.each(examples)('%s', (_name, input, expectedPounds) => {
    expect(calculateAward(input).totalPence).toBe(pence(expectedPounds));
  });

  it('shows each injury line with its tariff amount and percentage (example 2)', () => {
    const result = calculateAward(award({ injuries: injuries(codeOf(2400), codeOf(11000), codeOf(3500)) }));
    expect(
      result.lines.map((line) => (line.kind === 'injury' ? [line.tariffPence, line.percent, line.amountPence] : [])),
    ).toEqual([
      [1100000, 100, 1100000],
      [350000, 30, 105000],
      [240000, 15, 36000],
    ]);
    expect(result.grossPence).toBe(1241000);
  });

  it('gives the later-listed of two equal injuries the lower percentage (example 4)', () => {
    const first = codeOf(3500);
    const second = codeOf(3500, { skip: 1 });
    const result = calculateAward(award({ injuries: injuries(second, first) }));
    expect(result.lines).toMatchObject([
      { code: second, percent: 100 },
      { code: first, percent: 30 },
    ]);
  });

  it('lists a fourth injury at 0% so the letter can say it was not paid (example 3)', () => {
    const result = calculateAward(
      award({ injuries: injuries(codeOf(6200), codeOf(3500), codeOf(2400), codeOf(1500)) }),
    );
    expect(result.lines[3]).toMatchObject({ code: codeOf(1500), percent: 0, amountPence: 0 });
    expect(result.explanation.some((line) => line.startsWith('No payment for') && line.includes(codeOf(1500)))).toBe(
      true,
    );
  });

  it('reports the cap, the reduction and the gross of example 8', () => {
    const result = calculateAward(examples[9]![1]);
    expect(result).toMatchObject({
      grossPence: pence(620000),
      capApplied: true,
      reductionPence: pence(50000),
      totalPence: pence(450000),
    });
  });

  it('reports deductions and interim payments as given (example 9 plus an interim payment)', () => {
    const result = calculateAward(
      award({ injuries: injuries(codeOf(11000)), deductionsPence: pence(1000), interimPaidPence: pence(2500) }),
    );
    expect(result).toMatchObject({
      grossPence: pence(11000),
      deductionsPence: pence(1000),
      interimPaidPence: pence(2500),
      totalPence: pence(7500),
    });
  });
});

describe('calculateAward: payments outside the formula', () => {
  it('pays pregnancy in full on top of the formula (research case 14)', () => {
    const pregnancy = 'B-PREGNANCY-SEXUAL-ASSAULT';
    const result = calculateAward(award({ injuries: injuries(pregnancy, codeOf(11000), codeOf(2400)) }));
    expect(result.totalPence).toBe(pence(11000 + 720 + 5500));
    expect(result.lines).toContainEqual(
      expect.objectContaining({ code: pregnancy, percent: 100, amountPence: pence(5500) }),
    );
  });

  it('does not let an outside-formula payment take a place in the formula', () => {
    const result = calculateAward(award({ injuries: injuries('B-INFECTION-HIV', codeOf(3500), codeOf(2400)) }));
    expect(result.totalPence).toBe(pence(44000 + 3500 + 720));
  });
});

describe('calculateAward: loss of earnings', () => {
  const withLoss = (weeksUnableToWork: number, decidedOn = DECIDED_ON, metWorkTest = true): AwardInput =>
    award({ decidedOn, injuries: injuries(codeOf(2400)), lossOfEarnings: { weeksUnableToWork, metWorkTest } });
  const lossLine = (input: AwardInput) => calculateAward(input).lines.find((line) => line.kind === 'loss-of-earnings');

  it.each([
    ['28 weeks: nothing', 28, undefined],
    ['29 weeks: week 29 only', 29, 12325],
    ['40 weeks: weeks 29 to 40', 40, 12 * 12325],
  ])('%s', (_name, weeks, expected) => {
    expect(lossLine(withLoss(weeks))?.amountPence).toBe(expected);
  });

  it('uses the statutory sick pay rate in force on the decision date, across a rate change', () => {
    expect(lossLine(withLoss(40, '2025-04-05'))).toMatchObject({
      weeklyRatePence: 11675,
      rateEffectiveFrom: '2024-04-06',
      amountPence: 12 * 11675,
    });
    expect(lossLine(withLoss(40, '2025-04-06'))).toMatchObject({
      weeklyRatePence: 11875,
      rateEffectiveFrom: '2025-04-06',
      amountPence: 12 * 11875,
    });
  });

  it('matches research case 39: 40 weeks at £116.75 is £1,401', () => {
    expect(lossLine(withLoss(40, '2024-10-01'))?.amountPence).toBe(pence(1401));
  });

  it('pays nothing when the work test is not met', () => {
    expect(lossLine(withLoss(52, DECIDED_ON, false))).toBeUndefined();
  });

  it('pays nothing without an injury payment', () => {
    const result = calculateAward(
      award({
        fatal: { bereavement: { otherQualifyingRelatives: 0 } },
        lossOfEarnings: { weeksUnableToWork: 52, metWorkTest: true },
      }),
    );
    expect(result.lines.some((line) => line.kind === 'loss-of-earnings')).toBe(false);
    expect(result.explanation).toContain(
      'No loss of earnings payment: it is only paid together with an injury payment.',
    );
  });
});
describe('calculateAward: special expenses', () => {
  const expenses = [
    { kind: 'care' as const, amountPence: 120000 },
    { kind: 'aids' as const, amountPence: 3455 },
  ];

  it('sums the expenses as given after more than 28 weeks of incapacity', () => {
    const result = calculateAward(
      award({
        injuries: injuries(codeOf(2400)),
        lossOfEarnings: { weeksUnableToWork: 29, metWorkTest: false },
        specialExpenses: expenses,
      }),
    );
    expect(result.lines.filter((line) => line.kind === 'special-expense').map((line) => line.amountPence)).toEqual([
      120000, 3455,
    ]);
    expect(result.totalPence).toBe(240000 + 123455);
  });

  it('pays none at 28 weeks or with no incapacity shown', () => {
    for (const lossOfEarnings of [{ weeksUnableToWork: 28, metWorkTest: true }, null]) {
      const result = calculateAward(
        award({ injuries: injuries(codeOf(2400)), lossOfEarnings, specialExpenses: expenses }),
      );
      expect(result.totalPence).toBe(240000);
    }
  });
});

describe("calculateAward: child's payment", () => {
  const child = (dateOfBirth: string, dateOfDeath: string) =>
    calculateAward(award({ decidedOn: '2026-11-27', fatal: { childPayment: { dateOfBirth, dateOfDeath } } }));

  it.each([
    ['whole years and a part year by days', '2010-01-01', '2020-03-01', 7, 306, 7 * 200000 + 167671],
    ['one extra day is 547.94p, rounded down', '2010-06-02', '2020-06-01', 8, 1, 8 * 200000 + 547],
    ['born on 29 February turns 18 on 1 March', '2008-02-29', '2025-03-01', 1, 0, 200000],
    ['a day short of 18', '2008-01-02', '2026-01-01', 0, 1, 547],
  ])('%s', (_name, born, died, wholeYears, extraDays, amountPence) => {
    expect(child(born, died).lines).toEqual([
      expect.objectContaining({ kind: 'child-payment', wholeYears, extraDays, amountPence }),
    ]);
  });

  it('pays nothing for a child already 18', () => {
    const result = child('2000-01-01', '2018-01-01');
    expect(result.lines).toEqual([]);
    expect(result.totalPence).toBe(0);
  });
});

describe('calculateAward: adjustments', () => {
  it('rounds the reduction down to the penny', () => {
    // 33.33% of 240,000p is 79,992p exactly; 12.5% of an odd 240,001p would be 30,000.125p.
    const result = calculateAward(award({ injuries: injuries(codeOf(2400)), reductionPercent: 33.33 }));
    expect(result.reductionPence).toBe(Math.floor((240000 * 3333) / 10000));
    expect(result.totalPence).toBe(240000 - 79992);
    const odd = calculateAward(
      award({
        injuries: injuries(codeOf(2400)),
        lossOfEarnings: { weeksUnableToWork: 29, metWorkTest: false },
        specialExpenses: [{ kind: 'aids', amountPence: 1 }],
        reductionPercent: 12.5,
      }),
    );
    expect(odd.reductionPence).toBe(30000);
    expect(odd.totalPence).toBe(210001);
  });

  it('never goes below zero when deductions and interim payments exceed the award', () => {
    const result = calculateAward(
      award({ injuries: injuries(codeOf(2400)), deductionsPence: 200000, interimPaidPence: 100000 }),
    );
    expect(result.totalPence).toBe(0);
  });

  it('withholds everything at a 100% reduction', () => {
    expect(calculateAward(award({ injuries: injuries(codeOf(11000)), reductionPercent: 100 })).totalPence).toBe(0);
  });
});

describe('calculateAward: editions', () => {
  it.each([
    ['2015-01-01', AS_MADE],
    ['2019-06-12', AS_MADE],
    ['2019-06-13', AS_AMENDED],
    ['2026-11-27', AS_AMENDED],
  ])('decided on %s applies %s by default', (decidedOn, edition) => {
    expect(calculateAward(award({ decidedOn })).edition).toBe(edition);
  });

  it('applies a named edition', () => {
    expect(calculateAward(award({ edition: AS_MADE })).edition).toBe(AS_MADE);
  });
});

describe('calculateAward: invalid input', () => {
  const problemsOf = (input: unknown): { field?: string; message: string }[] => {
    try {
      calculateAward(input as AwardInput);
    } catch (error) {
      expect(error).toBeInstanceOf(AwardInputError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'awards.invalid-input', kind: 'invalid-input' });
      return [...(error as AwardInputError).details];
    }
    throw new Error('expected an AwardInputError');
  };
  const fields = (input: unknown) => problemsOf(input).map((problem) => problem.field);

  it('lists every problem at once', () => {
    expect(
      fields(
        award({
          injuries: injuries(codeOf(2400), 'A-NOSE-TYPO'),
          specialExpenses: [{ kind: 'care', amountPence: -1 }],
          fatal: {
            childPayment: { dateOfBirth: '2010-02-30', dateOfDeath: '2020-01-01' },
            funeral: { costsPence: 1.5 },
          },
          reductionPercent: 101,
          deductionsPence: -100,
          interimPaidPence: -1,
        }),
      ),
    ).toEqual([
      'injuries[1].code',
      'specialExpenses[0].amountPence',
      'fatal.childPayment.dateOfBirth',
      'fatal.funeral.costsPence',
      'reductionPercent',
      'deductionsPence',
      'interimPaidPence',
    ]);
  });

  it('names the unknown tariff code', () => {
    expect(problemsOf(award({ injuries: injuries('A-NOSE-TYPO') }))[0]?.message).toContain(
      '"A-NOSE-TYPO" is not in the tariff',
    );
  });

  it.each([
    ['an unknown edition', award({ edition: 'CICS-2008' }), 'edition'],
    [
      'an edition not yet in force on the decision date',
      award({ edition: AS_AMENDED, decidedOn: '2015-01-01' }),
      'edition',
    ],
    ['a decision date before any edition', award({ decidedOn: '2012-11-26' }), 'decidedOn'],
    ['a malformed decision date', award({ decidedOn: '27/11/2026' }), 'decidedOn'],
    ['a negative reduction', award({ reductionPercent: -5 }), 'reductionPercent'],
    ['a reduction with three decimals', award({ reductionPercent: 12.345 }), 'reductionPercent'],
    [
      'fractional weeks',
      award({ lossOfEarnings: { weeksUnableToWork: 30.5, metWorkTest: true } }),
      'lossOfEarnings.weeksUnableToWork',
    ],
    [
      'an unknown special expense',
      award({ specialExpenses: [{ kind: 'holiday' as never, amountPence: 1 }] }),
      'specialExpenses[0].kind',
    ],
    [
      'a negative number of relatives',
      award({ fatal: { bereavement: { otherQualifyingRelatives: -1 } } }),
      'fatal.bereavement.otherQualifyingRelatives',
    ],
    [
      'a death before birth',
      award({ fatal: { childPayment: { dateOfBirth: '2020-01-01', dateOfDeath: '2019-01-01' } } }),
      'fatal.childPayment.dateOfDeath',
    ],
    [
      'a death after the decision',
      award({ fatal: { childPayment: { dateOfBirth: '2020-01-01', dateOfDeath: '2027-01-01' } } }),
      'fatal.childPayment.dateOfDeath',
    ],
    ['no injuries list', { decidedOn: '2026-11-27' }, 'injuries'],
  ])('rejects %s', (_name, input, field) => {
    expect(fields(input)).toEqual([field]);
  });
});

describe('calculateAward: explanation for the decision letter', () => {
  it('has one line per breakdown line, then the total, cap, reduction, deductions, interim and amount payable', () => {
    const result = calculateAward(
      award({ injuries: injuries('B-SEX-PENILE-ONE', 'A-FACE-SCAR-SIGNIFICANT'), deductionsPence: 100000 }),
    );
    expect(result.explanation).toEqual([
      'Injury payment for non-consensual penile penetration of the vagina, anus or mouth, one incident (B-SEX-PENILE-ONE): 100% of the tariff amount of £11,000.00 = £11,000.00.',
      'Injury payment for scarring to the face: significant disfigurement (A-FACE-SCAR-SIGNIFICANT): 30% of the tariff amount of £2,400.00 = £720.00.',
      'Total before any limit, reduction or deduction: £11,720.00.',
      'The scheme maximum of £500,000.00 is not reached.',
      'No reduction is made.',
      'Less other compensation already received for the same injury: £1,000.00, leaving £10,720.00.',
      'No interim payment has been made.',
      'Amount payable now: £10,720.00.',
    ]);
  });

  it('explains the cap and a reduction in money', () => {
    const result = calculateAward(
      award({
        injuries: injuries(codeOf(250000)),
        lossOfEarnings: { weeksUnableToWork: 52, metWorkTest: false },
        specialExpenses: [{ kind: 'care', amountPence: 37000000 }],
        reductionPercent: 10,
      }),
    );
    expect(result.explanation).toContain(
      'The award is limited to the scheme maximum of £500,000.00 (it was £620,000.00).',
    );
    expect(result.explanation).toContain('Reduced by 10% (£50,000.00), leaving £450,000.00.');
  });

  it('explains fatal payments', () => {
    const result = calculateAward(
      award({
        fatal: {
          bereavement: { otherQualifyingRelatives: 2 },
          childPayment: { dateOfBirth: '2010-05-01', dateOfDeath: '2020-05-01' },
          funeral: { costsPence: 300000 },
        },
      }),
    );
    expect(result.explanation.slice(0, 3)).toEqual([
      'Bereavement payment, as one of 3 qualifying relatives: £5,500.00.',
      "Child's payment of £2,000.00 a year from 1 May 2020 until the child turns 18 on 1 May 2028 (8 years and 0 days): £16,000.00.",
      'Funeral payment: the standard £2,500.00 plus £500.00 of the £3,000.00 costs shown (at most £5,000.00 in all): £3,000.00.',
    ]);
    expect(result.totalPence).toBe(550000 + 1600000 + 300000);
  });
});
