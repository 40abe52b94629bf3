/**
 * The cards' own writer (src/cli/render/report/card-render.ts, card-chart.ts) gives the bytes of
 * the report writers (renderReportHtml, renderReportMarkdown) for every card of `--all`: on the
 * fixtures (one snapshot; two snapshots for 2024 and 2025; markup and formulas in names and
 * units; no appraisals), in both languages, and on cards bent out of the usual shape (a long
 * appraisal history, missing values, an unrated person, markup in every text cell).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCards } from '../../src/app/report/cards.js';
import type { Report, ReportLang, ReportTable } from '../../src/app/report/types.js';
import { cardWriter } from '../../src/cli/render/report/card-render.js';
import { renderReportHtml } from '../../src/cli/render/report/html.js';
import { renderReportMarkdown } from '../../src/cli/render/report/md.js';
import { runAsn, tempDir } from '../cli/helpers.js';

const TIME = '2026-01-15T08:00:00.000Z';

function imported(fixture: string, ...imports: string[][]): string {
  const dir = tempDir(fixture);
  for (const args of imports) {
    const r = runAsn(['import', ...args], { cwd: dir });
    if (r.code !== 0 && r.code !== 1) throw new Error(`asn import ${args.join(' ')}: ${r.stderr}`);
  }
  return join(dir, 'asn.db');
}

function cardsOf(db: string, lang: ReportLang, year?: number): Report[] {
  const run = buildCards({ db, lang, generatedAt: TIME, ...(year === undefined ? {} : { year }) });
  return [...run.cards];
}

function expectSame(cards: readonly Report[]): void {
  const writer = cardWriter();
  for (const card of cards) {
    expect(writer.html(card), `html ${card.meta.nip}`).toBe(renderReportHtml(card));
    expect(writer.md(card), `md ${card.meta.nip}`).toBe(renderReportMarkdown(card));
  }
}

const HOSTILE_APPRAISALS = [
  'NIP,TAHUN,PREDIKAT,JPM,POTENSI,JP',
  '198504182010011001,2024,B,80,TINGGI,24',
  '198504182010011001,2025,SB,85,TINGGI,24',
  '198602272011012010,2025,B,70,MENENGAH,10',
  '198703212011021004,2025,BP,60,RENDAH,5',
].join('\n');

describe('the cards\' writer gives the bytes of the report writers', () => {
  it('on every card of the fixtures, in id and en', () => {
    const minimal = imported('minimal', ['minimal/personnel.csv', 'minimal/appraisals.csv', 'minimal/promotions.csv']);
    const history = imported('history', ['history/personnel-2024.csv'], ['history/personnel-2025.csv'], ['--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv'],
      ['history/riwayat-golongan.csv', 'history/appraisals.csv', 'history/promotions.csv']);
    const hostileDir = tempDir('hostile');
    writeFileSync(join(hostileDir, 'appraisals.csv'), `${HOSTILE_APPRAISALS}\n`);
    const hostile = join(hostileDir, 'asn.db');
    runAsn(['import', 'hostile/formulas-and-markup.csv', 'appraisals.csv'], { cwd: hostileDir });
    const noAppraisals = imported('minimal', ['minimal/personnel.csv']);
    let n = 0;
    for (const lang of ['id', 'en'] as const) {
      for (const cards of [cardsOf(minimal, lang), cardsOf(history, lang, 2024), cardsOf(history, lang, 2025), cardsOf(hostile, lang), cardsOf(noAppraisals, lang)]) {
        expect(cards.length).toBeGreaterThan(0);
        expectSame(cards);
        n += cards.length;
      }
    }
    expect(n).toBeGreaterThan(200);
  });

  it('on cards of other shapes: long tables, missing values, an unrated person, markup everywhere', () => {
    const db = imported('minimal', ['minimal/personnel.csv', 'minimal/appraisals.csv', 'minimal/promotions.csv']);
    const cards = cardsOf(db, 'id').slice(0, 5);
    const bent = cards.map((card, k): Report => {
      const copy = structuredClone(card);
      for (const section of copy.sections) {
        for (const block of section.blocks) {
          if (block.kind === 'chart' && block.chart.type === 'components' && k === 1) {
            block.chart.values = { kinerja: null, kompetensi: 12.5, pengembangan: null, kualifikasi: 3, disiplin: 0 };
          }
          if (block.kind !== 'table') continue;
          const table: ReportTable = block.table;
          if (k === 0 && table.rows.length > 0) {
            const row = table.rows[0]!;
            table.rows = Array.from({ length: 30 }, () => ({ ...row }));
          }
          for (const row of table.rows) {
            for (const key of Object.keys(row)) {
              const v = row[key];
              if (k === 2 && typeof v === 'string') row[key] = `<b>"${v}" & 'x' | =1+1\nnext</b>`;
              if (k === 3) row[key] = null;
            }
          }
        }
      }
      if (k === 4) copy.meta.nama = '<script>alert(1)</script>';
      return copy;
    });
    expectSame(bent);
  });
});
