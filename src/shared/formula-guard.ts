/** Characters that make Excel/LibreOffice/Sheets read a cell as a formula (SPEC §7). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes `'` to a cell that a spreadsheet would run as a formula (SPEC §7: any cell starting
 * with `=`, `+`, `-`, `@`, TAB or CR; OWASP "CSV injection").
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
