/**
 * Schema version 4: who appraised (SPEC §10, §1.2 `nip_penilai` / `nama_penilai`). Two columns
 * on the appraisals table and an index by appraiser and year, so `asn calibrate` counts each
 * appraiser's predikat with one GROUP BY instead of reading rows. The NIP is stored cleaned as in
 * SPEC §1.3 when it then has 18 digits, else as given (appraisers may be outside the database).
 * The appraiser comes first in the index: an index led by `tahun` would be chosen by the
 * year-filtered scans of rank and audit, which rely on reading appraisals in storage (nip) order.
 * Only adds to the appraisals table, so it applies on top of any version 3.
 */
export const version = 4;
export const name = 'appraisers';

export const sql = `
ALTER TABLE appraisals ADD COLUMN nip_penilai TEXT;
ALTER TABLE appraisals ADD COLUMN nama_penilai TEXT;
CREATE INDEX appraisals_penilai ON appraisals(nip_penilai, tahun);
`;
