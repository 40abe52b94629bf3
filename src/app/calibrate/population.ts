/**
 * Who `asn calibrate` counts (SPEC §10): the employees in service at T (31 December of Y) with a
 * predikat in Y, PNS and PPPK together, each in their unit and instansi at T.
 *
 * The one place that chooses them. Until the dated history of SPEC §9 ("in service at T", the
 * unit at T) is available this is every stored employee in their current unit; to follow §9,
 * fill the temporary population table with the state at T instead:
 * `return fillPopulationTable(db, peopleInServiceAt(db, referenceDate))`.
 */
import type { Db } from '../../db/open.js';
import type { PopulationSource } from '../../db/queries/calibration.js';

export function calibrationPopulation(_db: Db, _referenceDate: string): PopulationSource {
  return 'employees';
}
