// CSV rows for one synthetic employee: the SIASN personnel row (SPEC §1.2), two appraisal rows
// (2024, 2025) and at most one promotion (2025 or 2026). About 1 row in 200 is written in a messy but valid
// way, about 1 personnel row in 2000 is truly invalid, so the import's reject path runs.
import { stableId, Weighted } from './random.mjs';
import { dmy, golLabel, iso, pad2, PPPK_ARABIC } from './person.mjs';
import { AGAMA, EDUCATION, ESELON_ID, KAWIN, MAJORS, MONTH_ABBR, PLACES, STREETS } from './vocabulary.mjs';

export const PERSONNEL_HEADER = [
  'PNS ID', 'NIP BARU', 'NIP LAMA', 'NAMA', 'GELAR DEPAN', 'GELAR BELAKANG', 'TEMPAT LAHIR ID', 'TEMPAT LAHIR NAMA',
  'TANGGAL LAHIR', 'JENIS KELAMIN', 'AGAMA ID', 'AGAMA NAMA', 'JENIS KAWIN ID', 'JENIS KAWIN NAMA', 'NIK',
  'NOMOR HP', 'EMAIL', 'EMAIL GOV', 'ALAMAT', 'NPWP NOMOR', 'BPJS', 'JENIS PEGAWAI ID', 'JENIS PEGAWAI NAMA',
  'KEDUDUKAN HUKUM ID', 'KEDUDUKAN HUKUM NAMA', 'STATUS CPNS PNS', 'KARTU ASN VIRTUAL', 'NOMOR SK CPNS',
  'TANGGAL SK CPNS', 'TMT CPNS', 'NOMOR SK PNS', 'TANGGAL SK PNS', 'TMT PNS', 'GOL AWAL ID', 'GOL AWAL NAMA',
  'GOL AKHIR ID', 'GOL AKHIR NAMA', 'TMT GOLONGAN', 'MK TAHUN', 'MK BULAN', 'JENIS JABATAN ID', 'JENIS JABATAN NAMA',
  'JABATAN ID', 'JABATAN NAMA', 'TMT JABATAN', 'TINGKAT PENDIDIKAN ID', 'TINGKAT PENDIDIKAN NAMA',
  'PENDIDIKAN ID', 'PENDIDIKAN NAMA', 'TAHUN LULUS', 'KPKN ID', 'KPKN NAMA', 'LOKASI KERJA ID', 'LOKASI KERJA NAMA',
  'UNOR ID', 'UNOR NAMA', 'INSTANSI INDUK ID', 'INSTANSI INDUK NAMA', 'INSTANSI KERJA ID',
  'INSTANSI KERJA NAMA', 'SATUAN KERJA INDUK ID', 'SATUAN KERJA INDUK NAMA', 'SATUAN KERJA KERJA ID', 'SATUAN KERJA KERJA NAMA',
  'ESELON ID', 'ESELON NAMA',
].join(',');
/**
 * The narrow personnel layout (issue 17): the 13 columns a regional export carries when it keeps
 * only what asn reads for rank and audit — no IDs, contact data, SK numbers, KPKN or satker.
 * The same employees and values as personnel.csv (the messy and invalid rows included).
 */
export const NARROW_PERSONNEL_HEADER = [
  'NIP BARU', 'NAMA', 'GELAR DEPAN', 'GELAR BELAKANG', 'TANGGAL LAHIR', 'JENIS KELAMIN', 'JENIS PEGAWAI NAMA',
  'GOL AKHIR NAMA', 'TMT GOLONGAN', 'TMT CPNS', 'JABATAN NAMA', 'TINGKAT PENDIDIKAN NAMA', 'UNOR NAMA',
].join(',');
export const APPRAISAL_HEADER = 'NIP,TAHUN,RATING HASIL KERJA,RATING PERILAKU KERJA,PREDIKAT,NILAI SKP,JPM,POTENSI,JP,HUKUMAN DISIPLIN,NIP PENILAI,NAMA PENILAI';
export const PROMOTION_HEADER = 'NIP,TMT,JABATAN ASAL,ESELON ASAL,JABATAN BARU,ESELON BARU,UNIT KERJA';

