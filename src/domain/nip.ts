/**
 * NIP (Nomor Induk Pegawai) layout, SPEC §1.3, Peraturan Kepala BKN 22/2007.
 * PNS:  YYYYMMDD (birth) · YYYYMM (TMT CPNS) · G (1 male, 2 female) · NNN (serial).
 * PPPK: YYYYMMDD (birth) · YYYY (appointment year) · 2 · C (contract count 1–9) · G · NNN.
 * No checksum exists. The NIK rule "+40 on the birth day for women" does NOT apply to NIP.
 */
import { impossibleDateReason, isRealDate, toIso } from './dates.js';
import { fail, ok, type JenisKelamin, type JenisPegawai, type Parsed } from './types.js';

/** What an 18-digit NIP says about its holder. */
export interface NipInfo {
  layout: 'PNS' | 'PPPK';
  /** `YYYY-MM-DD` from digits 1–8. */
  birthDate: string;
  /** `YYYY-MM` from digits 9–14; PNS layout only. */
  tmtCpnsMonth: string | null;
  /** Digits 9–12; PPPK layout only. */
  appointmentYear: number | null;
  /** Digit 14 (1–9); PPPK layout only. */
  contractCount: number | null;
  /** Digit 15: 1 = L (laki-laki, male), 2 = P (perempuan, female). */
  gender: JenisKelamin;
  /** Digits 16–18, never 000. */
  serial: string;
}

/** One problem found in one part of the NIP; `pppkMonth` marks "digits 13–14 are 21–29". */
interface Problem {
  reason: string;
  pppkMonth?: boolean;
}

/** Digits 1–8 are the birth date `YYYYMMDD` and must be a real date (both layouts). */
function checkBirth(nip: string): Problem[] {
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const why = impossibleDateReason(y, m, d);
  return why === null ? [] : [{ reason: `NIP digits 1–8 (birth date ${nip.slice(0, 8)}) are not a real date: ${why}` }];
}

/** Digit 15 is the gender: 1 male, 2 female (both layouts). */
function checkGender(nip: string): Problem[] {
  const g = nip[14];
  return g === '1' || g === '2' ? [] : [{ reason: `NIP digit 15 (gender) is ${g}; it must be 1 (male) or 2 (female)` }];
}

/**
 * Digits 16–18 are the serial, never 000. A spreadsheet that kept only 15 significant
 * digits turns the last three into 000, so the message says what probably happened.
 */
function checkSerial(nip: string): Problem[] {
  if (nip.slice(15) !== '000') return [];
  return [{ reason: 'NIP digits 16–18 (serial) are 000; if the spreadsheet stored the NIP as a number it lost its last digits — format the column as text' }];
}

/** PNS layout: digits 9–14 are TMT CPNS `YYYYMM` with month 01–12. */
function checkTmtCpns(nip: string): Problem[] {
  const month = Number(nip.slice(12, 14));
  if (month >= 1 && month <= 12) return [];
  return [{
    reason: `NIP digits 9–14 (TMT CPNS ${nip.slice(8, 14)}) are not a year and month: there is no month ${nip.slice(12, 14)}`,
    pppkMonth: month >= 21 && month <= 29,
  }];
}

/** PPPK layout: digit 13 is 2 and digit 14 is the contract count 1–9. */
function checkPppkMarker(nip: string): Problem[] {
  const problems: Problem[] = [];
  if (nip[12] !== '2') {
    problems.push({ reason: `NIP digit 13 is ${nip[12]}, but a PPPK NIP (NI PPPK) has 2 there; check jenis_pegawai` });
  }
  if (nip[13] === '0') problems.push({ reason: 'NIP digit 14 (PPPK contract count) is 0; it must be 1–9' });
  return problems;
}

function joinReasons(problems: Problem[]): string {
  return problems.map((p) => p.reason).join('; ');
}

function pnsInfo(nip: string, gender: JenisKelamin): NipInfo {
  return {
    layout: 'PNS',
    birthDate: toIso(Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))),
    tmtCpnsMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    appointmentYear: null,
    contractCount: null,
    gender,
    serial: nip.slice(15),
  };
}

