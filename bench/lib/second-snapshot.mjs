// The second snapshot of the bench data (issue 13, SPEC §9): personnel-2.csv from personnel.csv,
// as next year's SIASN download would be — 3% of the rows changed (a transfer to another unit with
// TMT JABATAN after the first snapshot), 1% absent (left) and 1% joined (new CPNS). Deterministic
// (a hash of the row number), streaming: memory does not grow with the file.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';

/** Dates of the two snapshots and of the changes between them. */
export const SNAPSHOT_1 = '2025-12-31';
export const SNAPSHOT_2 = '2026-06-30';
export const CHANGE_TMT = '2026-03-02';

/**
 * A number in [0, 1) from the row number: the same rows change on every run. A 32-bit integer
 * finaliser (murmur3's) over the row number and a salt, all in Math.imul: a multiply in doubles
 * (i × 2654435761 before `>>> 0`) keeps too few mixed low bits, and half the rows came out < 0.01.
 */
function unit(i, salt) {
  let h = (i ^ Math.imul(salt, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

export async function makeSecondSnapshot(input, output) {
  const out = createWriteStream(output, { highWaterMark: 1 << 20 });
  const counts = { rows: 0, changed: 0, left: 0, joined: 0 };
  let header = null;
  let col = {};
  // The unit block being read and the one before it: a changed row moves to the previous unit.
  let block = null;
  let previousBlock = null;
  let buffer = '';
  const seen = new Set();
  let i = 0;
  const flush = async (force) => {
    if (buffer.length < 1 << 16 && !force) return;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for await (const row of createReadStream(input).pipe(parse({ relax_column_count: true, bom: true }))) {
    if (header === null) {
      header = row;
      col = Object.fromEntries(header.map((h, k) => [h, k]));
      buffer += stringify([row]);
      continue;
    }
    i++;
    const r = unit(i, 1);
    if (r < 0.01) { counts.left++; continue; }
    const current = [row[col['UNOR ID']], row[col['UNOR NAMA']]];
    if (block === null || block[1] !== current[1]) {
      previousBlock = block;
      block = current;
    }
    if (r < 0.04 && previousBlock !== null) {
      row[col['UNOR ID']] = previousBlock[0];
      row[col['UNOR NAMA']] = previousBlock[1];
      row[col['TMT JABATAN']] = CHANGE_TMT;
      counts.changed++;
    }
    buffer += stringify([row]);
    counts.rows++;
    if (r >= 0.04 && r < 0.05) {
      // A new CPNS of March 2026 modelled on this row: NIP with TMT CPNS 2026-03 and a fresh serial.
      const nip = String(row[col['NIP BARU']]);
      let serial = 1 + (i % 997);
      let fresh = `${nip.slice(0, 8)}202603${nip[14]}${String(serial).padStart(3, '0')}`;
      while (seen.has(fresh)) fresh = `${nip.slice(0, 8)}202603${nip[14]}${String(++serial % 999 + 1).padStart(3, '0')}`;
      seen.add(fresh);
      const joined = [...row];
      joined[col['NIP BARU']] = fresh;
      joined[col['PNS ID']] = `new-${i}`;
      joined[col['NIP LAMA']] = '';
      joined[col['TMT CPNS']] = '2026-03-01';
      joined[col['JENIS PEGAWAI NAMA']] = 'CPNS';
      joined[col['STATUS CPNS PNS']] = 'C';
      buffer += stringify([joined]);
      counts.joined++;
      counts.rows++;
    }
    await flush(false);
  }
  await flush(true);
  out.end();
  await once(out, 'finish');
  return counts;
}
