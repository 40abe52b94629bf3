/**
 * `asn audit --event NIP@DATE`: one promotion event with its whole pool, so an analyst can check
 * a flag by hand (SPEC §5): everyone in scope at P's level before, in DUK order at D, with merit,
 * merit and seniority rank, whether passed over, and — for those outside the pool — every
 * criterion they failed. Never prints.
 */
import { compareDuk } from '../../domain/duk.js';
import { golonganLabel } from '../../domain/golongan.js';
import { notYetAppointed, type Candidate } from '../../domain/audit.js';
import { openDatabase } from '../../db/open.js';
import { UsageError } from '../../shared/errors.js';
import { candidateAt, type Person } from './population.js';
import { auditOne, loadAuditContext, type AuditContext, type AuditRequest, type AuditRow, type AuditSettings, type EventAudit } from './audit.js';
import type { ModelInfo } from '../population/scoring.js';

export type EventRole = 'promoted' | 'pool' | 'excluded';

/** One person in the event's listing. */
export interface EventPerson {
  role: EventRole;
  nip: string;
  nama: string;
  golongan: string | null;
  tmtGolongan: string | null;
  tmtCpns: string | null;
  /** Level at D (SPEC §5.2); for P the level before (§5.1). */
  levelAtD: number | null;
  serviceMonths: number | null;
  /** Merit with Y = year(D) − 1, also for the excluded (what they would have brought). */
  merit: number | null;
  /** Ranks within pool ∪ {P} (SPEC §5.3–5.4); null outside it. */
  meritRank: number | null;
  seniorityRank: number | null;
  /** 1-based position of this listing in DUK order at D. */
  dukPosition: number;
  passedOver: boolean;
  /** Why not in the pool; null for P and pool members. */
  reason: string | null;
  /** Unit at D (SPEC §9) and where the unit and level at D came from: "file line N" or "assumed". */
  unitAtD: string | null;
  source: string;
}

export interface EventDetail {
  model: ModelInfo;
  settings: AuditSettings;
  levelsRederived: boolean;
  row: AuditRow;
  people: EventPerson[];
}

export interface EventRequest extends Pick<AuditRequest, 'db' | 'scope' | 'margin' | 'eligibility' | 'modelFile'> {
  nip: string;
  tmt: string;
}

/** The listing: P, the pool (unrated members as excluded, SPEC §5.3) and the excluded, in DUK order at D. */
export function eventPeople(ctx: AuditContext, audit: EventAudit): EventPerson[] {
  const { row } = audit;
  const ranked = new Map(row.ranked.map((r) => [r.nip, r]));
  const entries: Array<{ candidate: Candidate; role: EventRole; merit: number | null; reason: string | null }> = [];
  const personOf = (nip: string) => audit.people.get(nip) as Person;
  if (audit.promoted !== null) {
    entries.push({ candidate: audit.promoted, role: 'promoted', merit: audit.promoted.merit, reason: null });
  } else {
    const person = audit.people.get(row.nip);
    if (person !== undefined) {
      const c = candidateAt(person, row.tmt);
      entries.push({ candidate: c, role: 'promoted', merit: ctx.meritOf(person, row.meritYear), reason: null });
    }
  }
  for (const c of audit.pool) {
    const unrated = c.merit === null;
    const reason = unrated ? `no merit for ${row.meritYear}: no predikat in ${row.meritYear - 1} or ${row.meritYear}` : null;
    entries.push({ candidate: c, role: unrated ? 'excluded' : 'pool', merit: c.merit, reason });
  }
  for (const e of audit.excluded) {
    entries.push({ candidate: e.candidate, role: 'excluded', merit: ctx.meritOf(personOf(e.candidate.nip), row.meritYear), reason: e.reason });
  }
  entries.sort((a, b) => compareDuk(a.candidate.duk, b.candidate.duk));
  return entries.map((e, i) => {
    const employee = personOf(e.candidate.nip).employee;
    const r = ranked.get(e.candidate.nip);
    return {
      role: e.role,
      nip: employee.nip,
      nama: employee.nama,
      golongan: golonganLabel(e.candidate.duk.golonganCode, employee.jenisPegawai),
      tmtGolongan: e.candidate.duk.tmtGolongan,
      tmtCpns: employee.tmtCpns,
      levelAtD: e.candidate.levelAtD,
      // Only P can be listed with a TMT CPNS after D (a data error); months of service before it are none, not negative.
      serviceMonths: notYetAppointed(e.candidate, row.tmt) ? null : e.candidate.duk.serviceMonths,
      merit: e.merit,
      meritRank: r?.meritRank ?? null,
      seniorityRank: r?.seniorityRank ?? null,
      dukPosition: i + 1,
      passedOver: r?.passedOver ?? false,
      reason: e.reason,
      unitAtD: e.candidate.unit,
      // Without history the current record holds at every date (SPEC §9: assumed when D is before it).
      source: e.candidate.source === undefined ? 'current record' : e.candidate.source.unit,
    };
  });
}

/** `asn audit --event NIP@DATE`; an event that does not exist is a usage error naming the NIP's events. */
export function auditEventDetail(request: EventRequest): EventDetail {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = loadAuditContext(db, request.db, request.modelFile);
    const event = ctx.events.find((e) => e.nip === request.nip && e.tmt === request.tmt);
    if (event === undefined) {
      const dates = ctx.events.filter((e) => e.nip === request.nip).map((e) => `${request.nip}@${e.tmt}`);
      const hint = dates.length > 0 ? `promotions of this NIP: ${dates.join(', ')}` : 'asn audit lists every event (nip and tmt columns)';
      throw new UsageError(`no promotion of ${request.nip} on ${request.tmt}`, hint);
    }
    const audit = auditOne(ctx, event, request, true);
    return {
      model: ctx.modelInfo,
      settings: { scope: request.scope, margin: request.margin, eligibility: request.eligibility, from: null, to: null, units: [] },
      levelsRederived: ctx.levelsRederived,
      row: audit.row,
      people: eventPeople(ctx, audit),
    };
  } finally {
    db.close();
  }
}
