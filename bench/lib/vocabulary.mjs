// Word lists for the synthetic civil service: invented people, invented regions (every region
// name here is made up, so no real agency is depicted), and the posts of a regional government.

export const MALE_FIRST = [
  'Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Joko', 'Rudi', 'Slamet', 'Sutrisno', 'Wahyu', 'Yusuf',
  'Ahmad', 'Muhammad', 'Rizki', 'Dimas', 'Bambang', 'Hadi', 'Irfan', 'Teguh', 'Arif', 'Andi', 'Bayu', 'Dwi',
  'Gunawan', 'Heru', 'Imam', 'Lukman', 'Made', 'Nyoman', 'Putu', 'Ketut', 'Rahmat', 'Sigit', 'Taufik', 'Umar',
  'Yohanes', 'Stefanus', 'Ilham', 'Hasan', 'Reza', 'Doni', 'Ferry', 'Galih', 'Haris', 'Wayan', 'Benny', 'Yosef',
  'Aditya', 'Rendy', 'Anton', 'Syahrul', 'Zulkifli', 'Ikhsan', 'Nanang', 'Suparno', 'Wawan', 'Edi', 'Kurniawan',
];
export const FEMALE_FIRST = [
  'Sri', 'Siti', 'Dewi', 'Ani', 'Rina', 'Nur', 'Ratna', 'Yuni', 'Endang', 'Indah', 'Fitri', 'Ayu', 'Putri',
  'Wulan', 'Dian', 'Maria', 'Kurniasih', 'Nurul', 'Lusiana', 'Anisa', 'Ningsih', 'Sari', 'Tri', 'Yanti', 'Novi',
  'Retno', 'Kartika', 'Diah', 'Evi', 'Hartini', 'Intan', 'Laila', 'Melati', 'Nanda', 'Oktaviani', 'Puspita',
  'Rosa', 'Titin', 'Umi', 'Veronika', 'Winda', 'Yohana', 'Zahra', 'Made', 'Ni Luh', 'Komang', 'Eka', 'Erna',
  'Febri', 'Heni', 'Ida', 'Juliana', 'Lina', 'Mega', 'Nova', 'Rahma', 'Septi', 'Tuti', 'Widya',
];
export const SURNAMES = [
  'Wibowo', 'Santoso', 'Prasetyo', 'Setiawan', 'Hidayat', 'Nugroho', 'Saputra', 'Wijaya', 'Kusuma', 'Pratama',
  'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutapea', 'Ginting', 'Tarigan',
  'Sembiring', 'Manurung', 'Rahman', 'Hakim', 'Syahputra', 'Firmansyah', 'Susilo', 'Purnomo', 'Hartono',
  'Suryadi', 'Mahendra', 'Permana', 'Ramadhan', 'Pangaribuan', 'Tambunan', 'Sihombing', 'Pardede', 'Daulay',
  'Rangkuti', 'Pohan', 'Batubara', 'Wardhana', 'Adiputra', 'Suparman', 'Mulyadi', 'Syamsudin', 'Kadir', 'Latif',
  'Pattiasina', 'Tuhumury', 'Manuhutu', 'Rumbewas', 'Mandagi', 'Sondakh', 'Pangemanan', 'Tanjung', 'Effendi',
];
export const FEMALE_SURNAMES = [
  'Handayani', 'Lestari', 'Rahayu', 'Astuti', 'Wulandari', 'Puspitasari', 'Maharani', 'Anggraini', 'Fitriani',
  'Safitri', 'Utami', 'Pertiwi', 'Sulistyowati', 'Rahmawati', 'Kusumawati', 'Susanti', 'Widowati', 'Hidayah',
];
export const MIDDLE = ['Dwi', 'Tri', 'Eka', 'Budi', 'Nur', 'Adi', 'Sri', 'Dian', 'Putra', 'Ayu', 'Indra', 'Rizky'];

