/**
 * Small-cell suppression of the public report (SPEC §12), on rows and tables worked by hand:
 * k = 5 unless said; P = primary (`<5`), S = secondary (`*`), . = shown.
 */
import { describe, expect, it } from 'vitest';
import {
  checkK, poolSmallUnits, primaryMark, publishedCount, publishedDerived, suppressRow, suppressTable, type CellMark,
} from '../../src/domain/suppression.js';

const code = (marks: CellMark[]): string => marks.map((m) => (m === 'primary' ? 'P' : m === 'secondary' ? 'S' : '.')).join('');

describe('suppressRow (SPEC §12)', () => {
  it.each([
    // employees 12 = SB 3 + B 9: 3 is hidden, and then 9 (else 12 − 9 gives the 3 back)
    [[12, 3, 9], 5, '.PS'],
    // two counts hidden already: 2 + 3 = 5 is known, not the split; nothing more to hide
    [[20, 2, 3, 15], 5, '.PP.'],
    // zero is never hidden, and never the "next smallest non-zero"
    [[10, 0, 4, 6], 5, '..PS'],
    [[7, 7, 0], 5, '...'],
    [[3, 3, 0], 5, 'PP.'],
    [[8, 1, 7, 0], 5, '.PS.'],
    // a tie for the next smallest goes to the first in column order
    [[10, 2, 8, 8], 5, '.PS.'],
    // k is a count: 5 itself is shown
    [[5, 0, 0, 5], 5, '....'],
    // k = 3: only 1 and 2 are small
    [[5, 2, 3], 3, '.PS'],
    [[5, 2, 3], 5, '.PP'],
    // no figure (null) is neither hidden nor a candidate
    [[null, 2, 10], 5, '.PS'],
    // a lone hidden count with no other non-zero count: nothing else to hide
    [[3, 0], 5, 'P.'],
  ])('%j with k = %i → %s', (counts, k, expected) => {
    expect(code(suppressRow(counts as Array<number | null>, k))).toBe(expected);
  });
});

describe('suppressTable (SPEC §12, rows and columns)', () => {
  // units A, B and the overall row; columns SB, B
  const table = [
    [3, 10],
    [6, 8],
    [9, 18],
  ];

  it('rows only: A hides 3 and then 10', () => {
    expect(suppressTable(table, 5, { columns: false }).map(code)).toEqual(['PS', '..', '..']);
  });

  it('with columns: SB of A alone is hidden in its column, so B\'s 6 goes, and then B\'s 8 in B\'s row', () => {
    // column SB: 3 hidden alone → hide the smallest shown non-zero, 6 (not 9); row B now has one
    // hidden → hide 8. Every line then has 0 or ≥ 2 hidden cells; the overall row stays whole.
    expect(suppressTable(table, 5, { columns: true }).map(code)).toEqual(['PS', 'SS', '..']);
  });

  it('hidden cells in the overall row count in their column', () => {
    const t = [
      [5, 0],
      [7, 2],
      [12, 2],
    ];
    // row B: 2 → hide 7; overall: 2 → hide 12; both columns then hold two hidden cells
    expect(suppressTable(t, 5, { columns: true }).map(code)).toEqual(['..', 'SP', 'SP']);
  });

  it('refuses rows of different widths and k < 2', () => {
    expect(() => suppressTable([[1, 2], [3]], 5, { columns: true })).toThrow(RangeError);
    expect(() => checkK(1)).toThrow(RangeError);
    expect(() => suppressRow([1], 1)).toThrow(RangeError);
    expect(() => checkK(2.5)).toThrow(RangeError);
    expect(() => checkK(2)).not.toThrow();
  });
});

describe('published values', () => {
  it.each([
    [3, 'primary', 5, '<5'],
    [9, 'secondary', 5, '*'],
    [9, 'shown', 5, 9],
    [0, 'shown', 5, 0],
    [2, 'primary', 3, '<3'],
  ] as const)('count %i marked %s (k = %i) shows %j', (count, mark, k, shown) => {
    expect(publishedCount(count, mark, k)).toBe(shown);
  });

  it('a share from a hidden count is hidden', () => {
    expect(publishedDerived(0.25, ['shown', 'primary'])).toBe('*');
    expect(publishedDerived(0.25, ['secondary'])).toBe('*');
    expect(publishedDerived(0.25, ['shown', 'shown'])).toBe(0.25);
    expect(primaryMark(5)).toBe('<5');
  });

  it('pools units below k employees, keeping the order', () => {
    const units = [{ unit: 'A', employees: 12 }, { unit: 'B', employees: 4 }, { unit: 'C', employees: 5 }, { unit: null, employees: 1 }];
    expect(poolSmallUnits(units, 5)).toEqual({ kept: ['A', 'C'], pooled: ['B', null] });
  });
});
