/**
 * One ranking pass for the `summary` and `unit` reports, with exactly the order of `asn rank`
 * (SPEC §3): everyone together for the top 10, each unit for the unit's best.
 */
import type { Db } from '../../db/open.js';
import { percentileOf } from '../../domain/ranking.js';
import { compareRanked, compareText, rankContext, scorePopulation, type RankContext, type RankRow } from '../population/scoring.js';
import type { AppraisalFold } from '../population/appraisal-fold.js';
import type { RankStore } from '../population/score-store.js';
import type { CompactStateAt } from '../history/state.js';

/** A ranked employee as the report shows them (a copy: later rankings do not change it). */
export interface RankedEntry {
  rank: number;
  nip: string;
  nama: string;
  unit: string | null;
  golongan: string | null;
  merit: number;
  box: number | null;
  percentile: number;
  status: RankRow['status'];
}

export interface RankingPass {
  ctx: RankContext;
  scored: RankStore;
  /** The appraisals of Y−1 and Y as the merit read them, for the report's figures. */
  fold: AppraisalFold;
  /** The first `topN` of everyone, as `asn rank --limit N`. */
  top: RankedEntry[];
  /** Rank 1 of each unit, as `asn rank --by unit --limit 1`. */
  unitBest: Map<string | null, RankedEntry>;
}

/** The entry of row i at this rank and percentile in its scope. */
function entryAt(store: RankStore, i: number, rank: number, percentile: number): RankedEntry {
  const row = store.row(i);
  return {
    rank,
    nip: row.nip,
    nama: row.nama,
    unit: row.unit,
    golongan: row.golongan,
    merit: row.merit ?? 0,
    box: row.box,
    percentile,
    status: row.status,
  };
}

/**
 * The report needs only the first `topN` of everyone and rank 1 of each unit, in exactly the
 * order of `asn rank` (compareRanked, SPEC §3). Both are picked in one pass over the rated,
 * instead of sorting millions of rows, so a national report holds no ranking arrays. `atT`: the
 * state at T when the caller has read it (the report's differences at T), not read again.
 */
export function rankingPass(db: Db, dbPath: string, year: number, modelFile: string | undefined, topN = 10, atT?: CompactStateAt): RankingPass {
  const ctx = rankContext(db, dbPath, { db: dbPath, year, byUnit: false, units: [], ...(modelFile === undefined ? {} : { modelFile }) });
  const { scored, fold } = scorePopulation(db, ctx, undefined, atT);
  const first: number[] = []; // the best topN so far, in rank order
  const bestOf = new Map<string | null, { i: number; rated: number }>();
  let rated = 0;
  for (let i = 0; i < scored.size; i++) {
    if (!scored.isRated(i)) continue;
    rated++;
    if (first.length < topN || compareRanked(scored, i, first[first.length - 1]!) < 0) {
      let at = first.length;
      while (at > 0 && compareRanked(scored, i, first[at - 1]!) < 0) at--;
      first.splice(at, 0, i);
      if (first.length > topN) first.pop();
    }
    const unit = scored.unit[i]!;
    const best = bestOf.get(unit);
    if (best === undefined) bestOf.set(unit, { i, rated: 1 });
    else {
      best.rated++;
      if (compareRanked(scored, i, best.i) < 0) best.i = i;
    }
  }
  const top = first.map((i, k) => entryAt(scored, i, k + 1, percentileOf(k + 1, rated)));
  // Units in the order of `asn rank --by unit`: code-point order, no unit last.
  const units = [...bestOf.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareText(a, b)));
  const unitBest = new Map<string | null, RankedEntry>();
  for (const unit of units) {
    const best = bestOf.get(unit)!;
    unitBest.set(unit, entryAt(scored, best.i, 1, percentileOf(1, best.rated)));
  }
  return { ctx, scored, fold, top, unitBest };
}
