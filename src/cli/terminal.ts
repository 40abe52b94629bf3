/**
 * The one terminal sanitiser (SPEC §1.7 "Terminal safety"): control characters in data — ESC,
 * the other C0 and C1 controls, DEL; TAB and newline excepted — are shown as U+FFFD in
 * everything printed to a terminal, stderr included: tables, `--explain`, a Markdown report on a
 * TTY, reject lines, hints that list units, file names in messages. A name holding "ESC[2J" or an
 * OSC 8 link can then neither clear the screen nor plant a link.
 *
 * asn's own colours and progress-bar controls must survive, so they are never written as raw
 * escapes: {@link paint} and {@link CONTROL} emit marks holding a random per-process key, which
 * data read from files cannot contain. {@link forTerminal} sanitises the text between marks and
 * turns the marks into the escapes they stand for.
 */
import { randomBytes } from 'node:crypto';

const KEY = randomBytes(6).toString('hex');
const ESCAPES: Readonly<Record<string, string>> = {
  bold: '\x1b[1m', 'bold-off': '\x1b[22m',
  red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', 'colour-off': '\x1b[39m',
  cr: '\r', 'clear-line': '\x1b[2K',
};
const MARK_START = `\u0000${KEY}:`;
const MARK = new RegExp(`\u0000${KEY}:([a-z-]+)\u0000`, 'g');

function mark(name: keyof typeof ESCAPES): string {
  return `${MARK_START}${name}\u0000`;
}

/** Control characters shown as U+FFFD: C0 but TAB and LF, DEL, C1. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The sanitiser itself: every control character but TAB and newline → U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '\uFFFD');
}

/** asn's own terminal controls, as marks (see the module comment). */
export const CONTROL = { carriageReturn: mark('cr'), clearLine: mark('clear-line') } as const;

export interface Paint {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

/** Colour marks when `color` is on (the caller decided: --no-color, NO_COLOR, TTY); plain text otherwise. */
export function paint(color: boolean): Paint {
  const wrap = (on: keyof typeof ESCAPES, off: keyof typeof ESCAPES) =>
    color ? (text: string) => `${mark(on)}${text}${mark(off)}` : (text: string) => text;
  return { bold: wrap('bold', 'bold-off'), red: wrap('red', 'colour-off'), green: wrap('green', 'colour-off'), yellow: wrap('yellow', 'colour-off') };
}

/**
 * Text whose escapes are asn's own (a table rendered by cli-table3 from cells already passed
 * through {@link terminalSafe}, coloured by chalk): its SGR escapes become marks, so they
 * survive {@link forTerminal}.
 */
export function trustedEscapes(text: string): string {
  return text.replace(/\x1b\[(1|22|31|32|33|39)m/g, (_m, code: string) => {
    const name = ({ 1: 'bold', 22: 'bold-off', 31: 'red', 32: 'green', 33: 'yellow', 39: 'colour-off' } as const)[Number(code) as 1];
    return mark(name);
  });
}

/**
 * Text as it goes to a stream: marks become their escapes; with `sanitise` (a terminal, and
 * stderr always) every other control character becomes U+FFFD.
 */
export function forTerminal(text: string, sanitise: boolean): string {
  if (!text.includes(MARK_START)) return sanitise ? terminalSafe(text) : text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    const piece = text.slice(last, m.index);
    out += (sanitise ? terminalSafe(piece) : piece) + (ESCAPES[m[1] ?? ''] ?? '');
    last = m.index + m[0].length;
  }
  const rest = text.slice(last);
  return out + (sanitise ? terminalSafe(rest) : rest);
}
