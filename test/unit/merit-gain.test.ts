/** Which component would raise merit most (SPEC §12 card), worked by hand with the SPEC §3 weights. */
import { describe, expect, it } from 'vitest';
import { largestMeritGain, meritGains } from '../../src/domain/merit-gain.js';
import { COMPONENT_NAMES } from '../../src/domain/merit.js';

const W = { kinerja: 0.3, kompetensi: 0.3, pengembangan: 0.1, kualifikasi: 0.25, disiplin: 0.05 };

describe('meritGains', () => {
  it('hand-worked: kinerja 50, kompetensi 80, no JP, kualifikasi 60, disiplin 100', () => {
    // W = 0.9; Σ w·s = 15 + 24 + 15 + 5 = 59; merit = 65.556
    const c = { kinerja: 50, kompetensi: 80, pengembangan: null, kualifikasi: 60, disiplin: 100 };
    const g = Object.fromEntries(meritGains(c, W, COMPONENT_NAMES).map((x) => [x.component, x.gain]));
    expect(g.kinerja).toBeCloseTo((0.3 * 50) / 0.9, 10); // 16.667
    expect(g.kompetensi).toBeCloseTo((0.3 * 20) / 0.9, 10); // 6.667
    expect(g.pengembangan).toBeCloseTo((0.1 * (100 - 59 / 0.9)) / 1.0, 10); // 3.444
    expect(g.kualifikasi).toBeCloseTo((0.25 * 40) / 0.9, 10); // 11.111
    expect(g.disiplin).toBe(0);
    expect(largestMeritGain(c, W, COMPONENT_NAMES)?.component).toBe('kinerja');
  });

  it('a tie goes to the first component in SPEC §3 order', () => {
    // kinerja 0.3·(100 − 100/3·2)… use exact numbers: kinerja 60 → 0.3·40 = 12; kualifikasi 52 → 0.25·48 = 12
    const c = { kinerja: 60, kompetensi: 100, pengembangan: 100, kualifikasi: 52, disiplin: 100 };
    expect(largestMeritGain(c, W, COMPONENT_NAMES)?.component).toBe('kinerja');
  });

  it('a missing JPM can be the best step', () => {
    // present: kinerja 100, pengembangan 100, kualifikasi 100, disiplin 100 (W 0.7, merit 100) → nothing present can rise;
    // kompetensi at 100 would keep merit at 100: gain 0 → nothing to raise
    const full = { kinerja: 100, kompetensi: null, pengembangan: 100, kualifikasi: 100, disiplin: 100 };
    expect(largestMeritGain(full, W, COMPONENT_NAMES)).toBeNull();
    // kinerja 90, the rest 100 except no JPM: kinerja gains 0.3·10/0.7 = 4.29; kompetensi 0.3·(100 − 97/… )
    const c = { kinerja: 90, kompetensi: null, pengembangan: 100, kualifikasi: 100, disiplin: 100 };
    // merit = (27 + 10 + 25 + 5) / 0.7 = 95.714; kompetensi: 0.3·4.286/1.0 = 1.286 < 4.286
    expect(largestMeritGain(c, W, COMPONENT_NAMES)?.component).toBe('kinerja');
    expect(largestMeritGain(c, W, COMPONENT_NAMES)?.gain).toBeCloseTo(3 / 0.7, 10);
  });

  it('unrated: nothing to say', () => {
    const none = { kinerja: null, kompetensi: null, pengembangan: null, kualifikasi: null, disiplin: null };
    expect(meritGains(none, W, COMPONENT_NAMES)).toEqual([]);
    expect(largestMeritGain(none, W, COMPONENT_NAMES)).toBeNull();
  });
});
