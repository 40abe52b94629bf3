// Loaded with `node --import` when GNU time is not available: at exit, the node child writes its
// own peak resident memory (KB, like GNU time's %M) to the file named by ASN_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.ASN_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
