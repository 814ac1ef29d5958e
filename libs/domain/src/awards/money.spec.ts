import { formatPence } from './index.js';
import { percentOf } from './money.js';

describe('formatPence', () => {
  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [72000, '£720.00'],
    [1172000, '£11,720.00'],
    [50000000, '£500,000.00'],
    [123456789, '£1,234,567.89'],
    [-150, '-£1.50'],
  ])('%i pence is %s', (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });
});

describe('percentOf', () => {
  it.each([
    [240000, 30, 72000],
    [350000, 15, 52500],
    [999, 10, 99],
    [100001, 12.5, 12500],
    [3, 33.33, 0],
  ])('%i × %d%% rounds down to %i', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });
});
