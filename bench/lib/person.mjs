// One synthetic employee: demographics, NIP, golongan, post, and the facts the appraisal and
// promotion rows need. Formatting into CSV lives in rows.mjs; this file decides the values.
import { Weighted } from './random.mjs';
import {
  EDUCATION, ESELON_LEVEL, FAMILIES, FEMALE_FIRST, FEMALE_SURNAMES, JENJANG_BELOW, MALE_FIRST, MIDDLE, PELAKSANA, SURNAMES,
} from './vocabulary.mjs';

/** PNS golongan codes in order (SPEC §1.5): one step about every 4 years (kenaikan pangkat reguler). */
const GOL_SEQ = [11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34, 41, 42, 43, 44, 45];
const ROMAN = ['I', 'II', 'III', 'IV'];
export const golLabel = (code) => `${ROMAN[Math.floor(code / 10) - 1]}/${'abcde'[(code % 10) - 1]}`;
export const PPPK_ARABIC = { IV: 4, V: 5, VII: 7, IX: 9, X: 10, XI: 11 };

/** Lowest golongan a structural post is filled from (PP 100/2000 as amended); heads are senior. */
const ESELON_MIN_GOL = { 'I.b': 44, 'II.a': 43, 'II.b': 42, 'III.a': 41, 'III.b': 34, 'IV.a': 33, 'IV.b': 32 };
const ESELON_BIRTH = { 'I.b': [1966, 1975], 'II.a': [1966, 1976], 'II.b': [1967, 1978], 'III.a': [1967, 1984], 'III.b': [1967, 1985], 'IV.a': [1968, 1992], 'IV.b': [1968, 1993] };
/** Youngest entry age per education, so birth years and TMT CPNS stay plausible. */
const ENTRY_AGE = { SLTP: [18, 25], SLTA: [19, 28], 'D-III': [22, 30], 'D-IV': [23, 31], 'S-1': [23, 33], 'S-2': [26, 36], 'S-3': [30, 38] };

const BIRTH_BAND = new Weighted([[[1967, 1970], 12], [[1971, 1975], 16], [[1976, 1980], 17], [[1981, 1985], 18], [[1986, 1990], 16], [[1991, 1995], 13], [[1996, 2001], 8]]);
const PPPK_BIRTH_BAND = new Weighted([[[1972, 1980], 20], [[1981, 1990], 45], [[1991, 2000], 35]]);
const TMT_MONTH = new Weighted([[1, 35], [3, 25], [4, 10], [2, 10], [12, 5], [6, 5], [7, 5], [10, 5]]);
const PPPK_YEAR = new Weighted([[2019, 5], [2021, 15], [2022, 25], [2023, 25], [2024, 30]]);
const PPPK_CONTRACT = new Weighted([[1, 80], [2, 15], [3, 5]]);
const EDU_STRUCTURAL = new Weighted([['S-2', 55], ['S-1', 40], ['S-3', 5]]);
const EDU_BOTH = new Weighted([['S-1', 45], ['S-2', 8], ['D-III', 35], ['D-IV', 5], ['SLTA', 7]]);
const EDU_AHLI = new Weighted([['S-1', 80], ['S-2', 18], ['S-3', 1], ['D-IV', 1]]);
const EDU_TERAMPIL = new Weighted([['D-III', 70], ['SLTA', 30]]);
const EDU_PELAKSANA = new Weighted([['SLTA', 55], ['D-III', 15], ['S-1', 28], ['SLTP', 2]]);
const EDU_GURU = new Weighted([['S-1', 85], ['S-2', 15]]);
const EDU_PPPK_HEALTH = new Weighted([['D-III', 60], ['S-1', 40]]);
const EDU_PPPK_PELAKSANA = new Weighted([['SLTA', 70], ['S-1', 30]]);
const FEMALE_SHARE = { school: 0.68, health: 0.72, hospital: 0.72 };

const NIP_TMT_MONTHS = 552; // 1980-01 … 2025-12
const DAY_MS = 86_400_000;
const BIRTH_BASE = Date.UTC(1960, 0, 1);

