/**
 * The organisation predikat of each scope (SPEC §10): `--org-predikat` for every scope, or the
 * rows of `--org-predikat-file` (a unit row sets that unit; an instansi row sets the instansi and
 * its units without a row of their own), else `Baik`. Names match as in SPEC §1.3; a name that
 * is no unit or instansi in the database, or a predikat the regulation does not know, is a usage
 * error naming it (exit 2).
 */
import { DEFAULT_ORG_PREDIKAT, nameKey, ORG_PREDIKATS, parseOrgPredikat, type OrgPredikat } from '../../domain/calibration.js';
import { readOrgPredikatFile } from '../../io/org-predikat-file.js';
import { UsageError } from '../../shared/errors.js';

export interface OrgPredikats {
  source: 'default' | 'option' | 'file';
  /** The predikat of a scope without a row of its own. */
  fallback: OrgPredikat;
  units: Map<string, OrgPredikat>;
  instansi: Map<string, OrgPredikat>;
}

const ACCEPTED = `one of: ${ORG_PREDIKATS.join(', ')} (any case)`;

export function orgPredikatOption(text: string): OrgPredikat {
  const org = parseOrgPredikat(text);
  if (org === null) throw new UsageError(`--org-predikat "${text}" is not an organisation predikat`, `use ${ACCEPTED}`);
  return org;
}

export function resolveOrgPredikats(
  option: string | undefined,
  file: string | undefined,
  known: { units: readonly string[]; instansi: readonly string[] },
): OrgPredikats {
  if (option !== undefined) return { source: 'option', fallback: orgPredikatOption(option), units: new Map(), instansi: new Map() };
  const result: OrgPredikats = { source: file === undefined ? 'default' : 'file', fallback: DEFAULT_ORG_PREDIKAT, units: new Map(), instansi: new Map() };
  if (file === undefined) return result;
  const knownKeys = { unit: new Set(known.units.map(nameKey)), instansi: new Set(known.instansi.map(nameKey)) };
  const seen = new Map<string, number>();
  for (const row of readOrgPredikatFile(file)) {
    const where = `--org-predikat-file ${file} line ${row.line}`;
    const org = parseOrgPredikat(row.predikat);
    if (org === null) throw new UsageError(`${where}: "${row.predikat}" is not an organisation predikat`, `use ${ACCEPTED}`);
    const key = nameKey(row.name);
    if (!knownKeys[row.scope].has(key)) {
      throw new UsageError(`${where}: unknown ${row.scope} "${row.name}": no employee in the database has it`, `check the spelling against asn status or the personnel file`);
    }
    const id = `${row.scope}|${key}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new UsageError(`${where}: ${row.scope} "${row.name}" is already given on line ${earlier}`, 'give each unit or instansi once');
    seen.set(id, row.line);
    (row.scope === 'unit' ? result.units : result.instansi).set(key, org);
  }
  return result;
}
