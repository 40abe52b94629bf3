/**
 * The level of the vacant post (SPEC §11): `--level L`, or the level of `--eselon E` or of a post
 * title `--post TEXT` by the rules of §1.5 with the model's level table. Only posts of level 5–9
 * (pengawas … JPT utama) are filled from a candidate list; anything else is a usage error (exit 2)
 * whose hint lists the forms.
 */
import { jabatanLevel, parseEselon } from '../../domain/jabatan-level.js';
import type { MeritModel } from '../../domain/model.js';
import { UsageError } from '../../shared/errors.js';

export type VacancyInput = { kind: 'level'; value: number } | { kind: 'eselon'; value: string } | { kind: 'post'; value: string };

export interface Vacancy {
  input: VacancyInput;
  level: number;
}

/** The forms a vacancy can be given in, for every hint. */
export const VACANCY_FORMS =
  'give one of: --level 5..9 (5 pengawas, 6 administrator, 7 JPT pratama, 8 JPT madya, 9 JPT utama); ' +
  '--eselon I.a…IV.b (e.g. --eselon III.a); --post "TEXT" naming a jenjang or structural word ' +
  '(e.g. --post "Analis Kebijakan Ahli Madya", --post "Administrator", --post "JPT Pratama")';

function outOfRange(what: string, level: number | null): UsageError {
  const got = level === null ? 'has no jabatan level' : `is level ${level}`;
  return new UsageError(`${what} ${got}; a candidate list is drawn up for posts of level 5 to 9`, VACANCY_FORMS);
}

/** The vacancy's level, or a UsageError naming the forms. */
export function vacancyLevel(input: VacancyInput, levels: MeritModel['levels']): Vacancy {
  let level: number | null;
  if (input.kind === 'level') level = input.value;
  else if (input.kind === 'eselon') {
    const parsed = parseEselon(input.value);
    if (!parsed.ok) throw new UsageError(`--eselon ${input.value}: ${parsed.reason}`, VACANCY_FORMS);
    level = parsed.value === null ? null : jabatanLevel({ eselon: parsed.value, jabatan: null, jenisJabatan: null }, levels).level;
    if (level === null) throw outOfRange(`--eselon ${input.value}`, null);
  } else {
    const found = jabatanLevel({ eselon: null, jabatan: input.value, jenisJabatan: null }, levels);
    // A title without jenjang or structural words reads as Pelaksana (§1.5): that names no level to fill.
    level = found.source === 'jenjang' || found.source === 'structural' ? found.level : null;
    if (level === null) throw outOfRange(`--post "${input.value}"`, null);
  }
  if (!Number.isInteger(level) || level < 5 || level > 9) {
    if (input.kind === 'level') throw new UsageError(`--level ${input.value} is not a post level from 5 to 9`, VACANCY_FORMS);
    throw outOfRange(input.kind === 'eselon' ? `--eselon ${input.value}` : `--post "${input.value}"`, level);
  }
  return { input, level };
}
