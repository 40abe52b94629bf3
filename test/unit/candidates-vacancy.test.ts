/**
 * The level of the vacant post (SPEC §11, §1.5): `--level`, `--eselon` or `--post` with the
 * built-in level table; anything that is not level 5–9 is a usage error naming the forms.
 */
import { describe, expect, it } from 'vitest';
import { vacancyLevel, type VacancyInput } from '../../src/app/candidates/vacancy.js';
import { vacancyInput } from '../../src/cli/commands/candidates.js';
import { loadModel } from '../../src/model/load.js';
import { UsageError } from '../../src/shared/errors.js';

const levels = loadModel().model.levels;

describe('vacancyLevel', () => {
  it.each([
    [{ kind: 'level', value: 5 }, 5],
    [{ kind: 'level', value: 9 }, 9],
    [{ kind: 'eselon', value: 'IV.a' }, 5],
    [{ kind: 'eselon', value: 'III/b' }, 6],
    [{ kind: 'eselon', value: '21' }, 7], // SIASN ESELON_ID 21 = II.a
    [{ kind: 'eselon', value: 'I.a' }, 8],
    [{ kind: 'post', value: 'Analis Kebijakan Ahli Madya' }, 6],
    [{ kind: 'post', value: 'Pengawas' }, 5],
    [{ kind: 'post', value: 'Jabatan Pimpinan Tinggi Pratama' }, 7],
    [{ kind: 'post', value: 'Perencana Ahli Utama' }, 7],
  ] as Array<[VacancyInput, number]>)('%j → level %d', (input, level) => {
    expect(vacancyLevel(input, levels).level).toBe(level);
  });

  it.each([
    [{ kind: 'level', value: 4 }, '--level 4 is not a post level from 5 to 9'],
    [{ kind: 'eselon', value: 'V.b' }, '--eselon V.b is level 4'],
    [{ kind: 'eselon', value: 'Non Eselon' }, '--eselon Non Eselon has no jabatan level'],
    [{ kind: 'post', value: 'Kepala Subbagian Umum' }, '--post "Kepala Subbagian Umum" has no jabatan level'],
    [{ kind: 'post', value: 'Pranata Komputer Terampil' }, '--post "Pranata Komputer Terampil" is level 3'],
  ] as Array<[VacancyInput, string]>)('%j is refused', (input, message) => {
    let caught: unknown;
    try {
      vacancyLevel(input, levels);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toContain(message);
    expect((caught as UsageError).hint).toContain('--eselon I.a…IV.b');
  });

  it('reads exactly one of --level, --eselon, --post from the flags', () => {
    expect(vacancyInput({ level: ' 6 ' })).toEqual({ kind: 'level', value: 6 });
    expect(vacancyInput({ post: 'Ahli Muda' })).toEqual({ kind: 'post', value: 'Ahli Muda' });
    expect(() => vacancyInput({})).toThrow('which post?');
    expect(() => vacancyInput({ eselon: 'III.a', post: 'x' })).toThrow('give only one of --eselon, --post');
    expect(() => vacancyInput({ level: '6.5' })).toThrow('--level 6.5 is not a post level from 5 to 9');
  });
});
