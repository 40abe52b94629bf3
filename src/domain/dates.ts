/**
 * Calendar helpers for the date rules of SPEC §1.3 (proleptic Gregorian calendar).
 * Pure: no clock; `Date.UTC` is used only as calendar arithmetic.
 */

const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Gregorian leap year: every 4th year, except centuries not divisible by 400. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`; 0 when the month does not exist. */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return 0;
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * True when y-m-d exists in the Gregorian calendar (SPEC §1.3: an impossible date is an
 * error, never rolled over). Years are limited to 1–9999 so that `toIso` stays 4 digits.
 */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(d) || y < 1 || y > 9999) return false;
  return d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Why y-m-d is not a real date, as a short phrase for the analyst (e.g. "February has 28 or
 * 29 days"); null when the date is real.
 */
export function impossibleDateReason(y: number, m: number, d: number): string | null {
  if (isRealDate(y, m, d)) return null;
  if (!Number.isInteger(y) || y < 1 || y > 9999) return `year ${y} is out of range`;
  if (!Number.isInteger(m) || m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return `there is no day ${d}`;
  const name = MONTH_NAMES_EN[m - 1] ?? String(m);
  if (m === 2) {
    // Day 29 fails only in a common year: say so, it is the usual mistake.
    return d === 29 ? `${y} is not a leap year, February has 28 days` : 'February has 28 or 29 days';
  }
  return `${name} has ${daysInMonth(y, m)} days`;
}

/** Formats a date as `YYYY-MM-DD`, the storage form of SPEC §1.3. */
export function toIso(y: number, m: number, d: number): string {
  // The usual case (a four-digit year, whole month and day 1–99) without three padStarts.
  if (y >= 1000 && y <= 9999 && m >= 1 && m <= 99 && d >= 1 && d <= 99 && Number.isInteger(m) && Number.isInteger(d) && Number.isInteger(y)) {
    return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Serial 60 is 29 February 1900, a day that never existed (the Lotus 1-2-3 bug Excel kept). */
const EXCEL_FAKE_LEAP_DAY = 60;
/** Serial of 9999-12-31, the last date Excel can show. */
const EXCEL_MAX_SERIAL = 2_958_465;
const MS_PER_DAY = 86_400_000;

/**
 * Converts an Excel 1900-date-system serial to `YYYY-MM-DD` (SPEC §1.3): serial 1 is
 * 1900-01-01, 45292 is 2024-01-01. The fractional part is the time of day and is dropped.
 * Excel counts a fake 29 February 1900 (serial 60), so serials from 61 on are one day
 * "ahead"; serial 60 itself is not a real date and gives null, as do serials < 1.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > EXCEL_MAX_SERIAL || day === EXCEL_FAKE_LEAP_DAY) return null;
  // Before the fake leap day, day 0 is 1899-12-31; after it, 1899-12-30 absorbs the extra day.
  const epoch = day < EXCEL_FAKE_LEAP_DAY ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + day * MS_PER_DAY);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
