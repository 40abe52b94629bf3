/**
 * Who is in service at a date, and a person's jenis_kelamin and birth date at a date (SPEC §9
 * "in service at D", "state at D"), for the public report, the cards and the fairness figures
 * (SPEC §12). The ONE place these selections are made, from the history module.
 *
 * Only the people whose state at D may differ from their current row (`differencesAt`: a
 * timeline entry after D, a status other than active, appointed after D) are read in full;
 * everyone else is in service in their current record.
 */
import type { Db } from '../../db/open.js';
import { personAttributesLookup, personVersionAttributes, type PersonAttributesRow } from '../../db/queries/fairness.js';
import { versionAt } from '../../domain/history.js';
import { differencesAt } from '../history/state.js';

/** Whether the person with this NIP is in service at `date` (SPEC §9). */
export interface InService {
  (nip: string): boolean;
  /** Whether this person's state at `date` may differ from their current record. */
  differs(nip: string): boolean;
}

export function inServiceAt(db: Db, date: string): InService {
  const out = new Set<string>();
  const differing = new Set<string>();
  for (const { current, atD } of differencesAt(db, date)) {
    differing.add(current.nip);
    if (atD === null) out.add(current.nip);
  }
  const inService = ((nip: string) => !out.has(nip)) as InService;
  inService.differs = (nip) => differing.has(nip);
  return inService;
}

/** jenis_kelamin and tgl_lahir of a person at `date` (undefined: no such person). */
export type PersonAt = (nip: string, date: string) => PersonAttributesRow | undefined;

/**
 * The look-up of a person's jenis_kelamin and tgl_lahir at a date: those of their personnel
 * version in force at the date, else of the earliest (SPEC §9 "other fields"); a person seen in
 * one state only (no versions kept) is their current record. Memoised by NIP: one read of a
 * person's versions for every date asked.
 */
export function personAt(db: Db): PersonAt {
  const lookup = personAttributesLookup(db);
  const versionsOf = personVersionAttributes(db);
  const seen = new Map<string, { current: PersonAttributesRow | undefined; versions: ReturnType<typeof versionsOf> }>();
  return (nip, date) => {
    let person = seen.get(nip);
    if (person === undefined) {
      const versions = versionsOf(nip);
      person = { current: versions.length === 0 ? lookup(nip) : undefined, versions };
      seen.set(nip, person);
    }
    const version = versionAt(person.versions, date);
    return version === null ? person.current : { jenis_kelamin: version.jenis_kelamin, tgl_lahir: version.tgl_lahir };
  };
}
