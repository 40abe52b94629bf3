/**
 * `asn history NIP [--at DATE]` (SPEC §9): one person's three timelines, each entry with the
 * file and line it came from, and with `--at` the state at that date with assumed values marked.
 * Never prints.
 */
import { openDatabase } from '../../db/open.js';
import { employeeRowOf } from '../../db/queries/history-person.js';
import { UsageError } from '../../shared/errors.js';
import { employeeFromTuple } from '../population/inputs.js';
import { historyOf, personAt } from './state.js';

/** One timeline entry as listed. */
export interface HistoryEntry {
  timeline: 'post' | 'rank' | 'status';
  validFrom: string;
  source: string;
  level: number | null;
  jabatan: string | null;
  eselon: string | null;
  unit: string | null;
  unorId: string | null;
  instansi: string | null;
  golongan: string | null;
  tmtGolongan: string | null;
  status: string | null;
  reason: string | null;
  file: string | null;
  line: number | null;
}

/** One field of the state at D. */
export interface StateField {
  field: string;
  value: string | number | boolean | null;
  assumed: boolean;
  validFrom: string | null;
  source: string | null;
  file: string | null;
  line: number | null;
}

export interface HistoryResult {
  nip: string;
  nama: string;
  entries: HistoryEntry[];
  /** With `--at`: the date and the state at it. */
  at: { date: string; fields: StateField[] } | null;
}

const EMPTY = { level: null, jabatan: null, eselon: null, unit: null, unorId: null, instansi: null, golongan: null, tmtGolongan: null, status: null, reason: null };

export function personHistory(request: { db: string; nip: string; at?: string }): HistoryResult {
  const db = openDatabase(request.db, 'read');
  try {
    const row = employeeRowOf(db, request.nip);
    if (row === undefined) throw new UsageError(`no employee with NIP ${request.nip}`, 'asn rank --all lists the NIPs in the database');
    const h = historyOf(db, request.nip);
    const entries: HistoryEntry[] = [];
    // Promotions are entries of the post timeline (SPEC §9), in its order.
    const posts = h.timelines.posts;
    for (const e of posts) {
      entries.push({ ...EMPTY, timeline: 'post', validFrom: e.validFrom, source: e.source, file: e.file, line: e.line,
        level: e.values.level, jabatan: e.values.jabatan, eselon: e.values.eselon, unit: e.values.unit, unorId: e.values.unorId, instansi: e.values.instansi });
    }
    for (const e of h.timelines.ranks) {
      entries.push({ ...EMPTY, timeline: 'rank', validFrom: e.validFrom, source: e.source, file: e.file, line: e.line,
        golongan: e.values.golongan, tmtGolongan: e.values.tmtGolongan });
    }
    for (const e of h.timelines.statuses) {
      entries.push({ ...EMPTY, timeline: 'status', validFrom: e.validFrom, source: e.source, file: e.file, line: e.line,
        status: e.values.status, reason: e.values.reason });
    }
    let at: HistoryResult['at'] = null;
    if (request.at !== undefined) {
      const state = personAt(employeeFromTuple(row, null), h, request.at);
      const post = state.post;
      const rank = state.rank;
      const from = (s: typeof post | typeof rank) => ({
        assumed: s?.assumed ?? true, validFrom: s?.from?.validFrom ?? null, source: s?.from?.source ?? null, file: s?.from?.file ?? null, line: s?.from?.line ?? null,
      });
      const st = state.statusFrom;
      at = {
        date: request.at,
        fields: [
          { field: 'level', value: post?.values.level ?? null, ...from(post) },
          { field: 'jabatan', value: post?.values.jabatan ?? null, ...from(post) },
          { field: 'unit', value: post?.values.unit ?? null, ...from(post) },
          { field: 'instansi', value: post?.values.instansi ?? null, ...from(post) },
          { field: 'golongan', value: rank?.values.golongan ?? null, ...from(rank) },
          { field: 'tmt_golongan', value: rank?.values.tmtGolongan ?? null, ...from(rank) },
          { field: 'status', value: st.values.status, assumed: st.from === null, validFrom: st.from?.validFrom ?? null, source: st.from?.source ?? null, file: st.from?.file ?? null, line: st.from?.line ?? null },
          { field: 'in_service', value: state.inService, assumed: false, validFrom: null, source: null, file: null, line: null },
          { field: 'active', value: state.active, assumed: false, validFrom: null, source: null, file: null, line: null },
        ],
      };
    }
    return { nip: request.nip, nama: row[1], entries, at };
  } finally {
    db.close();
  }
}