/** One personnel row in 2000 is truly invalid; one row in 200 is messy but valid. */
export const INVALID_EVERY = 2000;
export const MESSY_EVERY = 200;
const MESSY_RATE = 1 / MESSY_EVERY;
/** Chance that a promotable post was reached by a promotion in 2025 or 2026: about 3% of all employees a year. */
const PROMOTION_CHANCE = 0.13;

const JENIS_JABATAN_NAMA = { 1: 'Struktural', 2: 'Fungsional Tertentu', 4: 'Fungsional Umum' };
const AGAMA_W = new Weighted(AGAMA.map(([id, nama, w]) => [`${id},${nama}`, w]));
const KAWIN_W = new Weighted(KAWIN.map(([id, nama, w]) => [`${id},${nama}`, w]));
const HP_PREFIX = ['0811', '0812', '0813', '0821', '0822', '0852', '0853', '0857', '0858', '0877', '0878', '0895', '0896'];
/** Performance tier: steady high performers, the broad middle, a few weak ones (drives both years). */
const TIER = new Weighted([[0, 18], [1, 77], [2, 5]]);
const OUTCOME = [
  new Weighted([['SB', 60], ['B', 38], ['BP', 2]]),
  new Weighted([['SB', 8], ['B', 86], ['BP', 5], ['K', 1]]),
  new Weighted([['B', 45], ['BP', 38], ['K', 10], ['SK', 7]]),
];
const ABOVE = 'Di Atas Ekspektasi';
const MEETS = 'Sesuai Ekspektasi';
const BELOW = 'Di Bawah Ekspektasi';
const PREDIKAT_WORD = { SB: 'Sangat Baik', B: 'Baik', BP: 'Butuh Perbaikan', K: 'Kurang', SK: 'Sangat Kurang' };
const SKP_BAND = { SB: [91, 100], B: [76, 90], BP: [61, 75], K: [51, 60], SK: [30, 50] };
const NO_APPRAISER = ['', ''];
const HUKDIS = new Weighted([['Tidak Ada', 700], ['', 296], ['Ringan', 3], ['Sedang', 0.8], ['Berat', 0.2]]);

/** A name as it appears in an e-mail address (cached: names come from short fixed lists). */
const mailParts = new Map();
function mailPart(name) {
  let part = mailParts.get(name);
  if (part === undefined) mailParts.set(name, (part = name.toLowerCase().replace(/[^a-z]/g, '')));
  return part;
}

/** Quotes a cell only when it holds the delimiter (our invented text never holds quotes). */
const q = (s) => (s.includes(',') ? `"${s}"` : s);

/** The ratings pair (hasil, perilaku) that gives `code` in the matrix of SPEC §1.4. */
function ratings(rng, code) {
  switch (code) {
    case 'SB': return [ABOVE, ABOVE];
    case 'B': { const r = rng.float(); return r < 0.7 ? [MEETS, MEETS] : r < 0.9 ? [ABOVE, MEETS] : [MEETS, ABOVE]; }
    case 'BP': return [BELOW, rng.chance(0.7) ? MEETS : ABOVE];
    case 'K': return [rng.chance(0.7) ? MEETS : ABOVE, BELOW];
    default: return [BELOW, BELOW];
  }
}

export class RowWriter {
  constructor(rng, factory) {
    this.rng = rng;
    this.factory = factory;
    this.counts = { invalid: 0, messy: 0, pppk: 0, promotions: 0, appraisalMessy: 0 };
    // The appraiser (pejabat penilai, SPEC §10): the first person of each unit appraises the others;
    // a unit's first person is appraised by the first person of the satker's office, and the
    // office's own head by someone outside the data (empty). Uses no random draw, so personnel.csv
    // and promotions.csv stay byte-identical to a generator without appraisers.
    this.unitHead = null;
    this.satkerHeads = new Map();
    this.instansi = null;
  }

