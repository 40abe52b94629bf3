/**
 * The calibration verdict the public report shows (SPEC §12, from §10): the distribution-pattern
 * verdict of each unit in year Y (`sesuai`, `tidak sesuai`, `too-small`), keyed by unit name as
 * `asn calibrate --table distribution` reports it at its defaults; the overall row (key null)
 * takes the instansi's verdict when the database holds one instansi. Null when year Y has no
 * predikat to calibrate: the public report then leaves its `calibration` column out.
 */
import { AsnError } from '../../shared/errors.js';
import { calibrate } from '../calibrate/calibrate.js';

/** Default min-n of SPEC §10. */
const MIN_N = 5;

export function calibrationVerdicts(dbPath: string, year: number | null, differences?: Parameters<typeof calibrate>[1]): ReadonlyMap<string | null, string> | null {
  if (year === null) return null;
  let distribution;
  try {
    distribution = calibrate({ db: dbPath, year, minN: MIN_N }, differences).distribution;
  } catch (error) {
    if (error instanceof AsnError && error.exitCode === 2) return null; // no predikat in Y
    throw error;
  }
  const verdicts = new Map<string | null, string>();
  for (const row of distribution) if (row.scope === 'unit' && row.name !== null) verdicts.set(row.name, row.verdict);
  const instansi = distribution.filter((row) => row.scope === 'instansi');
  if (instansi.length === 1) verdicts.set(null, instansi[0]!.verdict);
  return verdicts;
}
