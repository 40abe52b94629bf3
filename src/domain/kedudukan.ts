/**
 * Kedudukan hukum (legal standing of a civil servant in SIASN) → the status timeline of SPEC §9
 * (SPEC §1.3): left when the text begins with PENSIUN, MENINGGAL, WAFAT, DIBERHENTIKAN, BERHENTI,
 * MENGUNDURKAN DIRI, PUNAH or KELUAR; inactive for CLTN (cuti di luar tanggungan negara),
 * PEMBERHENTIAN SEMENTARA, PENERIMA UANG TUNGGU, TUGAS BELAJAR; otherwise (AKTIF, empty) active.
 */
export type ServiceStatus = 'active' | 'inactive' | 'left';

const LEFT = ['PENSIUN', 'MENINGGAL', 'WAFAT', 'DIBERHENTIKAN', 'BERHENTI', 'MENGUNDURKAN DIRI', 'PUNAH', 'KELUAR'];
const INACTIVE = ['CLTN', 'PEMBERHENTIAN SEMENTARA', 'PENERIMA UANG TUNGGU', 'TUGAS BELAJAR'];

export function statusOfKedudukan(text: string | null): ServiceStatus {
  if (text === null) return 'active';
  const t = text.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').trim();
  if (LEFT.some((w) => t.startsWith(w))) return 'left';
  if (INACTIVE.some((w) => t.startsWith(w) || t.includes(w))) return 'inactive';
  return 'active';
}
