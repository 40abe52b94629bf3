/**
 * The snapshot date in the title rows above the header (SPEC §9): the date after KEADAAN, PER,
 * PER TANGGAL, POSISI or KONDISI, as in "DAFTAR URUT KEPANGKATAN … KEADAAN 31 DESEMBER 2024" or
 * "Data pegawai per tanggal 31-12-2024". Dates in the forms of SPEC §1.3.
 */
import { parseDate } from './values.js';

const MARKER = /\b(?:KEADAAN|PER\s+TANGGAL|PER|POSISI|KONDISI)\b\s*(?:TANGGAL\b)?\s*[:.,]?\s*/giu;
/** A date after the marker: `31 Desember 2024`, `31-12-2024`, `31/12/2024`, `2024-12-31`. */
const DATE = /^(\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})/u;

/** The first date found after a marker in the cells of the title rows, or null. */
export function titleDate(rows: ReadonlyArray<readonly unknown[]>): string | null {
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const text = cell.normalize('NFC');
      MARKER.lastIndex = 0;
      for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
        const rest = text.slice(m.index + m[0].length);
        const found = DATE.exec(rest);
        if (found === null) continue;
        const parsed = parseDate(found[1]!.replace(/\.(?=\s)/, ''));
        if (parsed.ok) return parsed.value;
      }
    }
  }
  return null;
}
