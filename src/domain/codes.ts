/**
 * Coded values written with digits (SPEC §1.7 "Coded values accept only their listed forms"):
 * SIASN rating codes 1/2/3, jenis kelamin 1/2, golongan and eselon ids. A code is its digits and
 * nothing else — a spreadsheet's "1.0" is still the number 1 — so "-1", "+3" or "(2)" are not
 * codes: read loosely, "-1" became 1 (Sangat Baik) instead of being rejected.
 */

/** A sign before a digit: never part of a code. */
const SIGNED = /^[-+\u2212]\s*\d/;

/**
 * The digits of a numeric code ("1", "1.0" → "1"); null when the text is digits dressed with
 * signs or marks ("-1", "(1)", "1-"); undefined when it is not written with digits alone
 * (words such as "Di Atas", "III/a"), which the caller reads by its own rules.
 */
export function numericCode(raw: string): string | null | undefined {
  const text = raw.trim();
  if (SIGNED.test(text)) return null;
  if (!/\d/.test(text) || /\p{L}/u.test(text)) return undefined;
  const m = /^(\d+)(?:[.,]0+)?$/.exec(text);
  return m?.[1] ?? null;
}

/** The reason given for a signed or decorated number where a code belongs. */
export function notACodeReason(raw: string, what: string, listed: string): string {
  return `"${raw.trim()}" is not valid as a ${what} code: a code is written exactly as listed (${listed}), without sign or marks`;
}
