/**
 * Writing an output file whole or not at all (SPEC §1.7), on top of the one output path of
 * output-target.ts: text in one go, or a stream (the XLSX writer) whose bytes all go through the
 * short-write check. The caller checks the target with `checkOutputTarget` first.
 */
import { Writable } from 'node:stream';
import { openOutputFile } from './output-target.js';

export { tempPathFor } from './output-target.js';

/** Text (UTF-8), complete under its name or not there. */
export async function writeTextAtomically(target: string, text: string): Promise<void> {
  const file = openOutputFile(target);
  try {
    file.write(text);
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}

/**
 * Runs `produce` with a stream into `target`. A write that fails is remembered and the rest of
 * the stream drained, so the producer (exceljs) finishes normally; the failure is then thrown —
 * a failed destination stream would otherwise leave exceljs's promise pending for ever.
 */
export async function writeAtomically(target: string, produce: (stream: Writable) => Promise<void>): Promise<void> {
  const file = openOutputFile(target);
  let failed: unknown = null;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (failed === null) {
        try {
          file.write(chunk);
        } catch (error) {
          failed = error;
        }
      }
      done();
    },
  });
  try {
    await produce(stream);
    if (failed !== null) throw failed;
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}
