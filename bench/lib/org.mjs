// The organisation the synthetic employees work in: a stream of instansi (regional governments,
// every 12th a province), each planned as 100–400 units of 20–400 people: offices (OPD) and
// their bidang, puskesmas, hospitals, kecamatan and kelurahan, schools. Only one instansi's plan
// is held at a time, so memory does not grow with the number of employees.
import {
  DIRECTIONS, KECAMATAN_PREFIX, KECAMATAN_SUFFIX, OFFICES, PLACES, REGION_STEMS,
} from './vocabulary.mjs';

/** Short names of the offices, used to tell bidang of different offices apart in UNOR NAMA. */
const ABBR = {
  'Sekretariat Daerah': 'Setda', 'Sekretariat DPRD': 'Setwan', 'Inspektorat Daerah': 'Inspektorat',
  'Badan Perencanaan Pembangunan Daerah': 'Bappeda', 'Badan Keuangan dan Aset Daerah': 'BKAD',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia': 'BKPSDM', 'Dinas Kesehatan': 'Dinkes',
  'Dinas Pendidikan dan Kebudayaan': 'Disdikbud', 'Dinas Pekerjaan Umum dan Penataan Ruang': 'DPUPR', 'Dinas Sosial': 'Dinsos',
  'Dinas Kependudukan dan Pencatatan Sipil': 'Disdukcapil', 'Dinas Pertanian dan Pangan': 'Distan', 'Dinas Perhubungan': 'Dishub',
  'Dinas Lingkungan Hidup': 'DLH', 'Dinas Komunikasi dan Informatika': 'Diskominfo', 'Satuan Polisi Pamong Praja': 'Satpol PP',
  'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu': 'DPMPTSP', 'Dinas Koperasi, Usaha Kecil dan Menengah': 'Dinkop UKM',
  'Dinas Perindustrian dan Perdagangan': 'Disperindag', 'Badan Penanggulangan Bencana Daerah': 'BPBD',
  'Dinas Pemberdayaan Masyarakat dan Desa': 'DPMD', 'Dinas Perumahan dan Kawasan Permukiman': 'Disperkim',
};
const SUBBIDANG = ['Perencanaan', 'Pembinaan', 'Pengendalian', 'Data dan Informasi', 'Evaluasi dan Pelaporan'];

/** Region k: a label that is unique for every k (stem × direction × kabupaten/kota, then numbered). */
export function regionOf(k) {
  const s = REGION_STEMS.length;
  const stem = REGION_STEMS[k % s] + DIRECTIONS[Math.floor(k / s) % DIRECTIONS.length];
  const round = Math.floor(k / (s * DIRECTIONS.length * 2));
  const label = round > 0 ? `${stem} ${round + 1}` : stem;
  const type = k % 12 === 11 ? 'provinsi' : Math.floor(k / (s * DIRECTIONS.length)) % 2 === 1 ? 'kota' : 'kabupaten';
  const prefix = type === 'provinsi' ? 'Provinsi' : type === 'kota' ? 'Kota' : 'Kabupaten';
  return { type, label, long: `${prefix} ${label}`, lokasi: `${type === 'kabupaten' ? 'KAB.' : prefix.toUpperCase()} ${label.toUpperCase()}` };
}

/** Unit size: `lo` to `hi`, skewed towards the small end (most units are small, a few large). */
function size(rng, lo, hi) {
  const f = rng.float();
  return lo + Math.floor((hi - lo + 1) * f * f);
}

function unit(name, satker, kind, family, size, posts, pelaksanaShare, pppkShare, rng) {
  return { name, id: rng.hexId(), satker, kind, family, size, posts, pelaksanaShare, pppkShare };
}

function kecamatanNames(rng, count) {
  const names = new Set();
  while (names.size < count) names.add(rng.pick(KECAMATAN_PREFIX) + rng.pick(KECAMATAN_SUFFIX));
  return [...names].map((n) => n.replace(/^(.)/, (c) => c.toUpperCase()));
}

