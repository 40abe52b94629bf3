/** One employee's current row as the merit tuple (for `asn history`). */
import type { Db } from '../open.js';
import type { EmployeeTuple } from './merit-inputs.js';

export function employeeRowOf(db: Db, nip: string): EmployeeTuple | undefined {
  return db.prepare(
    `SELECT nip, nama, jenis_pegawai, golongan_code, tmt_golongan, tmt_cpns, level, pendidikan, tahun_lulus, tgl_lahir, unit, instansi,
            eselon, jabatan, jenis_jabatan FROM employees WHERE nip = ?`,
  ).raw(true).get(nip) as EmployeeTuple | undefined;
}
