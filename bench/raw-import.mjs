#!/usr/bin/env node
// The honest floor of "read a CSV and write SQLite" in Node: csv-parse as a stream, ONE prepared
// better-sqlite3 INSERT, ONE transaction, one TEXT column per CSV column, no validation at all.
// Same pragmas as asn's writable database (WAL, synchronous NORMAL), so the comparison is fair.
// Usage: node bench/raw-import.mjs personnel.csv raw.db [table]
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';

const [file, dbFile, table = 'personnel'] = process.argv.slice(2);
if (!file || !dbFile) {
  process.stderr.write('usage: node bench/raw-import.mjs FILE.csv DB [table]\n');
  process.exit(2);
}

const quoteId = (name) => `"${String(name).replaceAll('"', '""')}"`;
const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');

const parser = createReadStream(file).pipe(parse({ bom: true }));
let insert = null;
let rows = 0;
db.exec('BEGIN');
for await (const record of parser) {
  if (insert === null) {
    db.exec(`CREATE TABLE ${quoteId(table)} (${record.map((h) => `${quoteId(h)} TEXT`).join(', ')})`);
    insert = db.prepare(`INSERT INTO ${quoteId(table)} VALUES (${record.map(() => '?').join(', ')})`);
    continue;
  }
  insert.run(record);
  rows++;
}
db.exec('COMMIT');
db.close();
process.stderr.write(`raw-import: ${rows} rows into ${table}\n`);
