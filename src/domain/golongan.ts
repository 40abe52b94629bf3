/**
 * Golongan (civil-service grade) — SPEC §1.5.
 * PNS: golongan I–IV with ruang (sub-grade) letters, coded as SIASN GOL_ID 11–14, 21–24,
 * 31–34, 41–45 (PP 99/2000: I–III have ruang a–d, IV has a–e).
 * PPPK: golongan I–XVII (Perpres 98/2020), a separate ordinal 1–17 never compared with PNS.
 */
import type { JenisPegawai, Parsed } from './types.js';
import { notACodeReason, numericCode } from './codes.js';
import { fail, ok } from './types.js';

export interface Golongan {
  code: number;
  label: string;
}

const ROMAN_TIER = ['I', 'II', 'III', 'IV'] as const;
const RUANG = ['a', 'b', 'c', 'd', 'e'] as const;

/** Pangkat (rank title) of each PNS golongan, PP 99/2000 appendix. */
const PANGKAT_BY_CODE: ReadonlyMap<number, string> = new Map([
  [11, 'Juru Muda'], [12, 'Juru Muda Tk. I'], [13, 'Juru'], [14, 'Juru Tk. I'],
  [21, 'Pengatur Muda'], [22, 'Pengatur Muda Tk. I'], [23, 'Pengatur'], [24, 'Pengatur Tk. I'],
  [31, 'Penata Muda'], [32, 'Penata Muda Tk. I'], [33, 'Penata'], [34, 'Penata Tk. I'],
  [41, 'Pembina'], [42, 'Pembina Tk. I'], [43, 'Pembina Utama Muda'],
  [44, 'Pembina Utama Madya'], [45, 'Pembina Utama'],
]);

/** The valid SIASN GOL_IDs of PNS golongan (SPEC §1.5). */
export const PNS_GOLONGAN_CODES: readonly number[] = [...PANGKAT_BY_CODE.keys()];

/** Pangkat names in matching form (upper case, "Tingkat I"/"Tk. I" as "TK I"), longest first. */
const PANGKAT_PATTERNS: readonly { name: string; code: number; re: RegExp }[] = [...PANGKAT_BY_CODE]
  .map(([code, name]) => ({ name, code, key: normalisePangkatWords(name.toUpperCase()) }))
  .sort((a, b) => b.key.length - a.key.length)
  .map(({ name, code, key }) => ({ name, code, re: new RegExp(`(?<![A-Z])${key}(?![A-Z])`) }));

const PPPK_ROMAN = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX',
  'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
] as const;

