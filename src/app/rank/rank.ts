/**
 * `asn rank` use case (SPEC §2–4): the evaluation year, the merit of every employee in the
 * population, the ranking per scope (all, or each unit with `--by unit`) with DUK order at
 * 31 December of Y breaking ties, and the 9-box. Returns a typed result that records the model
 * (name and hash) that produced it; never prints.
 */
import { openDatabase } from '../../db/open.js';
import type { RankStore } from '../population/score-store.js';
import { rankContext, rankGroup, scopesOf, scorePopulation, type ModelInfo, type RankGroup, type RankRequest } from '../population/scoring.js';

export interface RankResult {
  model: ModelInfo;
  year: number;
  /** T = 31 December of Y, the date of the DUK order and service months (SPEC §2). */
  referenceDate: string;
  byUnit: boolean;
  /** The units the population was restricted to, as stored; empty = everyone. */
  units: string[];
  /** Whether the jabatan level was derived again with the model's own `levels` table. */
  levelsRederived: boolean;
  store: RankStore;
  groups: RankGroup[];
  totals: { employees: number; complete: number; incomplete: number; unrated: number };
}

/** `asn rank`: the ranking of every scope. */
export function rankEmployees(request: RankRequest): RankResult {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = rankContext(db, request.db, request);
    const { scored } = scorePopulation(db, ctx);
    const totals = { employees: scored.size, complete: 0, incomplete: 0, unrated: 0 };
    for (let i = 0; i < scored.size; i++) totals[scored.status(i)] += 1;
    const groups = scopesOf(scored, request.byUnit).map(rankGroup);
    return {
      model: ctx.modelInfo,
      year: ctx.year,
      referenceDate: ctx.referenceDate,
      byUnit: request.byUnit,
      units: ctx.units,
      levelsRederived: ctx.levels !== null,
      store: scored,
      groups,
      totals,
    };
  } finally {
    db.close();
  }
}
