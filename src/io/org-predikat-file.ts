/**
 * The `--org-predikat-file` of `asn calibrate` (SPEC §10): a small CSV with `unit,predikat` or
 * `instansi,predikat` rows (both columns may be present: a row with a unit is a unit row, one
 * with only an instansi an instansi row). Delimiter `,` `;` TAB or `|` as in SPEC §1.1; UTF-8
 * with or without BOM. Only reads and shapes the rows; the names and predikat are checked by
 * the caller against the database and the regulation.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../shared/errors.js';
import { normaliseHeader } from './headers.js';
import { cleanText } from './values.js';

export interface OrgPredikatRow {
  line: number;
  scope: 'unit' | 'instansi';
  name: string;
  predikat: string;
}

const UNIT_HEADERS = ['UNIT', 'UNIT KERJA', 'UNOR', 'UNOR NAMA', 'NAMA UNOR', 'SATUAN KERJA'];
const INSTANSI_HEADERS = ['INSTANSI', 'INSTANSI INDUK NAMA', 'INSTANSI KERJA NAMA'];
const PREDIKAT_HEADERS = ['PREDIKAT', 'PREDIKAT ORGANISASI', 'PREDIKAT KINERJA ORGANISASI', 'ORG PREDIKAT'];

const HINT = 'write a header row `unit,predikat` (or `instansi,predikat`), then one row per unit or instansi';

export function readOrgPredikatFile(file: string): OrgPredikatRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`cannot read --org-predikat-file ${file}: ${(error as Error).message}`, 'check the path');
  }
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new UsageError(`--org-predikat-file ${file} is not a readable CSV: ${(error as Error).message}`, HINT);
  }
  const header = (records[0] ?? []).map((h) => normaliseHeader(h));
  const find = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const unit = find(UNIT_HEADERS);
  const instansi = find(INSTANSI_HEADERS);
  const predikat = find(PREDIKAT_HEADERS);
  if (predikat < 0 || (unit < 0 && instansi < 0)) {
    throw new UsageError(`--org-predikat-file ${file} has no ${predikat < 0 ? 'predikat' : 'unit or instansi'} column`, HINT);
  }
  const rows: OrgPredikatRow[] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const unitName = unit < 0 ? null : cleanText(cells[unit]);
    const instansiName = instansi < 0 ? null : cleanText(cells[instansi]);
    const value = cleanText(cells[predikat]);
    if (unitName === null && instansiName === null && value === null) return;
    if (value === null) throw new UsageError(`--org-predikat-file ${file} line ${line}: no predikat given`, HINT);
    if (unitName !== null) rows.push({ line, scope: 'unit', name: unitName, predikat: value });
    else if (instansiName !== null) rows.push({ line, scope: 'instansi', name: instansiName, predikat: value });
    else throw new UsageError(`--org-predikat-file ${file} line ${line}: no unit or instansi given`, HINT);
  });
  return rows;
}