  /** `[nip, nama]` of the appraiser of the j-th person of `unit` (or empty strings). */
  appraiserOf(instansi, unit, j) {
    if (j > 0) return this.unitHead;
    if (instansi !== this.instansi) {
      this.instansi = instansi;
      this.satkerHeads.clear();
    }
    return unit.name === unit.satker.name ? NO_APPRAISER : this.satkerHeads.get(unit.satker) ?? NO_APPRAISER;
  }

  /** Remembers the first person of a unit as the appraiser of the rest (and of the satker). */
  noteHead(unit, j, p, nama) {
    if (j !== 0) return;
    this.unitHead = [p.nipParts.join(''), nama];
    if (unit.name === unit.satker.name) this.satkerHeads.set(unit.satker, this.unitHead);
  }

  /** Everything one employee contributes: `[personnelLine, appraisalLines, promotionLine, narrowPersonnelLine]`. */
  employee(instansi, unit, j, index) {
    const rng = this.rng;
    const f = this.factory;
    const p = f.make(unit, j);
    const promo = f.promotable(p) && rng.chance(PROMOTION_CHANCE) ? this.promotion(p) : null;
    // On a fixed schedule rather than by chance, so every size has exactly size/2000 planted rejects.
    const kind = index % INVALID_EVERY === 1237 ? 'invalid' : index % MESSY_EVERY === 97 ? 'messy' : 'clean';
    if (kind !== 'clean') this.counts[kind]++;
    if (p.pppk) this.counts.pppk++;
    const appraiser = this.appraiserOf(instansi, unit, j);
    const [personnel, narrow] = this.personnel(instansi, unit, p, promo, kind, index);
    this.noteHead(unit, j, p, this.lastNama);
    return [personnel, this.appraisals(p, appraiser), promo === null ? '' : this.promotionLine(p, promo), narrow];
  }

  promotion(p) {
    const rng = this.rng;
    // 2025 and 2026 (up to October): events of 2026 are audited against the merit of 2025 and
    // the predikat of 2024 and 2025 (SPEC §5), the two appraisal years written; those of 2025
    // find the pool short of a 2023 predikat under strict eligibility, as real data often does.
    const y = rng.chance(0.5) ? 2025 : 2026;
    const m = rng.int(1, y === 2026 ? 10 : 12);
    const d = p.jenisJabatan === '1' ? rng.int(1, 28) : 1;
    const [asal, eselonAsal] = this.factory.previousPost(p);
    this.counts.promotions++;
    return { y, m, d, asal, eselonAsal };
  }

