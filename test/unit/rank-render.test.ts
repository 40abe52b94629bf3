import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dukDecidingStep } from '../../src/app/population/explain.js';
import type { RankRow } from '../../src/app/population/scoring.js';
import { renderCsv } from '../../src/cli/render/csv.js';
import { renderJson, renderNdjson } from '../../src/cli/render/json.js';
import { predikatSourceText } from '../../src/cli/render/rank/explain.js';
import {
  RANK_COLUMNS, batchedWriter, rankComment, rankRecord, writeRankCsv, writeRankJson, writeRankNdjson,
} from '../../src/cli/render/rank/rows.js';
import type { DataTable } from '../../src/cli/render/table-data.js';
import type { AppraisalDetail } from '../../src/db/queries/merit-inputs.js';
import type { DukKey } from '../../src/domain/duk.js';

function row(overrides: Partial<RankRow>): RankRow {
  return {
    rank: 1, nip: '199009302015032002', nama: 'Fitri Handayani, S.I.P.', unit: 'Badan Kepegawaian', jenisPegawai: 'PNS',
    golongan: 'III/b', level: 4, status: 'complete', merit: 73.55, meritKey: 73.55, coverage: 1, box: 5, percentile: 0.3243243243,
    components: { kinerja: 66.666666667, kompetensi: 78.5, pengembangan: 100, kualifikasi: 60, disiplin: 100 },
    duk: {
      nip: '199009302015032002', group: 'PNS', golonganCode: 32, tmtGolongan: '2019-04-01', level: 4, serviceMonths: 129,
      educationRank: 8, tahunLulus: 2012, tglLahir: '1990-09-30',
    },
    ...overrides,
  };
}

const ROWS: RankRow[] = [
  row({}),
  row({ rank: 2, nip: '199107092023211003', nama: '=HYPERLINK("x")', jenisPegawai: 'PPPK', golongan: 'IX', status: 'incomplete', merit: 71.428571, meritKey: 71.428571, coverage: 0.7, box: null, percentile: 0,
    components: { kinerja: 66.666666667, kompetensi: null, pengembangan: 100, kualifikasi: 60, disiplin: 100 } }),
  row({ rank: null, nip: '199508172022041008', nama: 'Galih Prakoso', status: 'unrated', merit: null, meritKey: null, coverage: 0, box: null, percentile: null, level: null, unit: null,
    components: { kinerja: null, kompetensi: null, pengembangan: null, kualifikasi: null, disiplin: null } }),
];

function collectOutput(write: (rows: RankRow[], out: (s: string) => void) => void, rows: RankRow[]): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  write(rows, (s) => {
    text += s;
    writes += 1;
  });
  return { text, writes };
}

const table = (rows: RankRow[]): DataTable => ({ name: 'rank', columns: [...RANK_COLUMNS], rows: rows.map(rankRecord) });

describe('rank columns (SPEC §7)', () => {
  it('are exactly the SPEC columns, in order', () => {
    expect(RANK_COLUMNS.map((c) => c.key).join(', ')).toBe(
      'rank, nip, nama, unit, jenis_pegawai, golongan, level, merit, kinerja, kompetensi, pengembangan, kualifikasi, disiplin, coverage, status, box, percentile',
    );
  });

  it('print 2 decimals, NIP as text, unrated rows empty, and guard formulas in CSV', () => {
    const records = parse(collectOutput(writeRankCsv, ROWS).text, { columns: true }) as Array<Record<string, string>>;
    expect(records[0]).toMatchObject({ rank: '1', nip: '199009302015032002', merit: '73.55', kinerja: '66.67', coverage: '1.00', percentile: '0.32', box: '5', level: '4' });
    expect(records[1]).toMatchObject({ nama: `'=HYPERLINK("x")`, kompetensi: '', coverage: '0.70', box: '', percentile: '0.00', golongan: 'IX' });
    expect(records[2]).toMatchObject({ rank: '', merit: '', percentile: '', status: 'unrated', coverage: '0.00', level: '', unit: '' });
  });
});

