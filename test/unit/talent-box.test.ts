import { describe, expect, it } from 'vitest';
import { BOX_RECOMMENDATION, potensialFromScore, talentBox } from '../../src/domain/talent-box.js';
import type { Appraisal } from '../../src/domain/types.js';
import { loadModel } from '../../src/model/load.js';

const model = loadModel().model;

function appraisal(tahun: number, overrides: Partial<Appraisal> = {}): Appraisal {
  return {
    nip: '199107242019032005',
    tahun,
    predikat: null,
    predikatSource: null,
    jpm: null,
    potensiWord: null,
    potensiScore: null,
    jp: null,
    hukumanDisiplin: null,
    ...overrides,
  };
}

describe('the nine boxes (SPEC §4)', () => {
  it.each([
    // [predikat 2025, potensi word, kinerja axis, box]
    ['SB', 'TINGGI', 'above', 9],
    ['B', 'TINGGI', 'meets', 8],
    ['BP', 'TINGGI', 'below', 6],
    ['SB', 'MENENGAH', 'above', 7],
    ['B', 'MENENGAH', 'meets', 5],
    ['K', 'MENENGAH', 'below', 3],
    ['SB', 'RENDAH', 'above', 4],
    ['B', 'RENDAH', 'meets', 2],
    ['SK', 'RENDAH', 'below', 1],
  ] as const)('predikat %s, potensi %s → %s, box %d', (predikat, potensiWord, axis, box) => {
    const result = talentBox([appraisal(2025, { predikat, potensiWord })], 2025, model);
    expect(result.box).toBe(box);
    expect(result.kinerja).toBe(axis);
    expect(result.potensial).toBe(potensiWord.toLowerCase());
  });

  it('explains the box', () => {
    const result = talentBox([appraisal(2024, { potensiWord: 'TINGGI' }), appraisal(2025, { predikat: 'B' })], 2025, model);
    expect(result.reason).toBe('kinerja meets (predikat B in 2025), potensial tinggi (potensi TINGGI in 2024) → box 8');
  });
});

describe('potensial source', () => {
  it.each([
    // [case, appraisals, potensial]
    ['potensi word beats a later JPM', [appraisal(2023, { potensiWord: 'RENDAH' }), appraisal(2025, { predikat: 'B', jpm: 95 })], 'rendah'],
    ['potensi score beats JPM', [appraisal(2025, { predikat: 'B', potensiScore: 70, jpm: 95 })], 'rendah'],
    ['latest potensi ≤ Y wins, Y+1 ignored', [appraisal(2024, { potensiWord: 'TINGGI' }), appraisal(2025, { predikat: 'B' }), appraisal(2026, { potensiWord: 'RENDAH' })], 'tinggi'],
    ['a later score beats an earlier word', [appraisal(2023, { potensiWord: 'RENDAH' }), appraisal(2025, { predikat: 'B', potensiScore: 92 })], 'tinggi'],
    ['JPM when no potensi at all', [appraisal(2024, { jpm: 80 }), appraisal(2025, { predikat: 'B' })], 'menengah'],
    ['latest JPM ≤ Y', [appraisal(2023, { jpm: 95 }), appraisal(2024, { jpm: 60 }), appraisal(2025, { predikat: 'B' })], 'rendah'],
  ] as const)('%s', (_case, appraisals, potensial) => {
    expect(talentBox(appraisals, 2025, model).potensial).toBe(potensial);
  });

  it.each([
    // ≥ 90 tinggi, ≥ 78 menengah, else rendah (model cut-offs)
    [100, 'tinggi'],
    [90, 'tinggi'],
    [89.99, 'menengah'],
    [78, 'menengah'],
    [77.99, 'rendah'],
    [0, 'rendah'],
  ] as const)('score %d → %s, as potensi score and as JPM', (score, level) => {
    expect(potensialFromScore(score, model)).toBe(level);
    expect(talentBox([appraisal(2025, { predikat: 'B', potensiScore: score })], 2025, model).potensial).toBe(level);
    expect(talentBox([appraisal(2025, { predikat: 'B', jpm: score })], 2025, model).potensial).toBe(level);
  });

  it('uses the model cut-offs', () => {
    const custom = structuredClone(model);
    custom.potensial = { tinggi: 80, menengah: 60 };
    expect(talentBox([appraisal(2025, { predikat: 'SB', jpm: 80 })], 2025, custom).box).toBe(9);
    expect(talentBox([appraisal(2025, { predikat: 'SB', jpm: 59.5 })], 2025, custom).box).toBe(4);
  });
});

