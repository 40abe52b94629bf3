/**
 * Cell-value parsers of SPEC §1.3: text, dates, numbers and NIP, from CSV strings or XLSX
 * cells (string, number, Date, boolean). Each returns a value or a reason the analyst can act on.
 */
import { excelSerialToIso, impossibleDateReason, toIso } from '../domain/dates.js';
import { fail, ok, type Parsed } from '../domain/types.js';

/** Cell texts that mean "no value" (SPEC §1.3): dashes, N/A, NULL; compared upper-cased. */
const NO_VALUE = new Set(['', '-', '\u2014', '\u2013', 'N/A', 'NULL']);

/**
 * exceljs gives rich text, hyperlinks and formulas as objects; reduce them to the value shown.
 * Anything else is returned unchanged.
 */
function cellValue(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || raw instanceof Date) return raw;
  const cell = raw as { richText?: unknown; text?: unknown; result?: unknown };
  if (Array.isArray(cell.richText)) {
    return cell.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  }
  if ('result' in cell) return cellValue(cell.result);
  if (typeof cell.text === 'string') return cell.text;
  return raw;
}

function utcIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Text cell (SPEC §1.3): trimmed, inner whitespace runs (incl. non-breaking spaces and
 * newlines) collapsed to one space; `-`, `—`, `–`, `N/A`, `NULL` and empty mean no value (null).
 * Numbers become their decimal text; XLSX date cells become `YYYY-MM-DD`.
 */
export function cleanText(raw: unknown): string | null {
  // Fast path, the CSV case: a string that needs no clean-up (the same checks as below).
  if (typeof raw === 'string' && !needsCleanup(raw)) {
    return raw.length <= 4 && NO_VALUE.has(raw.toUpperCase()) ? null : raw;
  }
  const value = cellValue(raw);
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return utcIso(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'bigint') return null;
  let text = String(value);
  // Fast path: most cells need no clean-up; only rewrite when there is something to fix.
  if (NEEDS_CLEANUP.test(text)) text = text.replace(/\s+/gu, ' ').trim();
  if (text.length <= 4 && NO_VALUE.has(text.toUpperCase())) return null;
  return text;
}

/** Leading or trailing white space, two in a row, or any white space other than a plain space. */
const NEEDS_CLEANUP = /^\s|\s$|\s\s|[^\S ]/u;

/**
 * NEEDS_CLEANUP.test(text), answered by a scan of the characters when they are printable ASCII
 * and plain spaces (nearly every cell): per row, the regex was a measurable share of the import.
 * Any other character (controls, non-ASCII, which may be Unicode white space) goes to the regex.
 */
function needsCleanup(text: string): boolean {
  let space = true; // a space at the start counts as leading white space
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) space = false;
    else if (c === 0x20) {
      if (space) return true;
      space = true;
    } else return NEEDS_CLEANUP.test(text);
  }
  return text.length > 0 && space;
}

/** Month spellings of SPEC §1.3 (Indonesian, English, 3-letter and common older spellings). */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