describe('streamed writers equal the whole-table writers byte for byte', () => {
  it.each([[0], [1], [3]])('%i rows', (n) => {
    const rows = ROWS.slice(0, n);
    expect(collectOutput(writeRankCsv, rows).text).toBe(renderCsv(table(rows)));
    expect(collectOutput(writeRankJson, rows).text).toBe(renderJson(table(rows)));
    expect(collectOutput(writeRankNdjson, rows).text).toBe(renderNdjson(table(rows)));
  });

  it('JSON numbers are rounded to 2 decimals and missing values are null', () => {
    const parsed = JSON.parse(collectOutput(writeRankJson, ROWS).text) as Array<Record<string, unknown>>;
    expect(parsed[1]).toMatchObject({ merit: 71.43, kinerja: 66.67, kompetensi: null, box: null, nip: '199107092023211003' });
    expect(Object.keys(parsed[0]!)).toEqual(RANK_COLUMNS.map((c) => c.key));
  });
});

describe('batchedWriter', () => {
  it('writes in blocks and flushes the rest', () => {
    const writes: string[] = [];
    const out = batchedWriter((s) => writes.push(s), 2);
    for (const line of ['a\n', 'b\n', 'c\n']) out.line(line);
    out.flush();
    out.flush();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });
});

describe('rankComment', () => {
  const model = { name: 'asn-merit-v1', hash: 'ab12', file: null };
  it.each([
    [{ byUnit: false, units: [] as string[], levelsRederived: false }, '# model asn-merit-v1 sha256:ab12 · year 2025 · scope all'],
    [{ byUnit: true, units: ['Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan'], levelsRederived: true },
      '# model asn-merit-v1 sha256:ab12 · year 2025 · scope by unit · units Dinas Kesehatan | Dinas Pendidikan dan Kebudayaan · levels from the model'],
  ])('%o', (scope, expected) => {
    expect(rankComment({ model, year: 2025, ...scope })).toBe(expected);
  });
});

function appraisal(overrides: Partial<AppraisalDetail>): AppraisalDetail {
  return {
    tahun: 2025, predikat: 'B', predikat_source: 'predikat', rating_hasil: null, rating_perilaku: null, predikat_input: 'B',
    nilai_skp: null, jpm: null, potensi: null, potensi_score: null, jp: 20, hukuman_disiplin: 'none', ...overrides,
  };
}

describe('predikatSourceText (SPEC §1.4 three sources)', () => {
  it.each<[string, Partial<AppraisalDetail>, string]>([
    ['ratings matrix', { predikat: 'SB', predikat_source: 'ratings', rating_hasil: 'ABOVE', rating_perilaku: 'ABOVE', predikat_input: null },
      'ratings matrix: hasil ABOVE × perilaku ABOVE → SB'],
    ['ratings win over a disagreeing predikat', { predikat: 'SB', predikat_source: 'ratings', rating_hasil: 'ABOVE', rating_perilaku: 'ABOVE', predikat_input: 'B' },
      'ratings matrix: hasil ABOVE × perilaku ABOVE → SB (ignored: predikat column said B)'],
    ['predikat column', {}, 'predikat column: B'],
    ['nilai SKP', { predikat: 'SB', predikat_source: 'nilai_skp', predikat_input: null, nilai_skp: 91 }, 'nilai SKP 91 → SB'],
    ['no performance value', { predikat: null, predikat_source: null, predikat_input: null }, 'no performance value'],
  ])('%s', (_label, overrides, expected) => {
    expect(predikatSourceText(appraisal(overrides))).toBe(expected);
  });
});

describe('dukDecidingStep (SPEC §2 order)', () => {
  const base: DukKey = row({}).duk;
  it.each<[string, Partial<DukKey>, string | null]>([
    ['same golongan, later TMT golongan', { nip: '199201152019031006', tmtGolongan: '2023-04-01', serviceMonths: 81 }, 'tmtGolongan'],
    ['PPPK against PNS', { nip: '199107092023211003', group: 'PPPK', golonganCode: 9 }, 'group'],
    ['only the NIP differs', { nip: '199009302015032003' }, 'nip'],
    ['missing education rank', { nip: '199009302015032003', educationRank: null }, 'educationRank'],
    ['the same key', {}, null],
  ])('%s', (_label, change, step) => {
    expect(dukDecidingStep(base, { ...base, ...change })?.step ?? null).toBe(step);
  });
});
