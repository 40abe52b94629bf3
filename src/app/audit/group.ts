/**
 * One scope group of the promotion audit read from the database (SPEC §5.2): the people of a
 * unit or an instansi — or everyone, for `--scope all` — plus the promoted employees of the
 * group's events who sit elsewhere, with the appraisal years those events need. An audit holds
 * one group at a time, so its memory follows the largest group, not the population.
 */
import { jabatanLevel } from '../../domain/jabatan-level.js';
import {
  EDUCATION_CODES, PREDIKAT_CODES, type Appraisal, type Employee, type Hukdis, type JenisPegawai, type Promotion,
} from '../../domain/types.js';
import type { PoolOptions } from '../../domain/audit.js';
import type { MeritModel } from '../../domain/model.js';
import type { Db } from '../../db/open.js';
import {
  maxEmployeeRowid, type AppraisalYears, type AuditAppraisalTuple, type AuditEmployeeTuple, type AuditPersonRows, type PeopleReader,
} from '../../db/queries/audit-inputs.js';
import { buildGroup, type Group } from './population.js';
import type { PersonHistory } from '../history/state.js';

const JENIS: readonly JenisPegawai[] = ['PNS', 'CPNS', 'PPPK'];
const HUKDIS: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];

/** Employees read per slice with `--scope all`: enough to amortise a statement, few enough to hold. */
const ROWID_SLICE = 50_000;

/**
 * The entry of `allowed` equal to `value`, else null: a code outside the known ones can only
 * come from a hand-edited file and is read as missing; the list's own string is shared.
 */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value === null ? null : (allowed.find((a) => a === value) ?? null);
}

/**
 * The Employee of a stored row. With `levels` (a `--model` with its own level table) the level
 * is derived again from the stored post (SPEC §1.5); otherwise the stored level is used.
 */
export function employeeOfRow(row: AuditEmployeeTuple, levels: MeritModel['levels'] | null): Employee {
  const [, nip, nama, jenis, golonganCode, tmtGolongan, tmtCpns, level, pendidikan, tahunLulus, tglLahir, unit, instansi, eselon, jabatan, jenisJabatan] = row;
  return {
    nip, nama, jenisPegawai: oneOf(jenis, JENIS), golonganCode, tmtGolongan, tmtCpns,
    level: levels === null ? level : jabatanLevel({ eselon, jabatan, jenisJabatan }, levels).level,
    pendidikan: oneOf(pendidikan, EDUCATION_CODES), tahunLulus, tglLahir, unit, instansi,
  };
}

/**
 * The Appraisal of a stored row with what the audit uses: merit as a number (SPEC §3) and strict
 * eligibility (§5.2). The predikat source and potensi are not read (no audit figure uses them).
 */
export function appraisalOfRow(nip: string, row: AuditAppraisalTuple): Appraisal {
  const [, tahun, predikat, jpm, jp, hukuman] = row;
  return {
    nip, tahun, predikat: oneOf(predikat, PREDIKAT_CODES), predikatSource: null, jpm,
    potensiWord: null, potensiScore: null, jp, hukumanDisiplin: oneOf(hukuman, HUKDIS),
  };
}

/** What to load for one group. */
export interface GroupRequest {
  scope: PoolOptions['scope'];
  /** The unit or instansi; null: nobody is in scope. Not read for `all`. */
  key: string | null;
  /** The promoted employees of the group's events, also when they are outside the scope. */
  nips: Iterable<string>;
  years: AppraisalYears;
  /**
   * The levels before of the group's events: people in scope who can hold none of them at any
   * date are not read (they are in no pool, SPEC §5.2). Null reads everyone in scope.
   */
  levels: readonly number[] | null;
}

/** How a group is read: the database, a reader with prepared statements, the model. */
export interface GroupSource {
  db: Db;
  read: PeopleReader;
  model: MeritModel;
  /** The model's level table when it differs from the built-in one, else null. */
  levels: MeritModel['levels'] | null;
  /** A person's promotions in date order, by employee rowid. */
  promotionsOf: (rowid: number) => readonly Promotion[];
  /** A person's snapshots and riwayat (SPEC §9), when their state changed at some date. */
  historyOf: (nip: string) => PersonHistory | null;
  /** The snapshot date of a promoted person's current row (their post timeline, SPEC §9). */
  asOfOf: (nip: string) => string | null;
  /** The spelling a unit is shown under, and every stored spelling of a unit (SPEC §1.3). */
  unitOf: (unit: string | null) => string | null;
  spellingsOf: (unit: string) => string[];
}

/** The stored rows of one group, people in scope first, each NIP once. */
function* groupRows(source: GroupSource, request: GroupRequest): Generator<AuditPersonRows> {
  const seen = new Set<string>();
  if (request.scope === 'all') {
    const last = maxEmployeeRowid(source.db);
    for (let after = 0; after < last; after += ROWID_SLICE) {
      for (const rows of source.read({ by: 'rowids', after, upTo: after + ROWID_SLICE, levels: request.levels }, request.years)) {
        seen.add(rows.employee[1]);
        yield rows;
      }
    }
  } else if (request.key !== null) {
    // A unit is read under each of its stored spellings (SPEC §1.3).
    const values = request.scope === 'unit' ? source.spellingsOf(request.key) : [request.key];
    for (const value of values.length > 0 ? values : [request.key]) {
      for (const rows of source.read({ by: request.scope, value, levels: request.levels }, request.years)) {
        if (seen.has(rows.employee[1])) continue;
        seen.add(rows.employee[1]);
        yield rows;
      }
    }
  }
  // The others (promoted elsewhere, people who were in the scope at some date) in one read,
  // listed in the request's order, each NIP once: one statement, not one per NIP.
  const others: string[] = [];
  for (const nip of request.nips) {
    if (seen.has(nip)) continue;
    seen.add(nip);
    others.push(nip);
  }
  if (others.length === 0) return;
  const byNip = new Map<string, AuditPersonRows>();
  for (const rows of source.read({ by: 'nips', values: others }, request.years)) byNip.set(rows.employee[1], rows);
  for (const nip of others) {
    const rows = byNip.get(nip);
    if (rows !== undefined) yield rows;
  }
}

/** Reads and builds one group (SPEC §5.1 levels before, §5.2 scope look-ups). */
export function loadGroup(source: GroupSource, request: GroupRequest): Group {
  const people = (function* () {
    for (const rows of groupRows(source, request)) {
      const employee = employeeOfRow(rows.employee, source.levels);
      employee.unit = source.unitOf(employee.unit);
      const appraisals = rows.appraisals.map((row) => appraisalOfRow(employee.nip, row));
      yield { employee, appraisals, promotions: source.promotionsOf(rows.employee[0]), history: source.historyOf(employee.nip), asOf: source.asOfOf(employee.nip) };
    }
  })();
  return buildGroup(people, source.model);
}
