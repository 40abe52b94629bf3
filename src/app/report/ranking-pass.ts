/**
 * One ranking pass for the `summary` and `unit` reports, with exactly the order of `asn rank`
 * (SPEC §3): everyone together for the top 10, then each unit for the unit's best. rankGroup
 * writes rank and percentile into the rows, so what each view needs is copied out in between.
 */
import type { Db } from '../../db/open.js';
import { rankContext, rankGroup, scopesOf, scorePopulation, type RankContext, type RankRow } from '../rank.js';
import type { AppraisalFold } from '../rank-appraisals.js';
import type { RankStore } from '../rank-store.js';

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

function entry(row: RankRow): RankedEntry {
  return {
    rank: row.rank ?? 0,
    nip: row.nip,
    nama: row.nama,
    unit: row.unit,
    golongan: row.golongan,
    merit: row.merit ?? 0,
    box: row.box,
    percentile: row.percentile ?? 0,
    status: row.status,
  };
}

export function rankingPass(db: Db, dbPath: string, year: number, modelFile: string | undefined, topN = 10): RankingPass {
  const ctx = rankContext(db, dbPath, { db: dbPath, year, byUnit: false, units: [], ...(modelFile === undefined ? {} : { modelFile }) });
  const { scored, fold } = scorePopulation(db, ctx);
  const [everyone] = scopesOf(scored, false);
  const top = everyone === undefined ? [] : rankGroup(everyone).ranked.slice(0, topN).map(entry);
  const unitBest = new Map<string | null, RankedEntry>();
  for (const scope of scopesOf(scored, true)) {
    const best = rankGroup(scope).ranked.at(0);
    if (best !== undefined) unitBest.set(scope.unit, entry(best));
  }
  return { ctx, scored, fold, top, unitBest };
}
