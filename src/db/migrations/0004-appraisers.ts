/**
 * Schema version 4: who appraised (SPEC §10, §1.2 `nip_penilai` / `nama_penilai`). Two columns
 * on the appraisals table and an index by year and appraiser, so `asn calibrate` counts each
 * appraiser's predikat with one GROUP BY instead of reading rows. The NIP is stored cleaned as in
 * SPEC §1.3 when it then has 18 digits, else as given (appraisers may be outside the database).
 * Only adds to the appraisals table, so it applies on top of any version 3.
 */
export const version = 4;
export const name = 'appraisers';

export const sql = `
ALTER TABLE appraisals ADD COLUMN nip_penilai TEXT;
ALTER TABLE appraisals ADD COLUMN nama_penilai TEXT;
CREATE INDEX appraisals_tahun_penilai ON appraisals(tahun, nip_penilai);
`;