export const PLACES = [
  'SLEMAN', 'BANTUL', 'KLATEN', 'MAGELANG', 'SURABAYA', 'MEDAN', 'PADANG', 'PALEMBANG', 'MAKASSAR', 'MANADO',
  'AMBON', 'JAYAPURA', 'KUPANG', 'DENPASAR', 'MATARAM', 'PONTIANAK', 'BANJARMASIN', 'SAMARINDA', 'BANDUNG',
  'SEMARANG', 'YOGYAKARTA', 'JAKARTA', 'BOGOR', 'GARUT', 'TASIKMALAYA', 'CIREBON', 'TEGAL', 'PEKALONGAN', 'KUDUS',
  'PATI', 'JEPARA', 'BLITAR', 'KEDIRI', 'MALANG', 'JEMBER', 'BANYUWANGI', 'LAMONGAN', 'GRESIK', 'SIDOARJO',
  'MADIUN', 'PONOROGO', 'ACEH BESAR', 'PIDIE', 'BIREUEN', 'TAPANULI UTARA', 'SIMALUNGUN', 'DELI SERDANG', 'AGAM',
  'TANAH DATAR', 'KAMPAR', 'BENGKALIS', 'JAMBI', 'BENGKULU', 'LAMPUNG SELATAN', 'SERANG', 'PANDEGLANG', 'GOWA',
  'BONE', 'MAROS', 'PALU', 'KENDARI', 'GORONTALO', 'TERNATE', 'SORONG', 'MERAUKE', 'SUMBAWA', 'ENDE', 'SIKKA',
];

/** Invented region stems: combined with a direction and Kabupaten/Kota they name each instansi. */
export const REGION_STEMS = [
  'Sukamaju', 'Tanjung Harapan', 'Bukit Asri', 'Sungai Jernih', 'Lembah Hijau', 'Karangsari', 'Wonoasri',
  'Giri Mulya', 'Pasir Putih', 'Muara Jaya', 'Batu Ampar', 'Lubuk Raya', 'Sidomakmur', 'Margorejo', 'Tegalsari',
  'Banyuasri', 'Sumberjaya', 'Kotabaru Permai', 'Padang Hijau', 'Teluk Indah', 'Pulau Baru', 'Rantau Jaya',
  'Seberang Raya', 'Danau Biru', 'Gunung Sari', 'Bumi Ayu', 'Tanah Merah', 'Kuala Baru', 'Sinar Harapan',
  'Air Jernih', 'Pematang Sari', 'Kebun Raya', 'Sawah Lebar', 'Talang Jaya', 'Ujung Pandan', 'Sekar Wangi',
  'Alas Purwo Raya', 'Rimba Jaya', 'Ombak Biru', 'Nusa Damai',
];
export const DIRECTIONS = ['', ' Utara', ' Selatan', ' Barat', ' Timur', ' Tengah'];
export const KECAMATAN_PREFIX = ['Suka', 'Karang', 'Tanjung ', 'Sumber', 'Margo', 'Sido', 'Tegal', 'Wono', 'Banyu', 'Giri', 'Pasir ', 'Muara ', 'Batu ', 'Lubuk '];
export const KECAMATAN_SUFFIX = ['mulya', 'jaya', 'sari', 'rejo', 'harjo', 'asri', 'makmur', 'agung', 'indah', 'raya', 'baru', 'wetan', 'kulon', 'kidul'];
export const STREETS = ['Merdeka', 'Sudirman', 'Diponegoro', 'Gajah Mada', 'Ahmad Yani', 'Pahlawan', 'Kartini', 'Veteran', 'Pemuda', 'Melati', 'Mawar', 'Kenanga', 'Cendana', 'Flamboyan', 'Anggrek', 'Pramuka', 'Imam Bonjol', 'Hasanuddin'];

/**
 * Functional post families (jabatan fungsional), by the kind of unit they serve in. `ahli`: the
 * expert track exists (S-1 and above); `terampil`: the skilled track exists (D-III, SLTA).
 */
