/**
 * Personal coded values of SPEC §1.3: jenis_kelamin (sex) and jenis_pegawai (employee kind).
 */
import { fail, ok, type JenisKelamin, type JenisPegawai, type Parsed } from './types.js';
import { notACodeReason, numericCode } from './codes.js';

/** Upper-case; `-`, `_` and whitespace runs become one space ("Laki-laki" → "LAKI LAKI"). */
function normalise(raw: string): string {
  return raw.replace(/[\s_-]+/gu, ' ').trim().toUpperCase();
}

const JENIS_KELAMIN: Readonly<Record<string, JenisKelamin>> = {
  L: 'L', 'LAKI LAKI': 'L', LAKI: 'L', M: 'L', PRIA: 'L', MALE: 'L', '1': 'L',
  P: 'P', PEREMPUAN: 'P', F: 'P', WANITA: 'P', FEMALE: 'P', '2': 'P',
};

/**
 * jenis_kelamin (SPEC §1.3): L, LAKI-LAKI, M, PRIA, 1 → L; P, PEREMPUAN, F, WANITA, 2 → P.
 * 1/2 follow SIASN's JENIS KELAMIN codes and NIP digit 15.
 */
export function parseJenisKelamin(raw: string): Parsed<JenisKelamin> {
  if (numericCode(raw) === null) return fail(notACodeReason(raw, 'jenis_kelamin', 'L, P, or SIASN 1, 2'));
  const value = JENIS_KELAMIN[normalise(raw)];
  return value === undefined ? fail(`unrecognised jenis_kelamin "${raw.trim()}"; use L or P`) : ok(value);
}

const JENIS_PEGAWAI: Readonly<Record<string, JenisPegawai>> = {
  PNS: 'PNS',
  // `P` / `C` are the SIASN "STATUS CPNS PNS" codes.
  P: 'PNS',
  'PEGAWAI NEGERI SIPIL': 'PNS',
  CPNS: 'CPNS',
  C: 'CPNS',
  'CALON PEGAWAI NEGERI SIPIL': 'CPNS',
  PPPK: 'PPPK',
  P3K: 'PPPK',
  'PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA': 'PPPK',
};

/**
 * jenis_pegawai (SPEC §1.3): PNS, CPNS (`C`), PPPK (`P3K`, `PPPK PARUH WAKTU`, the full name
 * "Pegawai Pemerintah dengan Perjanjian Kerja"); `P` from SIASN STATUS CPNS PNS means PNS.
 * SIASN JENIS PEGAWAI NAMA qualifies the kind ("PNS Pusat", "CPNS Daerah", "PNS PUSAT DPK",
 * "PPPK Paruh Waktu"): the first word decides.
 */
export function parseJenisPegawai(raw: string): Parsed<JenisPegawai> {
  const text = normalise(raw.replace(/\./g, ''));
  const exact = JENIS_PEGAWAI[text];
  if (exact !== undefined) return ok(exact);
  const first = text.split(' ')[0] ?? '';
  const byFirstWord = first === 'P' || first === 'C' ? undefined : JENIS_PEGAWAI[first];
  if (byFirstWord !== undefined) return ok(byFirstWord);
  for (const [name, kind] of Object.entries(JENIS_PEGAWAI)) {
    // Full names with a qualifier: "Pegawai Negeri Sipil Daerah", "Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu".
    if (name.includes(' ') && text.startsWith(`${name} `)) return ok(kind);
  }
  return fail(`unrecognised jenis_pegawai "${raw.trim()}"; use PNS, CPNS or PPPK`);
}
