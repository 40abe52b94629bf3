#!/usr/bin/env node
// `node bench/second-snapshot.mjs personnel.csv personnel-2.csv`: next year's download of the
// bench data (bench/lib/second-snapshot.mjs: 3% changed, 1% left, 1% joined). Prints the counts.
import { makeSecondSnapshot } from './lib/second-snapshot.mjs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node bench/second-snapshot.mjs personnel.csv personnel-2.csv\n');
  process.exit(2);
}
const counts = await makeSecondSnapshot(input, output);
process.stderr.write(`${JSON.stringify(counts)}\n`);
