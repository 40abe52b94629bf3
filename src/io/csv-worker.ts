/**
 * The reading worker of a large CSV import (io/csv-reader.ts `readCsvRows`): reads, decodes and
 * parses the file on the second core and posts the batches, in order, to the main thread, which
 * checks and writes them. It posts a batch only while it holds a credit (one returns with each
 * batch the main thread takes), so it pauses the read stream when the importer falls behind.
 * No database connection; an unreadable file ends with an error message after the last batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvReadError, parseCsvBatches, type WorkerInput, type WorkerMessage } from './csv-reader.js';

const port = parentPort!;
const { input, delimiter, credits: start } = workerData as WorkerInput;
let credits = start;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (m: WorkerMessage): void => port.postMessage(m);
let bytes = 0;
try {
  for await (const rows of parseCsvBatches(input, delimiter, (n) => { bytes = n; })) {
    while (credits === 0) {
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = null;
    }
    credits--;
    post({ type: 'batch', rows, bytes });
  }
  post({ type: 'end' });
} catch (error) {
  if (!(error instanceof CsvReadError)) throw error;
  post({ type: 'error', line: error.line, code: error.code, message: error.message });
}