  personnel(instansi, unit, p, promo, kind, index) {
    const rng = this.rng;
    const variant = rng.int(0, 3);
    const [nama, first, last] = this.factory.name(p);
    this.lastNama = nama;
    const edu = EDUCATION[p.edu];
    const major = rng.pick(MAJORS[p.edu]);
    const lulusY = Math.min(2023, p.edu === 'S-2' || p.edu === 'S-3' ? rng.int(p.tmtY - 2, p.tmtY + 12) : p.tmtY - rng.int(1, 3));
    const gelarBelakang = rng.pick(edu.gelar);
    const gelarDepan = p.edu === 'S-3' ? 'Dr.' : p.family === 'Dokter' ? 'dr.' : p.family === 'Dokter Gigi' ? 'drg.' : p.birthY < 1972 && p.edu === 'S-1' && rng.chance(0.3) ? 'Drs.' : '';
    const tempat = rng.pick(PLACES);
    const female = p.female;

    let nip = p.nipParts.join('');
    let birth = dmy(p.birthY, p.birthM, p.birthD);
    let golNama = p.golLabel;
    let tmtCpns = dmy(p.tmtY, p.tmtM, 1);
    const golId = p.pppk ? String(PPPK_ARABIC[p.golLabel]) : String(p.gol);
    if (kind === 'messy') {
      // Valid but untidy spellings that SPEC §1.3 and §1.5 accept.
      if (variant === 0) birth = `${p.birthD} ${MONTH_ABBR[p.birthM - 1]} ${p.birthY}`;
      else if (variant === 1) nip = p.nipParts.join(' ');
      else if (variant === 2 && !p.pppk) golNama = rng.chance(0.5) ? `${Math.floor(p.gol / 10)}${'abcde'[(p.gol % 10) - 1]}` : golNama.replace('/', '.');
      else tmtCpns = `01/${pad2(p.tmtM)}/${p.tmtY}`;
    } else if (kind === 'invalid') {
      // Truly invalid: each of these must be rejected by the import (SPEC §1.6).
      if (variant === 0) birth = `${rng.int(30, 31)}-02-${p.birthY}`;
      else if (variant === 1) nip = nip.slice(0, 17);
      else if (variant === 2) golNama = p.pppk ? 'XVIII' : 'V/a';
      else tmtCpns = `01-13-${p.tmtY}`;
    }

    const skCpnsY = p.tmtM === 1 ? p.tmtY - 1 : p.tmtY;
    const skCpnsM = p.tmtM === 1 ? 12 : p.tmtM - 1;
    const pnsY = p.tmtY + 1;
    const mkMonths = (2025 - p.tmtY) * 12 + (12 - p.tmtM);
    let tmtJab;
    if (promo) tmtJab = dmy(promo.y, promo.m, promo.d);
    else if (p.jenisJabatan === '4' && !p.pppk && p.tmtY < 2023 && rng.chance(0.5)) tmtJab = '29-12-2023';
    else { const y = rng.int(Math.max(p.tmtY, p.tmtGolY - 1), 2025); tmtJab = dmy(y, rng.int(y === p.tmtY ? p.tmtM : 1, 12), 1); }
    const pppk = p.pppk;
    const nipLama = !pppk && p.tmtY < 2002 ? `5${rng.digits(8)}` : '';
    const nik = `${instansi.nikArea}${pad2(p.birthD + (female ? 40 : 0))}${pad2(p.birthM)}${pad2(p.birthY % 100)}${rng.digits(4)}`;
    const mail = `${mailPart(first)}.${mailPart(last ?? 'asn')}${index % 997}`;
    const alamat = `Jl. ${rng.pick(STREETS)} No. ${rng.int(1, 250)}, RT ${pad2(rng.int(1, 20))}/RW ${pad2(rng.int(1, 15))}, ${instansi.region.long}`;
    const jabatanId = stableId(p.jabatan);
    const eselonId = p.eselon === '' ? '' : ESELON_ID[p.eselon];
    const satker = unit.satker;
    // The narrow row draws nothing from rng: personnel.csv stays byte-identical with or without it.
    const narrow = `${nip},${q(nama)},${gelarDepan},${q(gelarBelakang)},${birth},${female ? 'F' : 'M'},${pppk ? 'PPPK' : 'PNS Daerah'},` +
      `${golNama},${dmy(p.tmtGolY, p.tmtGolM, 1)},${tmtCpns},${q(p.jabatan)},${edu.name},${q(unit.name)}\n`;
    const wide = `${rng.hexId()},${nip},${nipLama},${q(nama)},${gelarDepan},${q(gelarBelakang)},${stableId(tempat)},${tempat},${birth},${female ? 'F' : 'M'},` +
      `${AGAMA_W.pick(rng)},${KAWIN_W.pick(rng)},${nik},${rng.pick(HP_PREFIX)}${rng.digits(8)},${mail}@example.com,${mail}@example.go.id,"${alamat}",` +
      `${rng.digits(2)}.${rng.digits(3)}.${rng.digits(3)}.${rng.digits(1)}-${rng.digits(3)}.000,000${rng.digits(8)}${rng.digits(2)},` +
      (pppk ? '71,PPPK,01,Aktif,,' : '4,PNS Daerah,01,Aktif,P,') + (rng.chance(0.8) ? 'Sudah Aktivasi,' : 'Belum Aktivasi,') +
      (pppk ? `800.1.2.2/${rng.digits(4)}/PPPK/${p.tmtY},` : `813.3/${rng.digits(4)}/BKD/${skCpnsY},`) +
      `${dmy(skCpnsY, skCpnsM, 15)},${tmtCpns},` +
      (pppk ? ',,,' : `821.13/${rng.digits(4)}/BKD/${pnsY},${dmy(pnsY, p.tmtM, 10)},${dmy(pnsY, p.tmtM, 1)},`) +
      `${p.golAwal},${pppk ? p.golLabel : golLabel(p.golAwal)},${golId},${golNama},${dmy(p.tmtGolY, p.tmtGolM, 1)},${Math.floor(mkMonths / 12)},${mkMonths % 12},` +
      `${p.jenisJabatan},${JENIS_JABATAN_NAMA[p.jenisJabatan]},${jabatanId},${q(p.jabatan)},${tmtJab},${edu.id},${edu.name},${stableId(major)},${major},${lulusY},` +
      `${instansi.kpknId},${instansi.kpknNama},${instansi.lokasiId},${instansi.lokasiNama},${unit.id},${q(unit.name)},` +
      `${instansi.id},${instansi.name},${instansi.id},${instansi.name},${instansi.satkerIndukId},${instansi.name},${satker.id},${q(satker.name)},` +
      `${eselonId},${p.eselon}\n`;
    return [wide, narrow];
  }

