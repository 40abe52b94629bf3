#!/usr/bin/env node
// V8's heap growing factor is set before anything else loads (src/cli/heap.ts, README
// "Performance"): set later, the national audit ran 30% slower. So main.js is imported after.
import { limitHeapGrowth } from '../dist/cli/heap.js';

limitHeapGrowth();
const { run } = await import('../dist/cli/main.js');
run(process.argv);
