/**
 * `asn report --type duk` (SPEC §2, §6): the Daftar Urut Kepangkatan (PP 15/1979 seniority
 * list) of each unit at T = 31 December of Y, PNS/CPNS and PPPK listed separately. People see
 * one list per unit; csv/json/xlsx get one table per jenis group with a `unit` column.
 * Employees whose TMT CPNS (appointment) is after T were not in service at T and are left out;
 * an unknown jenis pegawai is listed with PNS/CPNS, last (the DUK comparator sorts it last).
 */
import { compareDuk, dukKeyAt, serviceMonths, type DukKey } from '../../domain/duk.js';
import { golonganLabel } from '../../domain/golongan.js';
import type { Employee } from '../../domain/types.js';
import type { MeritModel } from '../../domain/model.js';
import type { Db } from '../../db/open.js';
import type { EmployeeTuple } from '../../db/queries/merit-inputs.js';
import { iterateEmployeeRecords, type EmployeeRecordRow } from '../../db/queries/report.js';
import { employeeFromTuple } from '../population/inputs.js';
import { levelOfModel, stateAt, tmtJabatanAt } from '../history/state.js';
import { compareUnits, date, int, noteBlock, section, tableBlock, text } from './table-helpers.js';
import type { ReportCell, ReportSection, ReportTable } from './types.js';

interface Listed {
  record: EmployeeRecordRow;
  employee: Employee;
  duk: DukKey;
}

function tupleOf(r: EmployeeRecordRow): EmployeeTuple {
  return [
    r.nip, r.nama, r.jenis_pegawai, r.golongan_code, r.tmt_golongan, r.tmt_cpns, r.level, r.pendidikan, r.tahun_lulus,
    r.tgl_lahir, r.unit, r.instansi, r.eselon, r.jabatan, r.jenis_jabatan,
  ];
}

function dukTable(name: string, listed: Listed[], at: string): ReportTable {
  listed.sort((a, b) => compareUnits(a.record.unit, b.record.unit) || compareDuk(a.duk, b.duk));
  const rows: Array<Record<string, ReportCell>> = [];
  let unit: string | null | undefined;
  let position = 0;
  for (const { record: r, employee: e, duk } of listed) {
    position = r.unit === unit ? position + 1 : 1;
    unit = r.unit;
    const months = serviceMonths(e.tmtCpns, at);
    rows.push({
      unit: r.unit,
      no: position,
      nip: r.nip,
      nama: r.nama,
      jenis_pegawai: r.jenis_pegawai,
      golongan: golonganLabel(r.golongan_code, e.jenisPegawai),
      tmt_golongan: r.tmt_golongan,
      jabatan: r.jabatan,
      level: duk.level,
      tmt_jabatan: r.tmt_jabatan,
      masa_kerja_tahun: months === null ? null : Math.floor(months / 12),
      masa_kerja_bulan: months === null ? null : months % 12,
      pendidikan: r.pendidikan,
      tahun_lulus: r.tahun_lulus,
      tgl_lahir: r.tgl_lahir,
    });
  }
  return {
    name,
    groupBy: 'unit',
    columns: [
      text('unit'), int('no'), text('nip'), text('nama'), text('jenis_pegawai', 'jenis'), text('golongan'), date('tmt_golongan'),
      text('jabatan'), int('level'), date('tmt_jabatan'), int('masa_kerja_tahun'), int('masa_kerja_bulan'), text('pendidikan'),
      int('tahun_lulus'), date('tgl_lahir'),
    ],
    rows,
  };
}

/**
 * The DUK sections at `at` (T). `levels` is the model's level table when it differs from the
 * built-in one (the level is then derived again, as in `asn rank`), else null.
 */
export function dukSections(db: Db, at: string, model: MeritModel, levels: MeritModel['levels'] | null): ReportSection[] {
  const pns: Listed[] = [];
  const pppk: Listed[] = [];
  // SPEC §9: the people in service at T, with their unit, post and golongan at T.
  // With a `--model` of its own level table the levels at T are derived again from the posts of then.
  const state = stateAt(db, at, levelOfModel(levels));
  for (const stored of iterateEmployeeRecords(db)) {
    const current = employeeFromTuple(tupleOf(stored), levels);
    const h = state.changed.get(stored.nip);
    const detail = h !== undefined ? state.detailAt(current) : null;
    if (detail !== null ? !detail.inService : stored.tmt_cpns !== null && stored.tmt_cpns > at) continue;
    const employee = detail?.employee ?? current;
    // Every column at T: post (and its TMT), rank, and the personnel fields of the version in force.
    const record = detail === null || h === undefined ? stored : {
      ...stored, unit: employee.unit, instansi: employee.instansi, golongan_code: employee.golonganCode, tmt_golongan: employee.tmtGolongan,
      jabatan: detail.post?.values.jabatan ?? stored.jabatan, level: employee.level,
      tmt_jabatan: detail.post === null ? stored.tmt_jabatan : tmtJabatanAt(h, detail.post, at),
      nama: employee.nama, jenis_pegawai: employee.jenisPegawai, pendidikan: employee.pendidikan, tahun_lulus: employee.tahunLulus, tgl_lahir: employee.tglLahir,
    };
    const rank = employee.pendidikan === null ? null : model.education[employee.pendidikan].rank;
    const listed = { record, employee, duk: dukKeyAt(employee, at, rank) };
    (employee.jenisPegawai === 'PPPK' ? pppk : pns).push(listed);
  }
  return [
    section('duk-pns', [noteBlock({ id: 'duk-date', params: { date: at } }), tableBlock(dukTable('duk_pns', pns, at))]),
    section('duk-pppk', [tableBlock(dukTable('duk_pppk', pppk, at))]),
  ];
}