export function daysInMonth(y, m) {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Jenjang lags golongan: IV/a is the floor of Ahli Madya, not a promise of it. */
function ahliJenjang(rng, code) {
  if (code === 41) return rng.chance(0.35) ? 'Ahli Madya' : 'Ahli Muda';
  return code <= 32 ? 'Ahli Pertama' : code <= 34 ? 'Ahli Muda' : code <= 43 ? 'Ahli Madya' : 'Ahli Utama';
}
function terampilJenjang(code) {
  return code <= 24 ? 'Terampil' : code <= 32 ? 'Mahir' : 'Penyelia';
}
function pelaksanaTitle(rng, edu) {
  if (edu === 'S-1' || edu === 'S-2') return 'Penata Layanan Operasional';
  if (edu === 'D-III') return 'Pengelola Layanan Operasional';
  return rng.pick(PELAKSANA);
}

/**
 * Makes people one after another. NIP serials (digits 16–18) count up per birth date, TMT and
 * gender in fixed-size typed arrays (about 20 MB whatever the size), so every NIP is unique.
 */
export class PersonFactory {
  constructor(rng) {
    this.rng = rng;
    this.pnsSerials = new Uint8Array(16_800 * NIP_TMT_MONTHS * 2);
    this.pppkSerials = new Uint8Array(16_800 * 8 * 9 * 2);
  }

  make(unit, j) {
    const rng = this.rng;
    const post = j < unit.posts.length ? unit.posts[j] : null;
    const pppk = post === null && rng.chance(unit.pppkShare);
    const p = { pppk, unit, eselon: '', jenisJabatan: '4', family: null, jenjang: null, level: 1 };
    p.female = rng.chance(post ? 0.3 : FEMALE_SHARE[unit.kind] ?? 0.45);
    if (post) {
      p.jenisJabatan = '1';
      p.jabatan = post[0];
      p.eselon = post[1];
      p.level = ESELON_LEVEL[post[1]];
      p.edu = EDU_STRUCTURAL.pick(rng);
    } else if (rng.chance(unit.pelaksanaShare)) {
      p.edu = pppk ? EDU_PPPK_PELAKSANA.pick(rng) : EDU_PELAKSANA.pick(rng);
    } else {
      const [family, ahli, terampil] = rng.pick(FAMILIES[unit.family]);
      p.family = family;
      p.jenisJabatan = '2';
      if (family === 'Guru') p.edu = EDU_GURU.pick(rng);
      else if (family.startsWith('Dokter')) p.edu = rng.chance(0.85) ? 'S-1' : 'S-2';
      else if (pppk && unit.family === 'health') p.edu = EDU_PPPK_HEALTH.pick(rng);
      else p.edu = ahli && terampil ? EDU_BOTH.pick(rng) : ahli ? EDU_AHLI.pick(rng) : EDU_TERAMPIL.pick(rng);
      p.ahli = ahli && (p.edu.startsWith('S-') || p.edu === 'D-IV');
      if (!p.ahli && !terampil) p.edu = 'S-1', p.ahli = true;
    }
    this.birth(p, post);
    if (pppk) this.pppkCareer(p);
    else this.pnsCareer(p, post);
    this.post(p);
    return p;
  }

  birth(p, post) {
    const rng = this.rng;
    const [lo, hi] = post ? ESELON_BIRTH[post[1]] : (p.pppk ? PPPK_BIRTH_BAND : BIRTH_BAND).pick(rng);
    const [minAge] = ENTRY_AGE[p.edu];
    p.birthY = Math.min(rng.int(lo, hi), (p.pppk ? 2024 : 2023) - minAge);
    p.birthM = rng.int(1, 12);
    p.birthD = rng.int(1, daysInMonth(p.birthY, p.birthM));
    p.birthIdx = (Date.UTC(p.birthY, p.birthM - 1, p.birthD) - BIRTH_BASE) / DAY_MS;
  }

  pnsCareer(p, post) {
    const rng = this.rng;
    const [minAge, maxAge] = ENTRY_AGE[p.edu];
    p.tmtY = Math.max(1986, Math.min(2023, p.birthY + rng.int(minAge, maxAge)));
    p.tmtM = TMT_MONTH.pick(rng);
    const edu = EDUCATION[p.edu];
    const start = GOL_SEQ.indexOf(edu.start);
    const years = 2025 - p.tmtY;
    let steps = Math.max(0, Math.floor((years - rng.int(0, 2)) / 4));
    const cap = GOL_SEQ.indexOf(post ? 45 : edu.cap);
    if (start + steps > cap) steps = Math.max(0, cap - start);
    let code = GOL_SEQ[start + steps];
    p.golAwal = edu.start;
    p.tmtGolY = steps === 0 ? p.tmtY : Math.min(2025, p.tmtY + 4 * steps + rng.int(0, 1));
    p.tmtGolM = steps === 0 ? p.tmtM : rng.chance(0.5) ? 4 : 10;
    if (post && code < ESELON_MIN_GOL[post[1]]) {
      code = ESELON_MIN_GOL[post[1]];
      p.tmtGolY = rng.int(Math.max(p.tmtY + 8, 2016), 2025);
      p.tmtGolM = rng.chance(0.5) ? 4 : 10;
    }
    p.gol = code;
    p.golLabel = golLabel(code);
    this.pnsNip(p);
  }

  pppkCareer(p) {
    const rng = this.rng;
    p.tmtY = Math.max(PPPK_YEAR.pick(rng), p.birthY + 20);
    p.tmtM = rng.pick([1, 3, 4]);
    p.golLabel = EDUCATION[p.edu].pppk;
    p.gol = PPPK_ARABIC[p.golLabel];
    p.golAwal = p.gol;
    p.tmtGolY = p.tmtY;
    p.tmtGolM = p.tmtM;
    p.contract = PPPK_CONTRACT.pick(rng);
    const g = p.female ? 1 : 0;
    let serial = 0;
    for (let y = p.tmtY; serial === 0; y++) {
      const idx = ((p.birthIdx * 8 + (Math.min(y, 2026) - 2019)) * 9 + (p.contract - 1)) * 2 + g;
      if (this.pppkSerials[idx] < 250) serial = ++this.pppkSerials[idx], p.tmtY = y;
    }
    p.nipParts = [ymd(p.birthY, p.birthM, p.birthD), `${p.tmtY}2${p.contract}`, p.female ? '2' : '1', String(serial).padStart(3, '0')];
  }

  pnsNip(p) {
    const g = p.female ? 1 : 0;
    let serial = 0;
    while (serial === 0) {
      const idx = (p.birthIdx * NIP_TMT_MONTHS + (p.tmtY - 1980) * 12 + (p.tmtM - 1)) * 2 + g;
      // A full counter (250 people on one birth date, TMT and gender) moves the TMT a month on.
      if (this.pnsSerials[idx] < 250) serial = ++this.pnsSerials[idx];
      else if (p.tmtM < 12) p.tmtM++;
      else p.tmtM = 1, p.tmtY++;
    }
    p.nipParts = [ymd(p.birthY, p.birthM, p.birthD), `${p.tmtY}${pad2(p.tmtM)}`, p.female ? '2' : '1', String(serial).padStart(3, '0')];
  }

  /** Functional jenjang follows golongan (PermenPANRB 1/2023); pelaksana names follow education. */
  post(p) {
    const rng = this.rng;
    if (p.jenisJabatan === '1') return;
    if (p.family === null) {
      p.jabatan = pelaksanaTitle(rng, p.edu);
      return;
    }
    if (p.pppk) p.jenjang = p.ahli ? (p.gol >= 11 ? 'Ahli Muda' : 'Ahli Pertama') : 'Terampil';
    else p.jenjang = p.ahli ? ahliJenjang(rng, p.gol) : terampilJenjang(p.gol);
    p.jabatan = `${p.family} ${p.jenjang}`;
  }

  /** Whether this person's current post can be the JABATAN BARU of a one-level promotion. */
  promotable(p) {
    if (p.jenisJabatan === '1') return p.eselon !== 'II.a' && p.eselon !== 'I.b';
    return p.jenjang !== null && JENJANG_BELOW[p.jenjang] !== undefined;
  }

  /** The post one level below the current one (SPEC §1.5 levels): JABATAN ASAL and ESELON ASAL. */
  previousPost(p) {
    if (p.jenisJabatan === '2') return [`${p.family} ${JENJANG_BELOW[p.jenjang]}`, ''];
    if (p.eselon === 'II.b' || p.eselon === 'II.a') return ['Sekretaris Dinas', 'III.a'];
    if (p.eselon.startsWith('III')) return ['Kepala Subbagian Umum dan Kepegawaian', 'IV.a'];
    const ahli = FAMILIES[p.unit.family].filter((f) => f[1]);
    return [`${(ahli.length > 0 ? this.rng.pick(ahli)[0] : 'Analis Kebijakan')} Ahli Pertama`, ''];
  }

  name(p) {
    const rng = this.rng;
    const first = rng.pick(p.female ? FEMALE_FIRST : MALE_FIRST);
    const r = rng.float();
    if (r < 0.05) return [first, first];
    const last = p.female && rng.chance(0.5) ? rng.pick(FEMALE_SURNAMES) : rng.pick(SURNAMES);
    if (r < 0.7) return [`${first} ${last}`, first, last];
    return [`${first} ${rng.pick(MIDDLE)} ${last}`, first, last];
  }
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
export const pad2 = (n) => PAD2[n];
export const ymd = (y, m, d) => `${y}${PAD2[m]}${PAD2[d]}`;
/** DD-MM-YYYY, the way SIASN writes dates. */
export const dmy = (y, m, d) => `${PAD2[d]}-${PAD2[m]}-${y}`;
export const iso = (y, m, d) => `${y}-${PAD2[m]}-${PAD2[d]}`;
