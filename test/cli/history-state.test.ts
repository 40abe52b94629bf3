/**
 * The state at D everywhere (SPEC §9), on fixtures/history: promotion events are entries of the
 * post timeline (history --at, rank, audit); `rank --unit` selects by the unit at T; the DUK
 * report shows every column at T; a `--model` with its own level table derives the levels at D
 * from the posts of then.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

const RINA = '198605202010032002'; // Dinas Kesehatan until 2025-03-03 (riwayat), then Dinas Pendidikan
const FAJAR = '199007142015031005'; // Administrator Kesehatan Ahli Pertama until 2025-07-01, then Ahli Muda
const JOKO = '198009032005011003'; // Administrator Kesehatan Ahli Muda in Dinas Kesehatan
const NUR_AINI = '198303172008032008'; // Guru Ahli Muda; promoted 2025-09-01 to Kepala Seksi Kurikulum (III.b)

function ok(dir: string, args: string[]): string {
  const r = runAsn(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** Both snapshots, the appraisals and the riwayat-jabatan rows. */
function twoSnapshots(): string {
  const dir = tempDir('history');
  ok(dir, ['import', 'history/personnel-2024.csv', 'history/promotions.csv']);
  ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
  ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
  return dir;
}

function csvRows(csv: string): Array<Record<string, string>> {
  const lines = csv.trim().split('\n').filter((l) => l.includes(','));
  const head = lines[0]!.split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, k) => [head[k]!, v])));
}

type Field = { field: string; value: string | null; assumed: boolean; source: string | null; file: string | null; line: number | null };
function stateOf(dir: string, nip: string, at: string): Record<string, Field> {
  const state = JSON.parse(ok(dir, ['history', nip, '--at', at, '--format', 'json'])).state as Field[];
  return Object.fromEntries(state.map((f) => [f.field, f]));
}

describe('promotion events in the post timeline (SPEC §9 Timelines)', () => {
  it('gives the post of a promotion from its tmt, with the unit of the promotions file', () => {
    const dir = tempDir('history');
    // Fajar is promoted out of Dinas Kesehatan into Dinas Pendidikan after the 2024 snapshot.
    writeFileSync(join(dir, 'promotions.csv'), [
      'NIP,TMT,JABATAN ASAL,JABATAN BARU,ESELON BARU,UNIT KERJA',
      `${FAJAR},2025-03-01,Administrator Kesehatan Ahli Pertama,Kepala Seksi Sarana Prasarana,IV.a,Dinas Pendidikan`,
      `${NUR_AINI},2025-09-01,Guru Ahli Muda,Kepala Seksi Kurikulum,III.b,`,
    ].join('\n') + '\n');
    ok(dir, ['import', 'history/personnel-2024.csv', 'promotions.csv']);
    const after = stateOf(dir, FAJAR, '2025-06-01');
    expect(after['level']).toMatchObject({ value: '5', assumed: false, source: 'promotion', file: 'promotions.csv', line: 2 });
    expect(after['jabatan']!.value).toBe('Kepala Seksi Sarana Prasarana');
    expect(after['unit']!.value).toBe('Dinas Pendidikan');
    // The instansi, which a promotion lacks, comes from the latest earlier entry (the 2024 snapshot).
    expect(after['instansi']!.value).toBe('Pemerintah Kabupaten Sukamaju');
    // Before the promotion: the snapshot of 2024-12-31 (Ahli Pertama, level 4, Dinas Kesehatan).
    const before = stateOf(dir, FAJAR, '2025-02-28');
    expect([before['level']!.value, before['unit']!.value, before['level']!.source]).toEqual(['4', 'Dinas Kesehatan', 'snapshot']);
    // A promotion without a unit keeps the unit of the latest earlier entry.
    const nur = stateOf(dir, NUR_AINI, '2025-10-01');
    expect([nur['level']!.value, nur['unit']!.value, nur['level']!.source]).toEqual(['6', 'Dinas Pendidikan', 'promotion']);
    // Rank at T = 2025-12-31 places Fajar in the unit of his promotion (appraisals of 2025 only for the ranked).
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1); // the 2025 CPNS are not known

    const byUnit = csvRows(ok(dir, ['rank', '--year', '2025', '--by', 'unit', '--format', 'csv']));
    expect(byUnit.find((r) => r['nip'] === FAJAR)?.['unit']).toBe('Dinas Pendidikan');
  });

  it('assumes before every entry the level before of the earliest promotion after D', () => {
    const dir = tempDir('history');
    writeFileSync(join(dir, 'promotions.csv'), [
      'NIP,TMT,JABATAN ASAL,JABATAN BARU,ESELON BARU,UNIT KERJA',
      `${FAJAR},2024-03-01,Pengadministrasi Umum,Administrator Kesehatan Ahli Pertama,,Dinas Kesehatan`,
    ].join('\n') + '\n');
    ok(dir, ['import', 'history/personnel-2024.csv', 'promotions.csv']);
    // 2024-01-01 is before the promotion and the snapshot: level 1 (pelaksana, the jabatan asal), assumed.
    expect(stateOf(dir, FAJAR, '2024-01-01')['level']).toMatchObject({ value: '1', assumed: true });
    // Between the promotion and the snapshot: the promotion's new level.
    expect(stateOf(dir, FAJAR, '2024-06-30')['level']).toMatchObject({ value: '4', assumed: false, source: 'promotion' });
  });
});

