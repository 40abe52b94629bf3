/**
 * Who `asn calibrate` counts (SPEC §10): the employees in service at T (31 December of Y) with a
 * predikat in Y, PNS and PPPK together, each in their unit and instansi at T (SPEC §9).
 *
 * The one place that chooses them. The population is a temporary view over every employee
 * whose current row is in service at T; only the people whose state at T may differ from their
 * current row (a timeline entry after T, a status other than active, appointed after T —
 * `differencesAt` of the history module, or the report's one read of it) are written, and stand
 * in the view in their state at T.
 */
import type { Db } from '../../db/open.js';
import { fillPopulationInService, type PopulationSource } from '../../db/queries/calibration.js';
import { differencesAt } from '../history/state.js';

/** The people whose state at T may differ from their current row (`differencesAt`): who, and their unit and instansi at T. */
export type PopulationDifferences = ReadonlyArray<{ current: { nip: string }; atD: { unit: string | null; instansi: string | null } | null }>;

export function calibrationPopulation(db: Db, referenceDate: string, differences: PopulationDifferences = differencesAt(db, referenceDate)): PopulationSource {
  const differing = differences.map(({ current, atD }) =>
    [current.nip, atD === null ? null : { unit: atD.unit, instansi: atD.instansi }] as const);
  // Nobody differs at T (one snapshot, nobody appointed after T): the current rows are the state at T.
  if (differing.length === 0) return 'employees';
  return fillPopulationInService(db, referenceDate, differing);
}
