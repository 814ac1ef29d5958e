import { AWARD_EDITIONS, AwardInputError, findAwardEdition, statutorySickPayRateOn, tariffFor } from './index.js';
import { AS_AMENDED, AS_MADE } from './award-test-helpers.js';

describe('tariffFor', () => {
  it('returns the tariff of the edition in force today when given no argument', () => {
    const today = new Date().toISOString().slice(0, 10);
    const expected = today >= '2019-06-13' ? AS_AMENDED : AS_MADE;
    expect(tariffFor()).toBe(tariffFor(expected));
  });

  it('returns the tariff of the edition in force on a given date', () => {
    expect(tariffFor(undefined, '2015-01-01')).toBe(findAwardEdition(AS_MADE)?.tariff);
  });

  it('shares one tariff between the two CICS 2012 editions', () => {
    expect(tariffFor(AS_MADE)).toBe(tariffFor(AS_AMENDED));
  });

  it('rejects an unknown edition with a domain error', () => {
    expect(() => tariffFor('CICS-2008')).toThrow(AwardInputError);
    expect(() => tariffFor(undefined, '2001-01-01')).toThrow(/no edition of the scheme was in force on 2001-01-01/);
  });
});

describe.each(AWARD_EDITIONS.map((edition) => [edition.name, edition] as const))(
  'edition data: %s',
  (_name, edition) => {
    it('has unique tariff codes', () => {
      const codes = edition.tariff.map((entry) => entry.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('has whole-pence tariff amounts no lower than the minimum', () => {
      for (const entry of edition.tariff) {
        expect(Number.isSafeInteger(entry.amountPence)).toBe(true);
        expect(entry.amountPence).toBeGreaterThanOrEqual(edition.amounts.minimumInjuryPence.value);
        expect(entry.amountPence).toBeLessThanOrEqual(edition.amounts.maximumAwardPence.value);
      }
    });

    it('names the source of every figure', () => {
      const figures = [
        ...edition.tariff,
        ...Object.values(edition.amounts),
        ...Object.values(edition.periods),
        ...edition.statutorySickPayRates,
      ];
      for (const figure of figures) expect(figure.source.length).toBeGreaterThan(10);
    });

    it('flags only Part B pregnancy, loss of foetus and infection as outside the formula', () => {
      const outside = edition.tariff.filter((entry) => entry.outsideMultipleInjuryFormula);
      expect(outside.map((entry) => entry.bodyArea).sort()).toEqual([
        'infection',
        'infection',
        'infection',
        'infection',
        'pregnancy',
        'pregnancy',
      ]);
      expect(outside.every((entry) => entry.part === 'B')).toBe(true);
    });

    it('covers the main parts of the body and both parts of the tariff', () => {
      const areas = new Set(edition.tariff.map((entry) => entry.bodyArea));
      for (const area of [
        'head',
        'face',
        'neck',
        'upper limbs',
        'lower limbs',
        'torso',
        'mental injury',
        'sexual abuse',
        'physical abuse',
        'burns',
        'scarring',
        'pregnancy',
        'infection',
      ]) {
        expect(areas).toContain(area);
      }
    });

    it('dates its statutory sick pay rates in order, each from 6 April', () => {
      const dates = edition.statutorySickPayRates.map((rate) => rate.effectiveFrom);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((date) => date.endsWith('-04-06'))).toBe(true);
    });

    it('applies the cap, reduction, deductions and interim payments in that order', () => {
      expect(edition.adjustmentOrder.steps).toEqual(['cap', 'reduction', 'deductions', 'interim']);
    });
  },
);

describe('statutorySickPayRateOn', () => {
  const edition = findAwardEdition(AS_AMENDED)!;
  it.each([
    ['2012-11-27', 8585],
    ['2016-12-01', 8845],
    ['2024-04-05', 10940],
    ['2024-04-06', 11675],
    ['2026-11-27', 12325],
  ])('on %s is %ip a week', (date, weeklyPence) => {
    expect(statutorySickPayRateOn(edition, date)?.weeklyPence).toBe(weeklyPence);
  });

  it('has no rate before the table starts', () => {
    expect(statutorySickPayRateOn(edition, '2012-04-05')).toBeUndefined();
  });
});
