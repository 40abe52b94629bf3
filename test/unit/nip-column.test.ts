/**
 * NipColumn (src/app/population/nip-column.ts): 18-digit NIPs kept as two 9-digit halves must come back
 * as exactly the stored text (leading zeros included), order like strings, and be found by the
 * look-up; anything else a hand-edited database might hold is kept as its string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NipColumn } from '../../src/app/population/nip-column.js';

const NIPS = [
  '198403052009031003',
  '000000001000000000', // leading zeros in both halves
  '199912312024121999',
  '999999999999999999', // the largest 18-digit value: each half stays below 2^32
  '19840305200903100', // 17 digits: kept as text
  '1984030520090310031', // 19 digits
  '19840305200903100X',
  '',
  'NIP ١٩٨٤', // non-ASCII digits are not digits
];

describe('NipColumn', () => {
  it('gives back every NIP as stored, and finds each one', () => {
    const column = new NipColumn(2); // grows past its first capacity
    for (const nip of NIPS) column.push(nip);
    expect(NIPS.map((_n, i) => column.at(i))).toEqual(NIPS);
    const index = column.index();
    NIPS.forEach((nip, i) => expect(index.get(nip), nip).toBe(i));
    expect(index.get('198403052009031004')).toBe(-1);
    expect(index.get('unknown')).toBe(-1);
  });

  it('a NIP pushed twice is found at its first row', () => {
    const column = new NipColumn(4);
    for (const nip of ['198403052009031003', '199001012015031001', '198403052009031003']) column.push(nip);
    expect(column.index().get('198403052009031003')).toBe(0);
  });

  it('orders rows like the NIP strings do (code-point order), 18-digit or not', () => {
    const column = new NipColumn(NIPS.length);
    for (const nip of NIPS) column.push(nip);
    for (let i = 0; i < NIPS.length; i++) {
      for (let j = 0; j < NIPS.length; j++) {
        const a = NIPS[i]!;
        const b = NIPS[j]!;
        expect(Math.sign(column.compare(i, j)), `${a} vs ${b}`).toBe(a < b ? -1 : a > b ? 1 : 0);
      }
    }
  });

  it('property: random 18-digit NIPs round-trip, order as strings and are all found', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 });
    fc.assert(
      fc.property(fc.uniqueArray(digits, { minLength: 1, maxLength: 300 }), (nips) => {
        const column = new NipColumn(1);
        for (const nip of nips) column.push(nip);
        const index = column.index();
        nips.forEach((nip, i) => {
          expect(column.at(i)).toBe(nip);
          expect(index.get(nip)).toBe(i);
        });
        for (let i = 1; i < nips.length; i++) {
          const [a, b] = [nips[i - 1]!, nips[i]!];
          expect(Math.sign(column.compare(i - 1, i))).toBe(a < b ? -1 : 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