/** Offices and their bidang (both kinds of government). */
function offices(rng, region, units, provinsi) {
  const satkers = {};
  for (const [office, family, head, eselon, bidang] of OFFICES) {
    const satker = { name: `${office} ${region.long}`, id: rng.hexId() };
    satkers[office] = satker;
    const headEselon = provinsi ? (eselon === 'II.a' ? 'I.b' : 'II.a') : eselon;
    const posts = [[head, headEselon]];
    if (!office.startsWith('Sekretariat')) posts.push([`Sekretaris ${office.replace('Inspektorat Daerah', 'Inspektorat')}`, 'III.a']);
    posts.push(['Kepala Subbagian Umum dan Kepegawaian', 'IV.a'], ['Kepala Subbagian Perencanaan dan Keuangan', 'IV.a']);
    units.push(unit(satker.name, satker, 'office', family, size(rng, 20, 100), posts, 0.55, 0.015, rng));
    for (const b of bidang) {
      const bidangHead = b.startsWith('Inspektur') ? [b, 'III.a'] : [`Kepala ${b}`, b.startsWith('Bagian') ? 'III.a' : 'III.b'];
      const sub = rng.int(0, 2);
      const bPosts = [bidangHead];
      for (let i = 0; i < sub; i++) bPosts.push([`Kepala Subbidang ${SUBBIDANG[i]}`, 'IV.a']);
      units.push(unit(`${b} ${ABBR[office]} ${region.long}`, satker, 'office', family, size(rng, 20, 50), bPosts, 0.5, 0.015, rng));
    }
  }
  return satkers;
}

/** Kabupaten and kota: puskesmas per kecamatan, one or two hospitals, kecamatan, kelurahan, SD and SMP. */
function regencyUnits(rng, region, units, satkers, target) {
  const kecamatan = kecamatanNames(rng, rng.int(10, 24));
  const dinkes = satkers['Dinas Kesehatan'];
  const disdik = satkers['Dinas Pendidikan dan Kebudayaan'];
  for (const kec of kecamatan) {
    units.push(unit(`UPTD Puskesmas ${kec} ${region.label}`, dinkes, 'health', 'health', size(rng, 30, 90),
      [[`Kepala UPTD Puskesmas ${kec}`, 'IV.a']], 0.15, 0.05, rng));
  }
  for (let h = 0, n = rng.int(1, 2); h < n; h++) {
    const name = `RSUD ${region.label}${n > 1 ? ` ${h === 0 ? 'Utara' : 'Selatan'}` : ''}`;
    const satker = { name, id: rng.hexId() };
    units.push(unit(name, satker, 'hospital', 'health', size(rng, 200, 400), [
      [`Direktur ${name.replace(/ (Utara|Selatan)$/, '')}`, 'II.b'], ['Kepala Bidang Pelayanan Medis', 'III.b'],
      ['Kepala Bidang Keperawatan', 'III.b'], ['Kepala Bagian Umum dan Keuangan', 'III.b'], ['Kepala Seksi Pelayanan Medis', 'IV.a'],
      ['Kepala Seksi Penunjang Medis', 'IV.a'], ['Kepala Seksi Asuhan Keperawatan', 'IV.a'],
    ], 0.15, 0.05, rng));
  }
  for (const kec of kecamatan) {
    const satker = { name: `Kecamatan ${kec} ${region.long}`, id: rng.hexId() };
    units.push(unit(satker.name, satker, 'kecamatan', 'general', size(rng, 20, 45), [
      [`Camat ${kec}`, 'III.a'], [`Sekretaris Kecamatan ${kec}`, 'III.b'], ['Kepala Seksi Pemerintahan', 'IV.a'],
      ['Kepala Seksi Ketenteraman dan Ketertiban Umum', 'IV.a'],
    ], 0.7, 0.015, rng));
    if (region.type === 'kota') {
      const kel = `${kec} ${rng.pick(['Baru', 'Lama', 'Indah', 'Jaya'])}`;
      units.push(unit(`Kelurahan ${kel} ${region.label}`, satker, 'kelurahan', 'general', size(rng, 20, 28),
        [[`Lurah ${kel}`, 'IV.a'], [`Sekretaris Kelurahan ${kel}`, 'IV.b']], 0.85, 0.015, rng));
    }
  }
  for (let sd = 1, smp = 1; units.length < target;) {
    if (rng.chance(0.7)) {
      units.push(unit(`SD Negeri ${sd++} ${region.label}`, disdik, 'school', 'school', size(rng, 20, 32), [], 0.12, 0.08, rng));
    } else {
      units.push(unit(`SMP Negeri ${smp++} ${region.label}`, disdik, 'school', 'school', size(rng, 30, 75), [], 0.12, 0.08, rng));
    }
  }
}