export const FAMILIES = {
  school: [['Guru', true, false]],
  health: [
    ['Perawat', true, true], ['Perawat', true, true], ['Bidan', true, true], ['Bidan', true, true], ['Dokter', true, false],
    ['Dokter Gigi', true, false], ['Apoteker', true, false], ['Asisten Penata Kefarmasian', false, true], ['Nutrisionis', true, true],
    ['Sanitarian', true, true], ['Pranata Laboratorium Kesehatan', true, true], ['Penyuluh Kesehatan Masyarakat', true, false],
    ['Perekam Medis', true, true], ['Radiografer', true, true], ['Fisioterapis', true, true],
  ],
  bkpsdm: [['Analis SDM Aparatur', true, false], ['Pranata SDM Aparatur', false, true], ['Asesor SDM Aparatur', true, false]],
  audit: [['Auditor', true, true], ['Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah', true, false]],
  planning: [['Perencana', true, false], ['Statistisi', true, true]],
  finance: [['Analis Keuangan Pusat dan Daerah', true, false], ['Analis Pengelolaan Keuangan APBD', true, false]],
  it: [['Pranata Komputer', true, true], ['Pranata Hubungan Masyarakat', true, true]],
  farm: [['Penyuluh Pertanian', true, true], ['Pengawas Mutu Hasil Pertanian', true, true]],
  civil: [['Administrator Database Kependudukan', true, true]],
  works: [['Teknik Jalan dan Jembatan', true, true], ['Penata Ruang', true, false]],
  order: [['Polisi Pamong Praja', true, true]],
  environment: [['Pengendali Dampak Lingkungan', true, true]],
  social: [['Pekerja Sosial', true, true], ['Penyuluh Sosial', true, false]],
  general: [['Analis Kebijakan', true, false], ['Arsiparis', true, true], ['Pranata Komputer', true, true], ['Pengelola Pengadaan Barang/Jasa', true, false], ['Analis Hukum', true, false]],
};

/** Pelaksana posts after the 2023 simplification of job names. */
export const PELAKSANA = [
  'Pengadministrasi Perkantoran', 'Pengadministrasi Perkantoran', 'Penata Layanan Operasional', 'Pengelola Layanan Operasional',
  'Operator Layanan Operasional', 'Pengolah Data dan Informasi', 'Pengelola Umum Operasional',
];

/**
 * Offices of a regional government (OPD): name, family key, head title and its eselon, the
 * bidang under it. Each becomes one unit for the office itself plus one unit per bidang.
 */
