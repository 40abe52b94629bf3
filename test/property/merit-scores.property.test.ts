/** meritScores (the ranking's fast path) gives exactly computeMerit's numbers for any input. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMPONENT_NAMES, computeMerit, meritScores } from '../../src/domain/merit.js';
import type { Appraisal, Employee } from '../../src/domain/types.js';
import type { MeritModel } from '../../src/domain/model.js';

const model = JSON.parse(readFileSync('src/model/asn-merit-v1.json', 'utf8')) as MeritModel;
const NIP = '198504182010011001';

const appraisal = fc.record({
  nip: fc.constantFrom(NIP, NIP, NIP, '199001012015011001'),
  tahun: fc.integer({ min: 2021, max: 2026 }),
  predikat: fc.constantFrom('SB', 'B', 'BP', 'K', 'SK', null),
  predikatSource: fc.constantFrom('ratings', 'predikat', 'nilai_skp', null),
  jpm: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
  potensiWord: fc.constant(null),
  potensiScore: fc.constant(null),
  jp: fc.option(fc.double({ min: 0, max: 60, noNaN: true })),
  hukumanDisiplin: fc.constantFrom('none', 'ringan', 'sedang', 'berat', null),
}) as fc.Arbitrary<Appraisal>;

it('meritScores equals computeMerit on random employees, appraisals and weights', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(appraisal, { maxLength: 6, selector: (a) => `${a.nip}|${a.tahun}` }),
      fc.constantFrom('PNS', 'CPNS', 'PPPK', null),
      fc.constantFrom('S-3', 'S-1', 'D-III', 'SLTA', null),
      fc.array(fc.constantFrom(0, 0.05, 0.1, 0.25, 0.3, 0.5), { minLength: 5, maxLength: 5 }),
      (appraisals, jenis, pendidikan, weights) => {
        const m: MeritModel = { ...model, weights: Object.fromEntries(COMPONENT_NAMES.map((n, i) => [n, weights[i]!])) as MeritModel['weights'] };
        const employee = { nip: NIP, jenisPegawai: jenis, pendidikan } as Employee;
        const full = computeMerit(employee, appraisals, 2025, m, false);
        const fast = meritScores(employee, appraisals, 2025, m);
        expect(fast.status).toBe(full.status);
        expect(fast.merit).toBe(full.merit);
        expect(fast.coverage).toBe(full.coverage);
        expect(fast.values).toEqual(COMPONENT_NAMES.map((n) => full.components[n].value));
      },
    ),
    { numRuns: 5_000 },
  );
});
