/**
 * UTF-8 with stray bytes (SPEC §1.7 "Encoding"): a file that is UTF-8 except for a few invalid
 * bytes (one Windows-1252 dash pasted into a UTF-8 export) stays UTF-8, and every row holding an
 * invalid byte is rejected naming the byte. To carry the byte to the row, the decoder maps each
 * invalid byte B to the lone surrogate U+DC00+B ("surrogate escape", as Python does): valid
 * UTF-8 can never decode to a lone surrogate, so the mark cannot be confused with data. Such a
 * file is parsed as bytes (csv-parse works on bytes; the delimiters are ASCII) and each field is
 * decoded here; fields that are valid UTF-8 (nearly all) take the native path.
 */
import { isAscii, isUtf8 } from 'node:buffer';

/** Bytes at the end of `chunk` that may start an unfinished UTF-8 sequence. */
export function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there is invalid. */
function sequenceAt(bytes: Buffer, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (at: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[at];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 A0..), no surrogates (ED 80..9F).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

/** True when `bytes` holds at least one valid multi-byte UTF-8 sequence. */
export function hasValidMultibyte(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const n = sequenceAt(bytes, i);
    if (n > 1) return true;
  }
  return false;
}

/** Decodes bytes that are not all valid UTF-8: invalid bytes become U+DC00+byte. */
function decodeEscaping(bytes: Buffer): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length;) {
    const n = bytes[i]! < 0x80 ? 1 : sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += bytes.toString('utf8', runStart, i) + String.fromCharCode(0xdc00 + bytes[i]!);
    i += 1;
    runStart = i;
  }
  return out + bytes.toString('utf8', runStart);
}

/**
 * One field's bytes as text: valid UTF-8 (nearly always) natively, else with each invalid byte
 * escaped as U+DC00+byte.
 */
export function decodeField(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeEscaping(bytes);
}

/** A lone low surrogate of the escape range: the mark of an invalid byte. */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** The invalid byte escaped in `text` (e.g. 0x96), or null when it holds none. */
export function escapedByteIn(text: string): number | null {
  const m = ESCAPED_BYTE.exec(text);
  return m === null ? null : m[0].charCodeAt(0) - 0xdc00;
}

/** `text` with every escaped byte shown as U+FFFD, for messages. */
export function withoutEscapes(text: string): string {
  return text.replace(/(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g, '\uFFFD');
}

/** What a scan of the whole file says about its UTF-8 (SPEC §1.1, §1.7). */
export class Utf8Census {
  private carry: Buffer = Buffer.alloc(0);
  invalid = false;
  multibyte = false;

  push(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTail(data);
    const body = data.subarray(0, data.length - tail);
    this.carry = Buffer.from(data.subarray(data.length - tail));
    if (isUtf8(body)) {
      if (!this.multibyte && !isAscii(body)) this.multibyte = true;
      return;
    }
    this.invalid = true;
    if (!this.multibyte && hasValidMultibyte(body)) this.multibyte = true;
  }

  finish(): void {
    if (this.carry.length > 0) this.invalid = true;
  }
}