describe('no box', () => {
  it.each([
    ['no appraisal for Y', [appraisal(2024, { predikat: 'SB', potensiWord: 'TINGGI' })], null, 'tinggi', 'no box: no appraisal for 2025'],
    ['Y appraisal without predikat', [appraisal(2025, { jpm: 92 })], null, 'tinggi', 'no box: the 2025 appraisal has no predikat'],
    ['no potensi or JPM', [appraisal(2025, { predikat: 'SB' })], 'above', null, 'no box: no potensi or JPM in any year ≤ 2025'],
    ['only a JPM after Y', [appraisal(2025, { predikat: 'B' }), appraisal(2026, { jpm: 90 })], 'meets', null, 'no box: no potensi or JPM in any year ≤ 2025'],
    ['nothing at all', [], null, null, 'no box: no appraisal for 2025; no potensi or JPM in any year ≤ 2025'],
  ] as const)('%s', (_case, appraisals, kinerja, potensial, reason) => {
    const result = talentBox(appraisals, 2025, model);
    expect(result.box).toBeNull();
    expect(result.kinerja).toBe(kinerja);
    expect(result.potensial).toBe(potensial);
    expect(result.reason).toBe(reason);
  });
});

describe('BOX_RECOMMENDATION', () => {
  it('has a text in both languages for boxes 1–9', () => {
    expect(Object.keys(BOX_RECOMMENDATION).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const text of Object.values(BOX_RECOMMENDATION)) {
      expect(text.id.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
  });

  it.each([
    // SPEC §4 (PermenPANRB 3/2020 annex), word for word and in order.
    [9, 'Dipromosikan dan dipertahankan; Masuk Kelompok Rencana Suksesi Instansi/Nasional; Penghargaan', 'Promote and retain; Join the agency/national succession pool; Award'],
    [8, 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Perluasan jabatan; Bimbingan kinerja', 'Retain; Join the agency succession pool; Rotation/job enlargement; Performance coaching'],
    [7, 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Pengayaan jabatan; Pengembangan kompetensi; Tugas belajar', 'Retain; Join the agency succession pool; Rotation/job enrichment; Competence development; Study assignment'],
    [6, 'Penempatan yang sesuai; Bimbingan kinerja; Konseling kinerja', 'Suitable placement; Performance coaching; Performance counselling'],
    [5, 'Penempatan yang sesuai; Bimbingan kinerja; Pengembangan kompetensi', 'Suitable placement; Performance coaching; Competence development'],
    [4, 'Rotasi; Pengembangan kompetensi', 'Rotation; Competence development'],
    [3, 'Bimbingan kinerja; Konseling kinerja; Pengembangan kompetensi; Penempatan yang sesuai', 'Performance coaching; Performance counselling; Competence development; Suitable placement'],
    [2, 'Bimbingan kinerja; Pengembangan kompetensi; Penempatan yang sesuai', 'Performance coaching; Competence development; Suitable placement'],
    [1, 'Diproses sesuai ketentuan peraturan perundang-undangan', 'Handled under the laws and regulations'],
  ])('box %d', (box, id, en) => {
    expect(BOX_RECOMMENDATION[box]).toEqual({ id, en });
  });
});
