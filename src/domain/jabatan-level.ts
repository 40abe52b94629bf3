/**
 * Jabatan level — an ordinal 1–9 that puts structural (eselon) and functional (jenjang) posts
 * on one scale, following the equivalences of PermenPANRB 17/2021 (SPEC §1.5).
 * The table itself is configuration (`levels` of the merit model) and is passed in.
 */
import type { Parsed } from './types.js';
import { notACodeReason, numericCode } from './codes.js';
import { fail, ok } from './types.js';

/** Shape of `levels` in the model JSON (src/model/asn-merit-v1.json). */
export interface LevelTable {
  /** Canonical eselon (`III.a`) → level. */
  eselon: Record<string, number>;
  /** Structural words (`JPT PRATAMA`, `ADMINISTRATOR`) → level. */
  structural: Record<string, number>;
  /** Functional jenjang words (`AHLI MUDA`, `TERAMPIL`) → level. */
  jenjang: Record<string, number>;
  /** Level of Pelaksana (formerly fungsional umum). */
  pelaksana: number;
}

export type LevelSource = 'eselon' | 'jenjang' | 'structural' | 'jenis_jabatan' | 'pelaksana';

/** A level with the rule that produced it, in words for `rank --explain`. */
export interface JabatanLevel {
  level: number | null;
  source: LevelSource | null;
  detail: string;
}

const ESELON_TIERS = ['I', 'II', 'III', 'IV', 'V'] as const;

/** Values that mean "not an eselon post" (SIASN ESELON_ID 99 = Non Eselon), not an error. */
const NON_ESELON = new Set(['', '-', '—', '0', '99', 'NON', 'NON ESELON', 'NONESELON', 'N/A', 'NULL', 'TIDAK ADA']);

/**
 * Parses an eselon cell to its canonical form (SPEC §1.5): `III.a`, or tier only (`II`) when
 * no sub-level is given. Accepts `III.a`, `III/a`, `IIIa`, `III A`, `Eselon III.a`, Arabic tiers
 * (`3.a`, `Eselon 3`), and SIASN ESELON_ID 11–52 (tens = tier, units 1 = a, 2 = b, 0 = tier
 * only). `99`, `Non Eselon`, `-` and empty give null: the post simply has no eselon.
 */
export function parseEselon(raw: string): Parsed<string | null> {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (numericCode(text) === null) return fail(notACodeReason(text, 'eselon', 'e.g. III.a or SIASN 31'));
  const upper = text
    .toUpperCase()
    .replace(/\s*-\s*/g, ' ')
    .replace(/^(?:ESELON|ES)\.?\s*/, '')
    .replace(/^(\d+)[.,]0+$/, '$1') // spreadsheets turn the ESELON_ID 99 into 99.0
    .trim();
  if (NON_ESELON.has(upper) || NON_ESELON.has(text.toUpperCase())) return ok(null);

  const siasn = /^([1-5])([0-2])(?:[.,]0+)?$/.exec(upper);
  if (siasn?.[1] !== undefined && siasn[2] !== undefined) {
    return ok(canonicalEselon(Number(siasn[1]), siasn[2] === '0' ? null : siasn[2] === '1' ? 'a' : 'b'));
  }
  const tiered = /^(V|IV|III|II|I|[1-5])(?:\s*[./]?\s*([AB]))?$/.exec(upper);
  if (tiered?.[1] !== undefined) {
    const t = tiered[1];
    const tier = /\d/.test(t) ? Number(t) : ESELON_TIERS.indexOf(t as 'I') + 1;
    const sub = tiered[2] === undefined ? null : tiered[2] === 'A' ? 'a' : 'b';
    return ok(canonicalEselon(tier, sub));
  }
  return fail(
    `"${text}" is not an eselon: expected I.a … V.b (e.g. III.a, Eselon IV/b), SIASN ESELON_ID ` +
      '11–52, or 99 / Non Eselon for a post without eselon',
  );
}

function canonicalEselon(tier: number, sub: 'a' | 'b' | null): string {
  const roman = ESELON_TIERS[tier - 1] ?? String(tier);
  return sub === null ? roman : `${roman}.${sub}`;
}

/**
 * Level of an eselon in the table. A tier given without sub-level (`II`) takes the tier's
 * level: all sub-levels of a tier share one level in PermenPANRB 17/2021; if a custom table
 * splits them, the `.a` (higher) sub-level is used.
 */
function eselonLevel(eselon: string, table: LevelTable): { key: string; level: number } | null {
  for (const key of [eselon, `${eselon}.a`, `${eselon}.b`]) {
    const level = table.eselon[key];
    if (level !== undefined) return { key, level };
  }
  return null;
}