export const OFFICES = [
  ['Sekretariat Daerah', 'general', 'Sekretaris Daerah', 'II.a', ['Bagian Organisasi', 'Bagian Hukum', 'Bagian Umum', 'Bagian Pengadaan Barang dan Jasa']],
  ['Sekretariat DPRD', 'general', 'Sekretaris DPRD', 'II.b', ['Bagian Persidangan dan Perundang-undangan', 'Bagian Keuangan']],
  ['Inspektorat Daerah', 'audit', 'Inspektur', 'II.b', ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II']],
  ['Badan Perencanaan Pembangunan Daerah', 'planning', 'Kepala Badan Perencanaan Pembangunan Daerah', 'II.b', ['Bidang Perencanaan Ekonomi', 'Bidang Perencanaan Infrastruktur']],
  ['Badan Keuangan dan Aset Daerah', 'finance', 'Kepala Badan Keuangan dan Aset Daerah', 'II.b', ['Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Aset', 'Bidang Pendapatan']],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'bkpsdm', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'II.b', ['Bidang Mutasi dan Promosi', 'Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian', 'Bidang Pengembangan Kompetensi Aparatur']],
  ['Dinas Kesehatan', 'health', 'Kepala Dinas Kesehatan', 'II.b', ['Bidang Pelayanan Kesehatan', 'Bidang Pencegahan dan Pengendalian Penyakit', 'Bidang Kesehatan Masyarakat']],
  ['Dinas Pendidikan dan Kebudayaan', 'general', 'Kepala Dinas Pendidikan dan Kebudayaan', 'II.b', ['Bidang Pembinaan Sekolah Dasar', 'Bidang Pembinaan Sekolah Menengah Pertama', 'Bidang Kebudayaan']],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'works', 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang', 'II.b', ['Bidang Bina Marga', 'Bidang Sumber Daya Air', 'Bidang Penataan Ruang']],
  ['Dinas Sosial', 'social', 'Kepala Dinas Sosial', 'II.b', ['Bidang Rehabilitasi Sosial', 'Bidang Perlindungan dan Jaminan Sosial']],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'civil', 'Kepala Dinas Kependudukan dan Pencatatan Sipil', 'II.b', ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil']],
  ['Dinas Pertanian dan Pangan', 'farm', 'Kepala Dinas Pertanian dan Pangan', 'II.b', ['Bidang Tanaman Pangan', 'Bidang Peternakan', 'Bidang Penyuluhan']],
  ['Dinas Perhubungan', 'general', 'Kepala Dinas Perhubungan', 'II.b', ['Bidang Lalu Lintas', 'Bidang Angkutan']],
  ['Dinas Lingkungan Hidup', 'environment', 'Kepala Dinas Lingkungan Hidup', 'II.b', ['Bidang Pengelolaan Sampah', 'Bidang Penataan dan Peningkatan Kapasitas Lingkungan']],
  ['Dinas Komunikasi dan Informatika', 'it', 'Kepala Dinas Komunikasi dan Informatika', 'II.b', ['Bidang Aplikasi Informatika', 'Bidang Informasi dan Komunikasi Publik']],
  ['Satuan Polisi Pamong Praja', 'order', 'Kepala Satuan Polisi Pamong Praja', 'II.b', ['Bidang Penegakan Peraturan Daerah', 'Bidang Ketertiban Umum']],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'general', 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'II.b', ['Bidang Perizinan']],
  ['Dinas Koperasi, Usaha Kecil dan Menengah', 'general', 'Kepala Dinas Koperasi, Usaha Kecil dan Menengah', 'II.b', ['Bidang Koperasi', 'Bidang Usaha Mikro']],
  ['Dinas Perindustrian dan Perdagangan', 'general', 'Kepala Dinas Perindustrian dan Perdagangan', 'II.b', ['Bidang Perdagangan', 'Bidang Perindustrian']],
  ['Badan Penanggulangan Bencana Daerah', 'general', 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', 'II.b', ['Bidang Kedaruratan dan Logistik']],
  ['Dinas Pemberdayaan Masyarakat dan Desa', 'social', 'Kepala Dinas Pemberdayaan Masyarakat dan Desa', 'II.b', ['Bidang Pemerintahan Desa']],
  ['Dinas Perumahan dan Kawasan Permukiman', 'works', 'Kepala Dinas Perumahan dan Kawasan Permukiman', 'II.b', ['Bidang Perumahan', 'Bidang Permukiman']],
];

/** Eselon label → SIASN ESELON ID (SPEC §1.5). */
export const ESELON_ID = { 'I.a': '11', 'I.b': '12', 'II.a': '21', 'II.b': '22', 'III.a': '31', 'III.b': '32', 'IV.a': '41', 'IV.b': '42', 'V.a': '51' };
/** Jabatan level of each eselon (SPEC §1.5, PermenPANRB 17/2021). */
export const ESELON_LEVEL = { 'I.a': 8, 'I.b': 8, 'II.a': 7, 'II.b': 7, 'III.a': 6, 'III.b': 6, 'IV.a': 5, 'IV.b': 5, 'V.a': 4 };
/** Jenjang words and their level (SPEC §1.5). */
export const JENJANG_LEVEL = { 'Ahli Utama': 7, 'Ahli Madya': 6, 'Ahli Muda': 5, 'Ahli Pertama': 4, Penyelia: 5, Mahir: 4, Terampil: 3, Pemula: 2 };
/** The jenjang one step below, for the JABATAN ASAL of a promotion. */
export const JENJANG_BELOW = { 'Ahli Utama': 'Ahli Madya', 'Ahli Madya': 'Ahli Muda', 'Ahli Muda': 'Ahli Pertama', Penyelia: 'Mahir', Mahir: 'Terampil' };