/** An optional time of day after a date ("2020-03-01 00:00:00", "…T08:30:00.000Z", "1/3/2020 0:00"). */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`, 'i');
const MONTH_NAME = /^(\d{1,2})(?: *- *| )([a-z]+)\.?(?: *- *| )(\d{2}|\d{4})$/i;
/** Excel 1900-system serials of a plausible date range (1927-05-18 to 2119-01-11), SPEC §1.3. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 80_000;

/** Years an HR record can hold (births, appointments, promotions); anything else is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function dateFromParts(text: string, y: number, m: number, d: number): Parsed<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`year ${y} in ${text} is not plausible for an HR record (${MIN_YEAR}–${MAX_YEAR})`);
  const why = impossibleDateReason(y, m, d);
  return why === null ? ok(toIso(y, m, d)) : fail(`impossible date ${text} (${why})`);
}

function twoDigitYear(text: string): Parsed<string> {
  return fail(`two-digit year in "${text}"; write the year with four digits, e.g. DD-MM-YYYY`);
}

function dateFromSerial(serial: number, text: string): Parsed<string> {
  const iso = serial >= SERIAL_MIN && serial <= SERIAL_MAX ? excelSerialToIso(serial) : null;
  if (iso === null) {
    return fail(`number ${text} is not a date (Excel date serials are ${SERIAL_MIN}–${SERIAL_MAX}); use DD-MM-YYYY`);
  }
  return ok(iso);
}

/** The value of the ASCII digits text[from..to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The two spellings nearly every export uses, `DD-MM-YYYY` and `YYYY-MM-DD` (exactly 10
 * characters, no time), read without the regexes; the same result as YEAR_FIRST / DAY_FIRST
 * below give them. Null for anything else.
 */
function plainDate(text: string): Parsed<string> | null {
  if (text.length !== 10) return null;
  if (text.charCodeAt(2) === 45 && text.charCodeAt(5) === 45) {
    const d = digitsAt(text, 0, 2);
    const m = digitsAt(text, 3, 5);
    const y = digitsAt(text, 6, 10);
    return d < 0 || m < 0 || y < 0 ? null : dateFromParts(text, y, m, d);
  }
  if (text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digitsAt(text, 0, 4);
    const m = digitsAt(text, 5, 7);
    const d = digitsAt(text, 8, 10);
    return d < 0 || m < 0 || y < 0 ? null : dateFromParts(text, y, m, d);
  }
  return null;
}

/**
 * Date cell → `YYYY-MM-DD` (SPEC §1.3). Accepts YYYY-MM-DD (optionally with a time), day-first
 * DD-MM-YYYY / DD/MM/YYYY / DD.MM.YYYY, "D Month YYYY" with Indonesian or English month names
 * (also "01-Jan-2020"), XLSX date cells (UTC parts), and an Excel serial 10000–80000.
 * Impossible dates and two-digit years are errors.
 */
export function parseDate(raw: unknown): Parsed<string> {
  const value = cellValue(raw);
  if (value instanceof Date) {
    const iso = utcIso(value);
    if (iso === null) return fail('invalid date in the spreadsheet cell');
    return dateFromParts(iso, value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    // A number in a date column is an Excel serial; a fraction is the time of day (dropped).
    return Number.isFinite(value) ? dateFromSerial(value, String(value)) : fail('not a date');
  }
  const text = cleanText(value);
  if (text === null) return fail('no date given');
  const fast = plainDate(text);
  if (fast !== null) return fast;
  if (/^\d+$/.test(text)) return dateFromSerial(Number(text), text);

  // Messages quote the date without its time of day.
  const datePart = text.split(/[T ]/i)[0] ?? text;
  let match = YEAR_FIRST.exec(text);
  if (match) return dateFromParts(datePart, Number(match[1]), Number(match[3]), Number(match[4]));
  match = DAY_FIRST.exec(text);
  if (match) {
    if (match[4]?.length === 2) return twoDigitYear(text);
    return dateFromParts(datePart, Number(match[4]), Number(match[3]), Number(match[1]));
  }
  match = MONTH_NAME.exec(text);
  if (match) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    if (month === undefined) return fail(`unknown month name "${match[2]}" in "${text}"`);
    if (match[3]?.length === 2) return twoDigitYear(text);
    return dateFromParts(text, Number(match[3]), month, Number(match[1]));
  }
  return fail(`unrecognised date "${text}"; use DD-MM-YYYY or YYYY-MM-DD`);
}

/** Digits with optional thousands separator `sep` in groups of three. */
function groupedDigits(intPart: string, sep: string): string | null {
  if (intPart === '') return null;
  const groups = intPart.split(sep);
  if (groups.length === 1) return /^\d+$/.test(intPart) ? intPart : null;
  const [head, ...rest] = groups;
  if (!/^\d{1,3}$/.test(head ?? '') || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * Reads a decimal written with `.` or `,` (SPEC §1.3). With both, the last one is the decimal
 * separator and the other groups thousands. With one kind only: a single occurrence is the
 * decimal separator (Indonesian `85,5`, English `85.5`); repeated, it groups thousands.
 */
function decimalText(body: string): string | null {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let intPart = body;
  let fraction = '';
  let thousands = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + 1);
    thousands = lastDot > lastComma ? ',' : '.';
    if (fraction === '') return null;
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const count = sep === '' ? 0 : body.split(sep).length - 1;
    if (count === 1) {
      [intPart = '', fraction = ''] = body.split(sep);
      if (fraction === '') return null;
    } else if (count > 1) {
      thousands = sep;
    }
  }
  if (fraction !== '' && !/^\d+$/.test(fraction)) return null;
  const digits = thousands === '' ? (/^\d+$/.test(intPart) ? intPart : null) : groupedDigits(intPart, thousands);
  if (digits === null) return null;
  return fraction === '' ? digits : `${digits}.${fraction}`;
}

/**
 * Number cell (SPEC §1.3): `85`, `85.5`, `85,5`, `85,5%`, `85 %`, `1.234,5`, `1,234.5`.
 * A percent sign is dropped (85,5% → 85.5). XLSX numbers pass through when finite.
 */
export function parseNumber(raw: unknown): Parsed<number> {
  const value = cellValue(raw);
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value) : fail('not a finite number');
  }
  if (value instanceof Date || typeof value === 'boolean') {
    return fail(`expected a number, found ${cleanText(value) ?? String(value)}`);
  }
  const text = cleanText(value);
  if (text === null) return fail('no number given');
  const m = /^([+-]?)\s*([\d.,]+)\s*%?$/.exec(text);
  const decimal = m ? decimalText(m[2] ?? '') : null;
  if (m === null || decimal === null) {
    return fail(`unrecognised number "${text}"; use digits with a decimal comma or point, e.g. 85,5`);
  }
  const n = Number(`${m[1]}${decimal}`);
  return Number.isFinite(n) ? ok(n + 0) : fail(`number "${text}" is too large`);
}

/** Whole-number cell (SPEC §1.3 numbers): `2024`, `2024.0` and `2024,0` are fine; `2024.5` is not. */
export function parseInteger(raw: unknown): Parsed<number> {
  const parsed = parseNumber(raw);
  if (!parsed.ok) return parsed;
  if (!Number.isSafeInteger(parsed.value)) return fail(`expected a whole number, found ${parsed.value}`);
  return parsed;
}

/** SPEC §1.3, exact wording: shown when a spreadsheet turned a NIP into a number. */
export const NIP_AS_NUMBER_MESSAGE =
  'NIP was stored as a number by the spreadsheet and lost digits; format the column as text';

/** A NIP in scientific notation as Excel shows it: `1.98609E+17`, `1,98609E+17`. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

/** The NIP clean-up of SPEC §1.3 on text: drop a leading `'`, whitespace (incl. NBSP) and dots. */
function stripNip(text: string): string {
  return text.trim().replace(/^['\u2018\u2019`]/u, '').replace(/[\s.]+/gu, '');
}

/**
 * A cell that is already a clean NIP, 18 ASCII digits (nearly every row): what cleanNip and
 * isNipLike would find after their clean-up, found without it.
 */
function isEighteenDigits(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length === 18 && digitsAt(raw, 0, 18) >= 0;
}

/**
 * NIP cell → 18 digits as text (SPEC §1.3, Peraturan Kepala BKN 22/2007). A NIP in scientific
 * notation, or an XLSX number too large to hold 18 digits exactly (≥ 1e17 or not a safe
 * integer), lost digits and fails with NIP_AS_NUMBER_MESSAGE.
 */
export function cleanNip(raw: unknown): Parsed<string> {
  if (isEighteenDigits(raw)) return ok(raw);
  const value = cellValue(raw);
  if (typeof value === 'number') {
    // A double keeps ~15–17 significant digits: an 18-digit NIP read as a number is already damaged.
    if (!Number.isSafeInteger(value) || value >= 1e17) return fail(NIP_AS_NUMBER_MESSAGE);
    return fail(`NIP must have 18 digits, found ${String(Math.abs(value)).length}`);
  }
  const text = cleanText(value);
  if (text === null) return fail('no NIP given');
  if (SCIENTIFIC.test(text.replace(/\s+/gu, ''))) return fail(NIP_AS_NUMBER_MESSAGE);
  const nip = stripNip(text);
  if (!/^\d+$/.test(nip)) {
    return fail(`NIP may contain only digits, spaces and dots, found "${text}"`);
  }
  if (nip.length !== 18) return fail(`NIP must have 18 digits, found ${nip.length}`);
  return ok(nip);
}

/**
 * SPEC §1.1 footer detection: after the NIP clean-up the cell is all digits (any length) or a
 * number in scientific notation; an XLSX number always counts.
 */
export function isNipLike(raw: unknown): boolean {
  if (isEighteenDigits(raw)) return true;
  const value = cellValue(raw);
  if (typeof value === 'number') return Number.isFinite(value);
  const text = cleanText(value);
  if (text === null) return false;
  if (SCIENTIFIC.test(text.replace(/\s+/gu, ''))) return true;
  return /^\d+$/.test(stripNip(text));
}

// calibration (SPEC §10): the appraiser's NIP.
/**
 * `nip_penilai` (SPEC §10): cleaned as a NIP (§1.3) when that gives 18 digits; otherwise kept as
 * given, with a warning, because an appraiser may be outside the database (a bupati, a TNI/Polri
 * officer with an NRP, a NIP typed short). Never a reason to reject the appraisal row.
 */
export function cleanAppraiserNip(raw: unknown): Parsed<string> {
  const cleaned = cleanNip(raw);
  if (cleaned.ok) return cleaned;
  const value = cellValue(raw);
  const text = typeof value === 'number' ? String(value) : cleanText(value);
  if (text === null) return fail('no NIP given');
  return ok(text, `NIP PENILAI "${text}" is not an 18-digit NIP (${cleaned.reason}); kept as given and marked in asn calibrate`);
}