/** Writes "Tingkat I", "Tk. I", "Tk.I", "Tk 1" uniformly as "TK I" (all name the same pangkat). */
function normalisePangkatWords(upper: string): string {
  return upper
    .replace(/\bTINGKAT\b/g, 'TK')
    .replace(/\bTK\.?\s*(?:I|1)(?![A-Z0-9/])/g, 'TK I')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `code` is a SIASN GOL_ID of a PNS golongan (11–14, 21–24, 31–34, 41–45). */
export function isPnsGolonganCode(code: number): boolean {
  return PANGKAT_BY_CODE.has(code);
}

/**
 * Canonical label of a golongan code: `III/a` for PNS/CPNS, Roman `IX` for PPPK (SPEC §1.5).
 * Null when the code is missing or not valid for that jenis pegawai.
 */
export function golonganLabel(code: number | null, jenis: JenisPegawai | null): string | null {
  if (code === null) return null;
  if (jenis === 'PPPK') return PPPK_ROMAN[code - 1] ?? null;
  if (!isPnsGolonganCode(code)) return null;
  const tier = ROMAN_TIER[Math.floor(code / 10) - 1];
  const ruang = RUANG[(code % 10) - 1];
  return tier === undefined || ruang === undefined ? null : `${tier}/${ruang}`;
}

/** Pangkat name of a PNS golongan code (`Penata Muda` for 31), null when not a PNS code. */
export function pangkatName(code: number): string | null {
  return PANGKAT_BY_CODE.get(code) ?? null;
}

/**
 * Parses a golongan cell (SPEC §1.5). For PPPK (`jenisPegawai` 'PPPK') the value is golongan
 * I–XVII, Roman or Arabic (`IX`, `9`, `Golongan IX`) → code 1–17. Otherwise it is a PNS
 * golongan: `III/a` in any of its spellings (`III/A`, `III.a`, `III-a`, `III a`, `3a`, `3/a`),
 * the SIASN GOL_ID (`31`, `31.0`), a pangkat name (`Penata Muda`), or a pangkat name with a
 * code (`Penata Muda (III/a)`), which must agree. A bare numeral without ruang letter is
 * refused for non-PPPK because it cannot be told apart from a PPPK golongan.
 */
export function parseGolongan(raw: string, jenisPegawai: JenisPegawai | null): Parsed<Golongan> {
  const known = (jenisPegawai === 'PPPK' ? PPPK_CANONICAL : PNS_CANONICAL).get(raw);
  if (known !== undefined) return ok({ code: known.code, label: known.label });
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return fail('golongan is empty');
  if (numericCode(text) === null) return fail(notACodeReason(text, 'golongan', 'e.g. III/a, 3a or SIASN 31'));
  return jenisPegawai === 'PPPK' ? parsePppkGolongan(text) : parsePnsGolongan(text);
}

/**
 * The spellings SIASN itself writes (`III/a`, `III/A`, GOL_ID `31`; PPPK `IX`, `9`) → golongan,
 * each taken from the full parser below when this module loads, so the look-up gives exactly
 * what parsing would (as a fresh object). Per row, the full parser's 17 pangkat patterns were a measurable cost.
 */
function canonical(spellings: readonly string[], parse: (text: string) => Parsed<Golongan>): ReadonlyMap<string, Golongan> {
  const map = new Map<string, Golongan>();
  for (const text of spellings) {
    const parsed = parse(text);
    if (parsed.ok && parsed.warning === undefined) map.set(text, parsed.value);
  }
  return map;
}

/** PPPK golongan I–XVII (Perpres 98/2020), Roman or Arabic, optionally after "Golongan"/"Gol.". */
function parsePppkGolongan(text: string): Parsed<Golongan> {
  const core = stripGolonganWord(text.toUpperCase());
  const roman = PPPK_ROMAN.indexOf(core as (typeof PPPK_ROMAN)[number]);
  const arabic = /^(\d{1,2})(?:[.,]0+)?$/.exec(core);
  const code = roman >= 0 ? roman + 1 : arabic?.[1] !== undefined ? Number(arabic[1]) : null;
  if (code !== null && code >= 1 && code <= 17) return ok({ code, label: PPPK_ROMAN[code - 1] ?? '' });
  const pns = parsePnsGolongan(text);
  if (pns.ok) {
    return fail(
      `"${text}" is PNS golongan ${pns.value.label}, but the employee is PPPK (golongan I–XVII, ` +
        'no ruang letter); check golongan or jenis_pegawai',
    );
  }
  return fail(`"${text}" is not a PPPK golongan: expected I–XVII (Roman or Arabic, e.g. IX or 9)`);
}

/** PNS golongan: a code, a pangkat name, or both (which must agree). */
function parsePnsGolongan(text: string): Parsed<Golongan> {
  const upper = normalisePangkatWords(text.toUpperCase());
  const pangkat = PANGKAT_PATTERNS.find((p) => p.re.test(upper));
  // What is left once the pangkat name is removed: a code, or nothing; brackets, dashes and
  // commas and slashes only join the two parts ("Penata Muda (III/a)", "III/b - Penata Muda Tk. I").
  const rest = stripGolonganWord(
    (pangkat === undefined ? upper : upper.replace(pangkat.re, ' '))
      .replace(/[()[\]]/g, ' ')
      .replace(/^[\s,;:/–—-]+|[\s,;:/–—-]+$/g, ''),
  );
  if (pangkat !== undefined && rest === '') return ok(pnsGolongan(pangkat.code));
  const code = parsePnsCode(rest, text);
  if (!code.ok || pangkat === undefined) return code;
  if (code.value.code !== pangkat.code) {
    return fail(
      `"${text}": pangkat ${pangkat.name} is ${golonganLabel(pangkat.code, 'PNS') ?? ''} ` +
        `but the code says ${code.value.label}; correct one of them`,
    );
  }
  return code;
}

/** The PNS golongan of a valid SIASN GOL_ID. */
function pnsGolongan(code: number): Golongan {
  return { code, label: golonganLabel(code, 'PNS') ?? String(code) };
}

/** Removes a leading "Golongan", "Gol.", "Gol/Ruang" or "Pangkat/Gol" word. */
function stripGolonganWord(upper: string): string {
  return upper.replace(/^(?:PANGKAT\s*\/\s*)?(?:GOLONGAN|GOL)\.?(?:\s*\/\s*RUANG)?\s*:?\s*/, '').trim();
}

/** A PNS code without pangkat name: `III/a` (separator `/ . - space` or none), `3a`, or `31`. */
function parsePnsCode(code: string, original: string): Parsed<Golongan> {
  const siasn = /^(\d{2})(?:[.,]0+)?$/.exec(code);
  if (siasn?.[1] !== undefined) {
    const id = Number(siasn[1]);
    if (isPnsGolonganCode(id)) return ok(pnsGolongan(id));
    const pppkHint = id >= 1 && id <= 17 ? ', or set jenis_pegawai to PPPK if this is PPPK golongan ' + String(id) : '';
    return fail(`"${original}" is not a SIASN golongan code (11–14, 21–24, 31–34, 41–45)${pppkHint}`);
  }
  // Ruang letters run a–e only, so "IX" is never read as golongan I with ruang X.
  const tiered = /^(IV|III|II|I|[1-4])\s*[/.\-]?\s*([A-E])$/.exec(code);
  if (tiered?.[1] !== undefined && tiered[2] !== undefined) {
    const tierText = tiered[1];
    const tier = /\d/.test(tierText) ? Number(tierText) : ROMAN_TIER.indexOf(tierText as 'I') + 1;
    const ruang = tiered[2].charCodeAt(0) - 64; // A = 1
    const maxRuang = tier === 4 ? 5 : 4;
    if (ruang > maxRuang) {
      return fail(
        `"${original}": golongan ${ROMAN_TIER[tier - 1] ?? tierText} has ruang a–${RUANG[maxRuang - 1] ?? ''} only`,
      );
    }
    return ok(pnsGolongan(tier * 10 + ruang));
  }
  if (/^(?:[IVX]+|\d{1,2})(?:[.,]0+)?$/.test(code)) {
    return fail(
      `"${original}" has no ruang letter: write the PNS golongan with its ruang (e.g. III/a), ` +
        'or set jenis_pegawai to PPPK if this is a PPPK golongan',
    );
  }
  return fail(
    `"${original}" is not a golongan: expected e.g. III/a, 3a, SIASN code 31, or a pangkat name such as Penata Muda`,
  );
}

const PNS_CANONICAL = canonical(
  PNS_GOLONGAN_CODES.flatMap((code) => {
    const label = golonganLabel(code, 'PNS') ?? '';
    return [label, label.toUpperCase(), String(code)];
  }),
  parsePnsGolongan,
);
const PPPK_CANONICAL = canonical(
  PPPK_ROMAN.flatMap((roman, i) => [roman, String(i + 1)]),
  parsePppkGolongan,
);