/** Education: SIASN tingkat id, name, starting PNS golongan code, PPPK golongan, gelar choices. */
export const EDUCATION = {
  'SLTP': { id: '12', name: 'SLTP', start: 12, pppk: 'IV', cap: 32, gelar: [''] },
  'SLTA': { id: '18', name: 'SLTA', start: 21, pppk: 'V', cap: 34, gelar: [''] },
  'D-III': { id: '30', name: 'Diploma III/Sarjana Muda', start: 23, pppk: 'VII', cap: 34, gelar: ['A.Md.', 'A.Md.Kep.', 'A.Md.Keb.', 'A.Md.Kom.', 'A.Md.Ak.'] },
  'D-IV': { id: '35', name: 'Diploma IV', start: 31, pppk: 'IX', cap: 41, gelar: ['S.Tr.Kes.', 'S.ST.', 'S.Tr.Keb.'] },
  'S-1': { id: '40', name: 'S-1/Sarjana', start: 31, pppk: 'IX', cap: 41, gelar: ['S.Pd.', 'S.E.', 'S.H.', 'S.Kom.', 'S.Sos.', 'S.T.', 'S.Kep., Ns.', 'S.Si.', 'S.IP.', 'S.Ak.', 'S.Psi.', 'S.P.'] },
  'S-2': { id: '45', name: 'S-2', start: 32, pppk: 'X', cap: 42, gelar: ['M.Si.', 'M.M.', 'M.Pd.', 'M.H.', 'M.Kes.', 'M.T.', 'M.AP.'] },
  'S-3': { id: '50', name: 'S-3/Doktor', start: 33, pppk: 'XI', cap: 45, gelar: ['M.Si.', 'M.Pd.', 'M.Kes.'] },
};
export const MAJORS = {
  'SLTP': ['SMP'], 'SLTA': ['SMA IPA', 'SMA IPS', 'SMK Administrasi Perkantoran', 'SMK Akuntansi', 'SMK Teknik Komputer'],
  'D-III': ['D-III Keperawatan', 'D-III Kebidanan', 'D-III Farmasi', 'D-III Akuntansi', 'D-III Manajemen Informatika', 'D-III Gizi'],
  'D-IV': ['D-IV Kebidanan', 'D-IV Analis Kesehatan', 'D-IV Keperawatan'],
  'S-1': ['S-1 Pendidikan Matematika', 'S-1 Pendidikan Guru Sekolah Dasar', 'S-1 Ilmu Hukum', 'S-1 Manajemen', 'S-1 Akuntansi', 'S-1 Ilmu Keperawatan', 'S-1 Ilmu Administrasi Negara', 'S-1 Teknik Sipil', 'S-1 Teknik Informatika', 'S-1 Kesehatan Masyarakat', 'S-1 Pendidikan Dokter', 'S-1 Agroteknologi', 'S-1 Psikologi'],
  'S-2': ['S-2 Ilmu Administrasi Negara', 'S-2 Manajemen', 'S-2 Manajemen Pendidikan', 'S-2 Ilmu Hukum', 'S-2 Kesehatan Masyarakat', 'S-2 Perencanaan Wilayah'],
  'S-3': ['S-3 Ilmu Administrasi Negara', 'S-3 Ilmu Pendidikan', 'S-3 Kesehatan Masyarakat'],
};

export const AGAMA = [['1', 'Islam', 86], ['2', 'Kristen', 7], ['3', 'Katholik', 3], ['4', 'Hindu', 3], ['5', 'Buddha', 1]];
export const KAWIN = [['1', 'Belum Kawin', 14], ['2', 'Menikah', 80], ['3', 'Cerai Hidup', 3], ['4', 'Cerai Mati', 3]];
/** Indonesian 3-letter month abbreviations as people type them (SPEC §1.3 accepts these). */
export const MONTH_ABBR = ['Jan', 'Peb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nop', 'Des'];