/** Provinces: hospitals, regional offices (UPT), SMA, SMK and SLB. */
function provinceUnits(rng, region, units, satkers, target) {
  const disdik = satkers['Dinas Pendidikan dan Kebudayaan'];
  for (let h = 1, n = rng.int(2, 3); h <= n; h++) {
    const name = `RSUD Provinsi ${region.label} ${['Pusat', 'Jiwa', 'Paru'][h - 1]}`;
    const satker = { name, id: rng.hexId() };
    units.push(unit(name, satker, 'hospital', 'health', size(rng, 200, 400), [
      [`Direktur ${name}`, 'II.a'], ['Kepala Bidang Pelayanan Medis', 'III.a'], ['Kepala Bidang Keperawatan', 'III.a'],
      ['Kepala Seksi Pelayanan Medis', 'IV.a'], ['Kepala Seksi Penunjang Medis', 'IV.a'],
    ], 0.15, 0.05, rng));
  }
  const bkad = satkers['Badan Keuangan dan Aset Daerah'];
  for (let u = 1, n = rng.int(10, 20); u <= n; u++) {
    units.push(unit(`UPT Pengelolaan Pendapatan Daerah Wilayah ${u} ${region.label}`, bkad, 'office', 'finance', size(rng, 20, 45),
      [[`Kepala UPT Pengelolaan Pendapatan Daerah Wilayah ${u}`, 'III.b'], ['Kepala Subbagian Tata Usaha', 'IV.a']], 0.6, 0.015, rng));
  }
  for (let sma = 1, smk = 1, slb = 1; units.length < target;) {
    const r = rng.float();
    if (r < 0.55) units.push(unit(`SMA Negeri ${sma++} ${region.label}`, disdik, 'school', 'school', size(rng, 40, 90), [], 0.12, 0.08, rng));
    else if (r < 0.92) units.push(unit(`SMK Negeri ${smk++} ${region.label}`, disdik, 'school', 'school', size(rng, 40, 110), [], 0.12, 0.08, rng));
    else units.push(unit(`SLB Negeri ${slb++} ${region.label}`, disdik, 'school', 'school', size(rng, 20, 40), [], 0.12, 0.08, rng));
  }
}

/** The k-th instansi and the plan of its units (an array of at most 400 unit descriptions). */
export function planInstansi(rng, k) {
  const region = regionOf(k);
  const provinsi = region.type === 'provinsi';
  const name = `Pemerintah ${region.long}`;
  const instansi = {
    name, id: rng.hexId(), region,
    satkerIndukId: rng.hexId(),
    kpknId: rng.hexId(), kpknNama: rng.pick(PLACES),
    lokasiId: rng.hexId(), lokasiNama: region.lokasi,
    nikArea: `${rng.int(11, 94)}${rng.digits(2)}${rng.digits(2)}`,
  };
  const units = [];
  const satkers = offices(rng, region, units, provinsi);
  const target = Math.max(units.length + 20, rng.int(100, 400));
  if (provinsi) provinceUnits(rng, region, units, satkers, target);
  else regencyUnits(rng, region, units, satkers, target);
  return { instansi, units };
}
