/**
 * Tingkat pendidikan (education level) — SPEC §1.5. Rank and qualification points are model
 * configuration (`education` in the model JSON); this module only recognises the level.
 */
import type { EducationCode, Parsed } from './types.js';
import { fail, ok } from './types.js';

/** Labels for reports; D-IV shares S-1's level (SPEC §1.5, SIASN ids 35 and 40). */
export const EDUCATION_LABEL: Readonly<Record<EducationCode, string>> = {
  'S-3': 'S-3 / Doktor',
  'S-2': 'S-2 / Profesi / Spesialis',
  'S-1': 'S-1 / D-IV',
  'D-III': 'D-III / Sarjana Muda',
  'D-II': 'D-II',
  'D-I': 'D-I',
  SLTA: 'SLTA',
  SLTP: 'SLTP',
  SD: 'SD',
};

/** SIASN TINGKAT PENDIDIKAN ID → level (SPEC §1.5). */
const SIASN_ID: ReadonlyMap<number, EducationCode> = new Map([
  [50, 'S-3'], [45, 'S-2'], [40, 'S-1'], [35, 'S-1'], [30, 'D-III'], [25, 'D-II'], [20, 'D-I'],
  [15, 'SLTA'], [17, 'SLTA'], [18, 'SLTA'], [10, 'SLTP'], [12, 'SLTP'], [5, 'SD'],
]);

const STRATA: Record<string, EducationCode> = { '1': 'S-1', I: 'S-1', '2': 'S-2', II: 'S-2', '3': 'S-3', III: 'S-3' };
const DIPLOMA: Record<string, EducationCode> = {
  '1': 'D-I', I: 'D-I', '2': 'D-II', II: 'D-II', '3': 'D-III', III: 'D-III', '4': 'S-1', IV: 'S-1',
};

/**
 * Level names that may open a value, longest first so that "SARJANA MUDA" beats "SARJANA".
 * School names cover the national ones and their madrasah and vocational equivalents
 * (SMK/STM/SMEA/SPG/SPK at SLTA, MTs at SLTP, MI at SD), the "Negeri" forms (SMAN, SMPN, SDN)
 * and the Paket A/B/C equivalency.
 */
const WORDS: readonly [string, EducationCode][] = (
  [
    ['DOKTORAL', 'S-3'], ['DOKTOR', 'S-3'], ['DOCTOR', 'S-3'],
    ['PASCA SARJANA', 'S-2'], ['PASCASARJANA', 'S-2'], ['MAGISTER', 'S-2'], ['MASTER', 'S-2'],
    ['PROFESI', 'S-2'], ['SPESIALIS', 'S-2'],
    ['SARJANA MUDA', 'D-III'], ['SARMUD', 'D-III'], ['SARJANA', 'S-1'],
    ['SEKOLAH MENENGAH ATAS', 'SLTA'], ['SEKOLAH MENENGAH KEJURUAN', 'SLTA'], ['PAKET C', 'SLTA'],
    ['SLTA', 'SLTA'], ['SMA', 'SLTA'], ['SMAN', 'SLTA'], ['SMKN', 'SLTA'], ['SMU', 'SLTA'], ['SMK', 'SLTA'], ['SMKK', 'SLTA'], ['STM', 'SLTA'],
    ['SMEA', 'SLTA'], ['SPG', 'SLTA'], ['SPK', 'SLTA'], ['SMF', 'SLTA'], ['MAN', 'SLTA'], ['MAK', 'SLTA'],
    ['MA', 'SLTA'],
    ['SEKOLAH MENENGAH PERTAMA', 'SLTP'], ['PAKET B', 'SLTP'], ['SLTP', 'SLTP'], ['SMP', 'SLTP'], ['SMPN', 'SLTP'],
    ['MTSN', 'SLTP'], ['MTS', 'SLTP'],
    ['SEKOLAH DASAR', 'SD'], ['PAKET A', 'SD'], ['SD', 'SD'], ['SDN', 'SD'], ['MIN', 'SD'], ['MI', 'SD'],
  ] as [string, EducationCode][]
).sort((a, b) => b[0].length - a[0].length);

/** Upper case; hyphens, dots and other punctuation become spaces ("S-1" → "S 1"). */
function normalise(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/** The level named at the start of one part of a value ("S-1 Teknik Sipil" → S-1), or null. */
function levelAtStart(part: string): EducationCode | null {
  const n = normalise(part);
  const strata = /^(?:STRATA|S) ?(III|II|I|1|2|3)(?: |$)/.exec(n);
  if (strata?.[1] !== undefined) return STRATA[strata[1]] ?? null;
  const diploma = /^(?:DIPLOMA|D) ?(IV|III|II|I|1|2|3|4)(?: |$)/.exec(n);
  if (diploma?.[1] !== undefined) return DIPLOMA[diploma[1]] ?? null;
  // Sp-1 / Sp-2 (dokter spesialis) are grouped with S-2 as the SPEC's table does.
  if (/^SP ?(?:I|II|1|2)(?: |$)/.test(n)) return 'S-2';
  const word = WORDS.find(([w]) => n === w || n.startsWith(`${w} `));
  return word?.[1] ?? null;
}

/**
 * Parses a tingkat pendidikan cell (SPEC §1.5): the SIASN id (`40`, `05`), or a level name with
 * optional hyphen and Roman numerals (`S1`, `S-1`, `S 1`, `Strata I`, `D3`, `DIII`, `Diploma III`,
 * `D4` → S-1), a degree word (Doktor, Magister, Sarjana, Sarjana Muda), or a school (SMA, SMK,
 * MTs, SD …). Words after the level are ignored ("S-1 Teknik Sipil", "SLTA Sederajat"), and
 * SIASN's combined names ("S-1/Sarjana", "Diploma III/Sarjana Muda") must name one level.
 */
export function parseEducation(raw: string): Parsed<EducationCode> {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return fail('pendidikan is empty');
  const id = /^(\d{1,2})(?:[.,]0+)?$/.exec(text);
  if (id?.[1] !== undefined) {
    const code = SIASN_ID.get(Number(id[1]));
    if (code !== undefined) return ok(code);
    return fail(`"${text}" is not a SIASN tingkat pendidikan id (05, 10, 12, 15, 17, 18, 20, 25, 30, 35, 40, 45, 50)`);
  }
  const found = text
    .split(/[/,;]|\bATAU\b/i)
    .map(levelAtStart)
    .filter((code): code is EducationCode => code !== null);
  const distinct = [...new Set(found)];
  if (distinct.length === 1 && distinct[0] !== undefined) return ok(distinct[0]);
  if (distinct.length > 1) return fail(`"${text}" names more than one level (${distinct.join(', ')}); keep one`);
  return fail(`"${text}" is not an education level: expected e.g. S-1, D-III, SLTA, SMP, SD or a SIASN id such as 40`);
}