/** Upper case, punctuation as spaces, "Jabatan Pimpinan Tinggi" abbreviated to JPT. */
function normaliseWords(text: string): string {
  return ` ${text.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim()} `
    .replace(/ (?:JABATAN )?PIMPINAN TINGGI /g, ' JPT ');
}

type WordKey = { key: string; words: string; level: number };
/** Sorted, normalised keys per table object: the same table serves every row of an import. */
const keyCache = new WeakMap<Record<string, number>, readonly WordKey[]>();

function wordKeys(table: Record<string, number>): readonly WordKey[] {
  let keys = keyCache.get(table);
  if (keys === undefined) {
    keys = Object.entries(table)
      .map(([key, level]) => ({ key, words: normaliseWords(key), level }))
      .sort((a, b) => b.words.length - a.words.length || a.key.localeCompare(b.key));
    keyCache.set(table, keys);
  }
  return keys;
}

/**
 * The table key found as whole words in `text`. Longest key first (then alphabetical), so a
 * key that contains another ("AHLI MUDA" vs a custom "AHLI") wins, whatever the JSON order.
 */
function findWords(text: string, table: Record<string, number>): { key: string; level: number } | null {
  const words = normaliseWords(text);
  return wordKeys(table).find((k) => words.includes(k.words)) ?? null;
}

/** Jenis jabatan naming a Pelaksana post (SIASN "Jabatan Pelaksana", formerly "Fungsional Umum"). */
function isPelaksana(jenisJabatan: string): boolean {
  return / (?:PELAKSANA|FUNGSIONAL UMUM|JFU) /.test(normaliseWords(jenisJabatan));
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim().replace(/\s+/g, ' ');
}

/**
 * Jabatan level of one post (SPEC §1.5), first rule that applies:
 * 1. the eselon (canonical, from `parseEselon`);
 * 2. jenjang words inside `jabatan` ("Analis Kebijakan Ahli Muda" → 5);
 * 3. structural words in `jabatan` or `jenisJabatan` ("JPT Pratama", "Administrator");
 * 4. `jenisJabatan` Pelaksana / Fungsional Umum / JFU → the pelaksana level;
 * 5. any other named post → Pelaksana, which is why structural posts need their eselon;
 * 6. no post at all → no level (the caller warns).
 */
export function jabatanLevel(
  input: { eselon: string | null; jabatan: string | null; jenisJabatan: string | null },
  table: LevelTable,
): JabatanLevel {
  const jabatan = blankToNull(input.jabatan);
  const jenisJabatan = blankToNull(input.jenisJabatan);
  let note = '';
  if (input.eselon !== null) {
    const found = eselonLevel(input.eselon, table);
    if (found !== null) {
      const as = found.key === input.eselon ? '' : ` (as ${found.key})`;
      return { level: found.level, source: 'eselon', detail: `eselon ${input.eselon}${as} → ${found.level}` };
    }
    note = `eselon ${input.eselon} is not in the level table; `;
  }
  if (jabatan !== null) {
    const jenjang = findWords(jabatan, table.jenjang);
    if (jenjang !== null) {
      return {
        level: jenjang.level,
        source: 'jenjang',
        detail: `${note}jenjang "${jenjang.key}" in "${jabatan}" → ${jenjang.level}`,
      };
    }
  }
  for (const [what, text] of [['jabatan', jabatan], ['jenis jabatan', jenisJabatan]] as const) {
    const structural = text === null ? null : findWords(text, table.structural);
    if (structural !== null) {
      return {
        level: structural.level,
        source: 'structural',
        detail: `${note}structural "${structural.key}" in ${what} "${text ?? ''}" → ${structural.level}`,
      };
    }
  }
  if (jenisJabatan !== null && isPelaksana(jenisJabatan)) {
    return {
      level: table.pelaksana,
      source: 'jenis_jabatan',
      detail: `${note}jenis jabatan "${jenisJabatan}" → Pelaksana ${table.pelaksana}`,
    };
  }
  if (jabatan !== null) {
    return {
      level: table.pelaksana,
      source: 'pelaksana',
      detail: `${note}named post without eselon or jenjang → Pelaksana ${table.pelaksana}`,
    };
  }
  const given = jenisJabatan === null ? '' : ` (jenis jabatan "${jenisJabatan}" alone does not tell the level)`;
  return { level: null, source: null, detail: `${note}no eselon and no jabatan${given} → no level` };
}