describe('the audit reads the level at D from the same post timeline', () => {
  it('leaves out of a pool someone whose promotion after the snapshot raised their level before D', () => {
    const dir = tempDir('history');
    writeFileSync(join(dir, 'promotions.csv'), [
      'NIP,TMT,JABATAN ASAL,JABATAN BARU,ESELON BARU,UNIT KERJA',
      `${RINA},2025-03-01,Administrator Kesehatan Ahli Muda,Administrator Kesehatan Ahli Madya,,Dinas Kesehatan`,
      `${JOKO},2025-06-02,Administrator Kesehatan Ahli Muda,Kepala Bidang Sumber Daya Kesehatan,III.b,Dinas Kesehatan`,
    ].join('\n') + '\n');
    ok(dir, ['import', 'history/personnel-2024.csv', 'promotions.csv']);
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1); // the 2025 CPNS are not known
    // The 2024 snapshot still says Rina is Ahli Muda (level 5), as Joko was before his promotion;
    // from 2025-03-01 she is Ahli Madya (level 6), so she is not in his level-5 pool on 2025-06-02.
    expect(stateOf(dir, RINA, '2025-06-02')['level']!.value).toBe('6');
    const detail = JSON.parse(ok(dir, ['audit', '--event', `${JOKO}@2025-06-02`, '--format', 'json'])) as { event: { pool_size: number }; people: Array<{ nip: string; level_at_d: number }> };
    expect(detail.people.map((p) => p.nip)).not.toContain(RINA);
    expect(detail.event.pool_size).toBe(2);
    expect(detail.people.every((p) => p.level_at_d === 5)).toBe(true);
  });
});

describe('rank --unit and the DUK at T (SPEC §9 Where it is used)', () => {
  it('ranks someone who moved in 2025 in their 2024 unit for --year 2024 with --unit', () => {
    const dir = twoSnapshots();
    const kesehatan = csvRows(ok(dir, ['rank', '--year', '2024', '--unit', 'Dinas Kesehatan', '--all', '--format', 'csv']));
    expect(kesehatan.find((r) => r['nip'] === RINA)?.['unit']).toBe('Dinas Kesehatan');
    const pendidikan = csvRows(ok(dir, ['rank', '--year', '2024', '--unit', 'Dinas Pendidikan', '--all', '--format', 'csv']));
    expect(pendidikan.map((r) => r['nip'])).not.toContain(RINA);
    // In 2025 she is in Dinas Pendidikan; --by unit groups by the unit at T too.
    const p2025 = csvRows(ok(dir, ['rank', '--year', '2025', '--unit', 'Dinas Pendidikan', '--all', '--format', 'csv']));
    expect(p2025.map((r) => r['nip'])).toContain(RINA);
    const byUnit = csvRows(ok(dir, ['rank', '--year', '2024', '--by', 'unit', '--format', 'csv']));
    expect(byUnit.find((r) => r['nip'] === RINA)?.['unit']).toBe('Dinas Kesehatan');
  });

  it('lists the DUK of a past year with the jabatan, its TMT and the level of then', () => {
    const dir = twoSnapshots();
    const duk = JSON.parse(ok(dir, ['report', '--type', 'duk', '--year', '2024', '--format', 'json'])) as { duk_pns: Array<Record<string, unknown>> };
    const rina = duk.duk_pns.find((r) => r['nip'] === RINA)!;
    // Her current record says Dinas Pendidikan from 2025-03-03; at 2024-12-31 the riwayat row of 2020-01-02 holds.
    expect([rina['unit'], rina['jabatan'], rina['tmt_jabatan'], rina['level']]).toEqual(['Dinas Kesehatan', 'Administrator Kesehatan Ahli Muda', '2020-01-02', 5]);
    const fajar = duk.duk_pns.find((r) => r['nip'] === FAJAR)!;
    expect([fajar['jabatan'], fajar['tmt_jabatan'], fajar['level']]).toEqual(['Administrator Kesehatan Ahli Pertama', '2018-02-01', 4]);
  });
});

describe('a --model with its own level table (SPEC §1.5, §9)', () => {
  it('derives the level at T again from the post of then, not from the stored level', () => {
    const dir = twoSnapshots();
    const model = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/model/asn-merit-v1.json'), 'utf8')) as { levels: { jenjang: Record<string, number> } };
    model.levels.jenjang['AHLI PERTAMA'] = 3; // the default table says 4
    model.levels.jenjang['AHLI MUDA'] = 6; // the default says 5
    writeFileSync(join(dir, 'levels.json'), JSON.stringify(model));
    const rows = csvRows(ok(dir, ['rank', '--year', '2024', '--model', 'levels.json', '--all', '--format', 'csv']));
    // Fajar was Ahli Pertama at 2024-12-31 (Ahli Muda from 2025-07-01): the model's 3, not the stored 4.
    expect(rows.find((r) => r['nip'] === FAJAR)?.['level']).toBe('3');
    const duk = JSON.parse(ok(dir, ['report', '--type', 'duk', '--year', '2024', '--model', 'levels.json', '--format', 'json'])) as { duk_pns: Array<Record<string, unknown>> };
    expect(duk.duk_pns.find((r) => r['nip'] === FAJAR)?.['level']).toBe(3);
    expect(duk.duk_pns.find((r) => r['nip'] === RINA)?.['level']).toBe(6);
  });
});
