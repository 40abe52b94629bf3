/**
 * The possible pool members of one scope group at one date (SPEC §5.2), made once and shared by
 * the group's events on that date: promotions take effect on few dates (the first of a month),
 * so in a unit or an instansi many events share D, and with it everyone's level at D, DUK key at
 * D (§5.4) and merit of year(D) − 1 (§5.3). Events are audited in date order, so only the
 * current date is kept.
 */
import type { Candidate } from '../../domain/audit.js';
import { compareDuk, jenisGroup } from '../../domain/duk.js';
import type { JenisGroup } from '../../domain/types.js';
import { candidateAt, mayJoinPool, memberLevelAt, type Person } from './population.js';

export interface PoolCandidates {
  /**
   * The people of the scope who meet every pool criterion of SPEC §5.2 at `date` for a
   * promoted person of `level` before and jenis group `group`, with merit of year(D) − 1, in DUK
   * order at D. Shared between events: read, never change.
   */
  at(date: string, level: number, group: JenisGroup | null): readonly Candidate[];
}

/**
 * `membersAt(level)`: the people of the scope who may be at `level` (see `mayBeAtLevel`);
 * `meritOf`: the merit cache of the audit.
 */
export function poolCandidates(
  membersAt: (level: number) => readonly Person[],
  meritOf: (person: Person, year: number) => number | null,
  strict: boolean,
): PoolCandidates {
  let current: string | null = null;
  let byLevel = new Map<number, Map<JenisGroup, Candidate[]>>();
  return {
    at(date, level, group) {
      if (date !== current) {
        current = date;
        byLevel = new Map();
      }
      let byGroup = byLevel.get(level);
      if (byGroup === undefined) {
        byGroup = new Map();
        const meritYear = Number(date.slice(0, 4)) - 1;
        for (const member of membersAt(level)) {
          const levelAtD = memberLevelAt(member, date);
          const own = jenisGroup(member.employee.jenisPegawai);
          if (levelAtD !== level || own === null || !mayJoinPool(member, levelAtD, own, date, strict)) continue;
          const candidate = candidateAt(member, date, levelAtD);
          candidate.merit = meritOf(member, meritYear);
          const list = byGroup.get(own);
          if (list === undefined) byGroup.set(own, [candidate]);
          else list.push(candidate);
        }
        for (const list of byGroup.values()) list.sort((a, b) => compareDuk(a.duk, b.duk));
        byLevel.set(level, byGroup);
      }
      return group === null ? [] : (byGroup.get(group) ?? []);
    },
  };
}
