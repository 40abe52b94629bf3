/**
 * Schema version 2: an index on employees(instansi), next to the one on unit. `asn audit
 * --scope instansi` (SPEC §5.2) reads the people of one instansi at a time, so that its memory
 * is bounded by the largest instansi rather than the whole population (STYLE "Stream, don't
 * slurp"); without the index every instansi would be a scan of the whole table.
 */
export const version = 2;
export const name = 'employees-instansi-index';

export const sql = `
CREATE INDEX employees_instansi ON employees(instansi);
`;