  appraisals(p, [nipPenilai, namaPenilai]) {
    const rng = this.rng;
    const tier = TIER.pick(rng);
    const jpmBase = Math.max(45, Math.min(99, 78 + (rng.float() + rng.float() + rng.float() - 1.5) * 18));
    const nip = p.nipParts.join('');
    let out = '';
    for (const year of [2024, 2025]) {
      const code = OUTCOME[tier].pick(rng);
      const messy = rng.chance(MESSY_RATE) ? rng.int(0, 2) : -1;
      if (messy >= 0) this.counts.appraisalMessy++;
      const shape = rng.float();
      let hasil = '', perilaku = '', predikat = '', skp = '';
      if (shape < 0.85) [hasil, perilaku] = ratings(rng, code);
      if (shape < 0.7 || (shape >= 0.85 && shape < 0.95)) predikat = PREDIKAT_WORD[code];
      if (shape >= 0.95) { const [lo, hi] = SKP_BAND[code]; skp = `${rng.int(lo, hi - 1)}.${pad2(rng.int(0, 99))}`; }
      if (messy === 2 && predikat !== '') predikat = code === 'SB' ? 'Amat Baik' : code === 'BP' ? 'Cukup' : predikat.toUpperCase();
      let jpm = '';
      if (rng.chance(year === 2025 ? 0.7 : 0.5)) {
        const v = Math.max(40, Math.min(100, jpmBase + rng.int(-2, 2)));
        jpm = rng.chance(0.4) || messy === 0 ? v.toFixed(1) : String(Math.round(v));
        if (messy === 0) jpm = `"${jpm.replace('.', ',')}"`;
      }
      const potensi = rng.chance(0.25) ? (jpmBase >= 88 ? 'TINGGI' : jpmBase >= 75 ? 'MENENGAH' : 'RENDAH') : '';
      const jp = rng.chance(0.8) ? String(rng.int(0, 24) + rng.int(0, 24) + rng.int(0, 12)) : '';
      const hukdis = tier === 2 && rng.chance(0.05) ? 'Ringan' : HUKDIS.pick(rng);
      out += `${messy === 1 ? p.nipParts.join(' ') : nip},${year},${hasil},${perilaku},${predikat},${skp},${jpm},${potensi},${jp},${hukdis},${nipPenilai},${namaPenilai}\n`;
    }
    return out;
  }

  promotionLine(p, promo) {
    const tmt = this.rng.chance(MESSY_RATE) ? dmy(promo.y, promo.m, promo.d) : iso(promo.y, promo.m, promo.d);
    return `${p.nipParts.join('')},${tmt},${q(promo.asal)},${promo.eselonAsal},${q(p.jabatan)},${p.eselon},${q(p.unit.name)}\n`;
  }
}

