/**
 * Who is in service at a date, and a person's jenis_kelamin and birth date at a date (SPEC §9
 * "in service at D", "state at D"), for the public report, the cards and the fairness figures
 * (SPEC §12). The ONE place these selections are made: the history module (snapshots and
 * timelines, SPEC §9) replaces the bodies; the callers stay as they are.
 *
 * Until then: everyone imported is in service, in their current record (one snapshot, no
 * leavers — exactly the single-snapshot rule of SPEC §9).
 */
import type { Db } from '../../db/open.js';
import { personAttributesLookup, type PersonAttributesRow } from '../../db/queries/fairness.js';

/** Whether the person with this NIP is in service at `date` (SPEC §9). */
export type InService = (nip: string) => boolean;

export function inServiceAt(_db: Db, _date: string): InService {
  return () => true;
}

/** jenis_kelamin and tgl_lahir of a person at `date` (undefined: no such person). */
export type PersonAt = (nip: string, date: string) => PersonAttributesRow | undefined;

/** The look-up of a person's state at a date; memoised by NIP (the current record does not depend on the date). */
export function personAt(db: Db): PersonAt {
  const lookup = personAttributesLookup(db);
  const seen = new Map<string, PersonAttributesRow | undefined>();
  return (nip) => {
    if (seen.has(nip)) return seen.get(nip);
    const row = lookup(nip);
    seen.set(nip, row);
    return row;
  };
}
