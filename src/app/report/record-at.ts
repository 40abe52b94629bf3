// The record of one employee as they stood at T (SPEC §9), shared by the cards of `--all` and the
// single card of `--nip` (SPEC §12): a card for year Y shows the person at 31 December Y.
import type { Db } from '../../db/open.js';
import { versionsOf, type VersionFieldsRow } from '../../db/queries/cards.js';
import type { EmployeeRecordRow } from '../../db/queries/report.js';
import { EDUCATION_CODES, type EducationCode, type Employee, type JenisPegawai } from '../../domain/types.js';
import { timelineAt, versionAt } from '../../domain/history.js';
import { stateAt, tmtJabatanAt, type StateAtDate } from '../history/state.js';

const JENIS: ReadonlyArray<JenisPegawai> = ['PNS', 'CPNS', 'PPPK'];

/** What the merit reads of the record (SPEC §3): jenis pegawai and pendidikan; the rest for completeness. */
export function employeeOf(r: EmployeeRecordRow, level: number | null): Employee {
  return {
    nip: r.nip, nama: r.nama,
    jenisPegawai: JENIS.find((j) => j === r.jenis_pegawai) ?? null,
    golonganCode: r.golongan_code, tmtGolongan: r.tmt_golongan, tmtCpns: r.tmt_cpns, level,
    pendidikan: (EDUCATION_CODES as readonly string[]).includes(r.pendidikan ?? '') ? (r.pendidikan as EducationCode) : null,
    tahunLulus: r.tahun_lulus, tglLahir: r.tgl_lahir, unit: r.unit, instansi: r.instansi,
  };
}

/**
 * The record a card shows: the person as they stood at T (SPEC §9) — post (unit, instansi,
 * jabatan, jenis jabatan, eselon, level, TMT jabatan) and rank (golongan, TMT golongan) from
 * their timelines at T, the other fields from the personnel version in force at T — as the DUK
 * at T takes them (duk.ts). Null when the person was not in service at T. Only the people whose
 * state at T may differ from their current row (`state.changed`) are looked at; everyone else
 * is their current row.
 */
export function recordAt(record: EmployeeRecordRow, state: StateAtDate, versions: ReadonlyMap<string, VersionFieldsRow[]>, at: string): EmployeeRecordRow | null {
  const h = state.changed.get(record.nip);
  if (h === undefined) {
    if (record.tmt_cpns !== null && record.tmt_cpns > at) return null;
    // A TMT jabatan after T is not the post's of then: blank, as tmtJabatanAt gives it for the others.
    return record.tmt_jabatan !== null && record.tmt_jabatan > at ? { ...record, tmt_jabatan: null } : record;
  }
  const detail = state.detailAt(employeeOf(record, record.level));
  if (!detail.inService) return null;
  const version = versionAt((versions.get(record.nip) ?? []).map((v) => ({ asOf: v.as_of, v })), at)?.v;
  const out: EmployeeRecordRow = { ...record };
  if (version !== undefined) {
    out.nip_lama = version.nip_lama;
    out.nama = version.nama;
    out.gelar_depan = version.gelar_depan;
    out.gelar_belakang = version.gelar_belakang;
    out.tgl_lahir = version.tgl_lahir;
    out.jenis_kelamin = version.jenis_kelamin;
    out.jenis_pegawai = version.jenis_pegawai;
    out.tmt_cpns = version.tmt_cpns;
    out.pendidikan = version.pendidikan;
    out.tahun_lulus = version.tahun_lulus;
  }
  const post = detail.post;
  if (post !== null) {
    out.unit = post.values.unit;
    out.instansi = post.values.instansi;
    out.level = post.values.level;
    out.tmt_jabatan = tmtJabatanAt(h, post, at);
    // The post's own fields from the entries up to T only: the state at T fills a field its entry
    // lacks from a later entry when no earlier one has it (right for a unit), which would put the
    // eselon of a promotion after T on the card of a staff member without one.
    const upTo = h.timelines.posts.filter((e) => e.validFrom <= at);
    const own = upTo.length > 0 ? (timelineAt(upTo, at) ?? post) : post;
    out.jabatan = own.values.jabatan;
    out.jenis_jabatan = own.values.jenisJabatan;
    out.eselon = own.values.eselon;
  }
  if (detail.rank !== null) {
    out.golongan_code = detail.rank.values.golonganCode;
    out.tmt_golongan = detail.rank.values.tmtGolongan;
  }
  return out;
}

/** One person's record at T, or null when they were not in service at T (the single card, `--nip`). */
export function recordAtDate(db: Db, record: EmployeeRecordRow, at: string): EmployeeRecordRow | null {
  return recordAt(record, stateAt(db, at), versionsOf(db, [record.nip]), at);
}
