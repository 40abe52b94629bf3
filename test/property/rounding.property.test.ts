/** The fast path of roundHalfAwayFromZero agrees with the decimal-text rule for any number. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../../src/domain/numbers.js';

function byText(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  if (text.includes("e")) return (sign * Math.round(Math.abs(value) * 10 ** decimals)) / 10 ** decimals + 0;
  return sign * Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`) + 0;
}

it('equals the decimal-text rule on random numbers and on exact halves', () => {
  const halves = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => (n + 0.5) / 100);
  const anyNumber = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), halves, fc.integer().map((n) => n / 1000));
  fc.assert(
    fc.property(anyNumber, fc.integer({ min: 0, max: 6 }), (value, decimals) => {
      expect(roundHalfAwayFromZero(value, decimals)).toBe(byText(value, decimals));
    }),
    { numRuns: 20_000 },
  );
  expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
  expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
  expect(roundHalfAwayFromZero(83.335, 2)).toBe(83.34);
});
