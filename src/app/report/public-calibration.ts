/**
 * ISSUE 14 (calibration, SPEC §10) — the place the public report takes its calibration verdict
 * from. The distribution-pattern verdict of each unit in year Y (`sesuai`, `tidak sesuai`,
 * `too-small`), keyed by unit name (null: the whole database), as `asn calibrate --table
 * distribution` reports it. Until the calibration use case exists this returns null, and the
 * public report leaves its `calibration` column out. Filling it in is one call here: the
 * public report (public.ts) shows the verdict of each published unit, none for the pooled row.
 */
import type { Db } from '../../db/open.js';

export function calibrationVerdicts(_db: Db, _year: number | null): ReadonlyMap<string | null, string> | null {
  return null;
}
