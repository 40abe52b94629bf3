import { describe, expect, it } from 'vitest';
import { FilteredMap } from '../../src/shared/key-filter.js';

/** NIP-like keys: 18 digits, as a population pass looks them up. */
const nip = (i: number) => `19${String(i * 7919).padStart(16, '0')}`;

describe('FilteredMap', () => {
  it.each([
    ['empty', 0],
    ['one key', 1],
    ['40,000 keys (the filter grows with the map)', 40_000],
  ])('answers exactly as the map does (%s)', (_label, n) => {
    const map = new Map<string, number>();
    for (let i = 0; i < n; i++) map.set(nip(i * 2), i);
    const filtered = new FilteredMap(map);
    expect(filtered.size).toBe(n);
    // Every key in the map is found with its value; every other key (half of them) is not.
    for (let i = 0; i < 2 * n + 2; i++) {
      const key = nip(i);
      expect(filtered.get(key)).toBe(map.get(key));
      expect(filtered.has(key)).toBe(map.has(key));
    }
  });

  it('finds keys of any length and characters, the empty string too', () => {
    const map = new Map([['', 'empty'], ['Dinas Kesehatan', 'unit'], ['ç', 'one char']]);
    const filtered = new FilteredMap(map);
    for (const [k, v] of map) expect(filtered.get(k)).toBe(v);
    expect(filtered.get('Dinas kesehatan')).toBeUndefined();
  });

  it('ofSet: the members of a set', () => {
    const set = new Set([nip(1), nip(3)]);
    const filtered = FilteredMap.ofSet(set);
    expect([nip(0), nip(1), nip(2), nip(3)].map((k) => filtered.has(k))).toEqual([false, true, false, true]);
  });
});
