/**
 * The README's first quick-start command ends in `npm run quickstart`, which runs
 * scripts/quickstart.js: this proves it works on the bundled fixtures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, query, tempDir } from './helpers.js';

it('the quick start runs the main job on the bundled fixtures', () => {
  const out = join(tempDir(), 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/quickstart.js'), out], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain('quickstart: done');
  expect(existsSync(join(out, 'asn.db'))).toBe(true);
  expect(query(join(out, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 40 });
  const rank = readFileSync(join(out, 'rank.csv'), 'utf8').split('\n');
  expect(rank[0]).toBe('rank,nip,nama,unit,jenis_pegawai,golongan,level,merit,kinerja,kompetensi,pengembangan,kualifikasi,disiplin,coverage,status,box,percentile');
  expect(rank.filter((l) => l.startsWith('1,'))).toHaveLength(3); // one first place per unit
  expect(readFileSync(join(out, 'explain.txt'), 'utf8')).toContain('merit = Σ wᵢ·sᵢ ÷ Σ wᵢ');
  const audit = readFileSync(join(out, 'audit.csv'), 'utf8').trim().split('\n');
  expect(audit[0]).toBe('nip,nama,tmt,unit,jabatan_baru,pool_size,merit,merit_rank,seniority_rank,flagged,severity,best_candidate_nip,best_candidate_merit,merit_gap,passed_over,status,status_reason');
  const html = readFileSync(join(out, 'laporan.html'), 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain('<svg');
  // No script and no address but the SVG namespace: the page works offline.
  expect(html).not.toMatch(/<script/i);
  expect(html.replaceAll("http://www.w3.org/2000/svg", "")).not.toMatch(/https?:\/\//i);
  expect(readFileSync(join(out, 'laporan.md'), 'utf8')).toContain('asn-merit-v1');
  expect(audit.length - 1).toBe(query(join(out, 'asn.db'), 'SELECT count(*) AS n FROM promotions')[0]!.n as number);
});
