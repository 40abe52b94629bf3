/**
 * The appraiser columns of SPEC §1.2 (`nip_penilai`, `nama_penilai`, incl. the SIASN kinerja
 * export's NIPPEJABATPENILAI and the API's camelCase) and the appraiser NIP rule of SPEC §10:
 * cleaned as a NIP (§1.3), kept as given when not then 18 digits.
 */
import { describe, expect, it } from 'vitest';
import { buildAliasMap, fieldOfHeader, normaliseHeader } from '../../src/io/headers.js';
import { cleanAppraiserNip } from '../../src/io/values.js';

describe('appraiser header aliases', () => {
  const aliases = buildAliasMap();
  it.each([
    ['NIP PENILAI', 'nip_penilai'], ['NIP_PEJABAT_PENILAI', 'nip_penilai'], ['NIPPEJABATPENILAI', 'nip_penilai'],
    ['nipNrpPenilai', 'nip_penilai'], ['PENILAI_NIP_NRP', 'nip_penilai'], ['NIP Atasan Langsung', 'nip_penilai'],
    ['NAMA PENILAI', 'nama_penilai'], ['NAMAPEJABATPENILAI', 'nama_penilai'], ['namaPenilai', 'nama_penilai'],
    ['Penilai Nama', 'nama_penilai'], ['NAMA_PEJABAT_PENILAI', 'nama_penilai'],
    ['NIP', 'nip'], ['NAMA', 'nama'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(aliases, normaliseHeader(header))).toBe(field);
  });
});

describe('cleanAppraiserNip', () => {
  it.each([
    ['197203151998031002', '197203151998031002', false],
    ["'19720315 199803 1 002", '197203151998031002', false],
    ['19720315.199803.1.002', '197203151998031002', false],
    // not 18 digits: kept as given (trimmed), with a warning
    ['19690718 199203 1 00', '19690718 199203 1 00', true],
    ['NRP 85061234', 'NRP 85061234', true],
    ['  1.97203E+17 ', '1.97203E+17', true],
  ])('%j → %j (warning: %s)', (raw, value, warned) => {
    const r = cleanAppraiserNip(raw);
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.warning !== undefined).toBe(warned);
  });

  it('an empty cell is no value', () => {
    expect(cleanAppraiserNip('').ok).toBe(false);
  });
});
