import fc from 'fast-check';
import { calculateAward, findAwardEdition, type AwardInput, type InjuryLine } from './index.js';
import { AS_AMENDED, DECIDED_ON } from './award-test-helpers.js';

const edition = findAwardEdition(AS_AMENDED)!;
const CAP = edition.amounts.maximumAwardPence.value;
const formulaEntries = edition.tariff.filter((entry) => !entry.outsideMultipleInjuryFormula);
const allCodes = edition.tariff.map((entry) => entry.code);

const penceArb = fc.integer({ min: 0, max: 60_000_000 });
const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-11-27T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const inputArb: fc.Arbitrary<AwardInput> = fc.record({
  decidedOn: fc.constant(DECIDED_ON),
  injuries: fc.array(
    fc.constantFrom(...allCodes).map((code) => ({ code })),
    { maxLength: 7 },
  ),
  lossOfEarnings: fc.option(
    fc.record({ weeksUnableToWork: fc.integer({ min: 0, max: 2000 }), metWorkTest: fc.boolean() }),
  ),
  specialExpenses: fc.array(
    fc.record({
      kind: fc.constantFrom('aids', 'care', 'equipment', 'adaptations', 'treatment', 'deputyship' as const),
      amountPence: penceArb,
    }),
    { maxLength: 3 },
  ),
  fatal: fc.option(
    fc.record({
      bereavement: fc.option(fc.record({ otherQualifyingRelatives: fc.integer({ min: 0, max: 6 }) })),
      childPayment: fc.option(
        fc
          .tuple(dateArb, dateArb)
          .map(([a, b]) => (a <= b ? { dateOfBirth: a, dateOfDeath: b } : { dateOfBirth: b, dateOfDeath: a })),
      ),
      funeral: fc.option(fc.record({ costsPence: penceArb })),
    }),
  ),
  reductionPercent: fc.integer({ min: 0, max: 10000 }).map((bp) => bp / 100),
  deductionsPence: penceArb,
  interimPaidPence: penceArb,
});

const injuryAmounts = (input: AwardInput): number[] =>
  calculateAward(input)
    .lines.filter((line): line is InjuryLine => line.kind === 'injury')
    .map((line) => line.amountPence)
    .sort((a, b) => a - b);

describe('calculateAward properties', () => {
  it('never gives a negative total', () => {
    fc.assert(fc.property(inputArb, (input) => calculateAward(input).totalPence >= 0));
  });

  it('never lets the capped award, and so the total, exceed the cap', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = calculateAward(input);
        expect(result.totalPence).toBeLessThanOrEqual(CAP);
        expect(result.capApplied).toBe(result.grossPence > CAP);
      }),
    );
  });

  it('gives the same result whatever the order of the injuries', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const shuffled = [...input.injuries]
          .map((injury) => [randoms.next().value, injury] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, injury]) => injury);
        const a = calculateAward(input);
        const b = calculateAward({ ...input, injuries: shuffled });
        expect([b.grossPence, b.totalPence]).toEqual([a.grossPence, a.totalPence]);
        expect(injuryAmounts({ ...input, injuries: shuffled })).toEqual(injuryAmounts(input));
      }),
    );
  });

  it('is not changed by a fourth or later injury of no higher value than the third', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...formulaEntries), { minLength: 3, maxLength: 6 }),
        fc.constantFrom(...formulaEntries),
        inputArb,
        (chosen, extra, base) => {
          const third = [...chosen].sort((a, b) => b.amountPence - a.amountPence)[2]!;
          fc.pre(extra.amountPence <= third.amountPence);
          const input = { ...base, injuries: chosen.map((entry) => ({ code: entry.code })) };
          const before = calculateAward(input);
          const after = calculateAward({ ...input, injuries: [...input.injuries, { code: extra.code }] });
          expect([after.grossPence, after.totalPence]).toEqual([before.grossPence, before.totalPence]);
        },
      ),
    );
  });
});