function pppkInfo(nip: string, gender: JenisKelamin): NipInfo {
  // A literal with pnsInfo's key order, not a spread of it (V8 gives spreads slow shapes).
  return {
    layout: 'PPPK',
    birthDate: toIso(Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))),
    tmtCpnsMonth: null,
    appointmentYear: Number(nip.slice(8, 12)),
    contractCount: Number(nip[13]),
    gender,
    serial: nip.slice(15),
  };
}

/** digits nip[from..to) as a number; the caller has checked they are digits. */
function digits(nip: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + nip.charCodeAt(i) - 48;
  return n;
}

/**
 * The common case without building problem lists: a NIP that passes every check of its layout
 * (PNS, or PPPK when `pppk`) gives its info here, exactly as decodeNip's checks below would;
 * anything else gives null and goes through those checks for the reasons and the warning.
 */
function validNip(nip: string, pppk: boolean): NipInfo | null {
  if (nip.length !== 18) return null;
  for (let i = 0; i < 18; i++) {
    const c = nip.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const y = digits(nip, 0, 4);
  const m = digits(nip, 4, 6);
  const d = digits(nip, 6, 8);
  const g = nip[14];
  if (!isRealDate(y, m, d) || (g !== '1' && g !== '2') || nip.endsWith('000')) return null;
  const gender: JenisKelamin = g === '2' ? 'P' : 'L';
  if (pppk) {
    if (nip[12] !== '2' || nip[13] === '0') return null;
    return pppkInfo(nip, gender);
  }
  const month = digits(nip, 12, 14);
  return month >= 1 && month <= 12 ? pnsInfo(nip, gender) : null;
}

/**
 * Decodes an 18-digit NIP (SPEC §1.3). The PPPK layout is used when `jenisPegawai` is PPPK,
 * or when the PNS layout fails only because digits 13–14 form "month" 21–29 — that is the
 * PPPK marker `2` followed by a contract count. Reasons name every part that is wrong.
 */
export function decodeNip(nip: string, jenisPegawai: JenisPegawai | null): Parsed<NipInfo> {
  const valid = validNip(nip, jenisPegawai === 'PPPK');
  if (valid !== null) return ok(valid);
  if (!/^\d{18}$/.test(nip)) return fail(`NIP must have 18 digits, found "${nip}"`);
  const common = [...checkBirth(nip), ...checkGender(nip), ...checkSerial(nip)];
  const gender: JenisKelamin = nip[14] === '2' ? 'P' : 'L';

  if (jenisPegawai === 'PPPK') {
    const problems = [...common, ...checkPppkMarker(nip)];
    return problems.length > 0 ? fail(joinReasons(problems)) : ok(pppkInfo(nip, gender));
  }
  const tmt = checkTmtCpns(nip);
  const problems = [...common, ...tmt];
  if (problems.length === 0) return ok(pnsInfo(nip, gender));
  if (common.length === 0 && tmt.every((p) => p.pppkMonth === true)) {
    // A PPPK NIP on a row whose jenis_pegawai is missing or says PNS/CPNS.
    const warning = jenisPegawai === null
      ? undefined
      : `NIP has the PPPK layout (digit 13 is 2) but jenis_pegawai is ${jenisPegawai}`;
    return ok(pppkInfo(nip, gender), warning);
  }
  return fail(joinReasons(problems));
}

/**
 * Warnings (never errors, SPEC §1.3) where the NIP disagrees with the record: birth date vs
 * tgl_lahir, gender vs jenis_kelamin, and (PNS layout only) TMT CPNS month vs tmt_cpns.
 */
export function nipCrossCheck(
  info: NipInfo,
  record: { tglLahir: string | null; jenisKelamin: JenisKelamin | null; tmtCpns: string | null },
): string[] {
  const warnings: string[] = [];
  if (record.tglLahir !== null && record.tglLahir !== info.birthDate) {
    warnings.push(`NIP says born ${info.birthDate} but tgl_lahir is ${record.tglLahir}`);
  }
  if (record.jenisKelamin !== null && record.jenisKelamin !== info.gender) {
    warnings.push(`NIP says jenis_kelamin ${info.gender} (digit 15) but jenis_kelamin is ${record.jenisKelamin}`);
  }
  if (info.tmtCpnsMonth !== null && record.tmtCpns !== null && record.tmtCpns.slice(0, 7) !== info.tmtCpnsMonth) {
    warnings.push(`NIP says TMT CPNS ${info.tmtCpnsMonth} but tmt_cpns is ${record.tmtCpns}`);
  }
  return warnings;
}
