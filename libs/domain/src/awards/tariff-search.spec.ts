import { tariffFor } from './tariff.js';
import { searchTariff } from './tariff-search.js';

describe('searchTariff', () => {
  const tariff = tariffFor(undefined, '2026-11-27');

  it('finds an entry by its exact code first', () => {
    const code = tariff[0]!.code;
    expect(searchTariff(tariff, code.toLowerCase())[0]!.code).toBe(code);
  });

  it('finds entries by words in any order, every word required', () => {
    const found = searchTariff(tariff, 'brain serious');
    expect(found.length).toBeGreaterThan(0);
    for (const entry of found) {
      expect(`${entry.code} ${entry.bodyArea} ${entry.description}`.toLowerCase()).toContain('brain');
    }
    expect(searchTariff(tariff, 'brain zzzz-nothing')).toEqual([]);
  });

  it('answers at most the limit', () => {
    expect(searchTariff(tariff, '', 5)).toHaveLength(5);
  });
});
