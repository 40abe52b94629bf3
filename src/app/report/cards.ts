/**
 * `asn report --type employee --all` (SPEC §12 "Personal cards for everyone"): one card per
 * employee in service at T, each with the person's own record, merit components and how they
 * were computed, rank and percentile in the unit and overall, the component that would raise
 * their merit most, box and recommendation, appraisals and promotions — never another person's
 * score or name, nor any calibration or audit flag (so no audit findings section).
 *
 * Fast by construction: the population is scored ONCE (src/app/population/scoring.ts), ranked
 * once overall and once per unit, and every card is made from those arrays; the single-card
 * path (`--nip`, which scores the population for one person) is never called per person.
 */
import { basename } from 'node:path';
import { COMPONENT_NAMES, computeMerit, type MeritResult } from '../../domain/merit.js';
import { largestOf, meritGains, type MeritGain } from '../../domain/merit-gain.js';
import { BOX_RECOMMENDATION, talentBox } from '../../domain/talent-box.js';
import type { ComponentName } from '../../domain/model.js';
import { openDatabase, type Db } from '../../db/open.js';
import { cardQueries, versionsOf } from '../../db/queries/cards.js';
import { countPopulation } from '../../db/queries/merit-inputs.js';
import { iterateEmployeeRecords, reportDataPresent, type EmployeeRecordRow } from '../../db/queries/report.js';
import { loadModel } from '../../model/load.js';
import { stateAt } from '../history/state.js';
import { employeeOf, recordAt } from './record-at.js';
import { rankContext, rankGroup, scopesOf, scorePopulation, type RankContext } from '../population/scoring.js';
import type { AppraisalFold } from '../population/appraisal-fold.js';
import type { RankStore } from '../population/score-store.js';
import { settleYear } from './build-report.js';
import {
  appraisalTable, componentsTable, promotionTable, rankingTable, recordTable, talentTable, type Standing,
} from './employee.js';
import { chartBlock, noteBlock, num, section, tableBlock, text } from './table-helpers.js';
import type { Report, ReportColumn, ReportLang, ReportMeta, ReportSection, ReportTable } from './types.js';

export interface CardsRequest {
  db: string;
  lang: ReportLang;
  year?: number;
  modelFile?: string;
  generatedAt: string;
}

/** Everyone's standing, computed once: rank and percentile overall and in the unit, DUK positions. */
interface Standings {
  ctx: RankContext;
  scored: RankStore;
  fold: AppraisalFold;
  overallRank: Int32Array;
  overallPercentile: Float64Array;
  overallRated: number;
  overallDuk: Int32Array;
  overallDukOf: Int32Array;
  unitRank: Int32Array;
  unitPercentile: Float64Array;
  unitRated: Int32Array;
  unitDuk: Int32Array;
  unitDukOf: Int32Array;
}

/** `members` by DUK jenis group (SPEC §2), in member order. */
function dukGroups(store: RankStore, members: ArrayLike<number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const key = store.dukGroup(i);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [i]);
    else list.push(i);
  }
  return groups;
}

/**
 * Positions (1-based) in DUK order among `members` of the same jenis group (SPEC §2), and each
 * group's size. The grouping loop is a function of its own: called once per unit, a loop with
 * the sorting after it in one function left V8 running the rest of every call unoptimized.
 */
function dukPositions(store: RankStore, members: ArrayLike<number>, position: Int32Array, of: Int32Array): void {
  for (const list of dukGroups(store, members).values()) {
    list.sort((a, b) => store.compareDuk(a, b));
    for (let k = 0; k < list.length; k++) {
      position[list[k]!] = k + 1;
      of[list[k]!] = list.length;
    }
  }
}

function standingsOf(db: Db, dbPath: string, year: number, modelFile: string | undefined): Standings {
  const ctx = rankContext(db, dbPath, { db: dbPath, year, byUnit: false, units: [], ...(modelFile === undefined ? {} : { modelFile }) });
  const { scored, fold } = scorePopulation(db, ctx);
  const n = scored.size;
  const [everyone] = scopesOf(scored, false);
  const overall = rankGroup(everyone!);
  const s: Standings = {
    ctx, scored, fold,
    overallRank: scored.rank.slice(0, n), overallPercentile: scored.percentile.slice(0, n), overallRated: overall.ranked.length,
    overallDuk: new Int32Array(n), overallDukOf: new Int32Array(n),
    unitRank: new Int32Array(n), unitPercentile: new Float64Array(n), unitRated: new Int32Array(n),
    unitDuk: new Int32Array(n), unitDukOf: new Int32Array(n),
  };
  dukPositions(scored, everyone!.members.indices, s.overallDuk, s.overallDukOf);
  for (const scope of scopesOf(scored, true)) {
    const group = rankGroup(scope);
    const rated = group.ranked.length;
    for (const i of scope.members.indices) s.unitRated[i] = rated;
    dukPositions(scored, scope.members.indices, s.unitDuk, s.unitDukOf);
  }
  s.unitRank.set(scored.rank.subarray(0, n));
  s.unitPercentile.set(scored.percentile.subarray(0, n));
  return s;
}

const GAIN_COLUMNS: ReportColumn[] = [text('component', 'component'), num('value'), num('weight'), num('gain'), { key: 'best', type: 'boolean', vocab: 'yesno' }];

/** The component gains of SPEC §12's card: every component, and which raises merit most. */
function gainTable(values: Readonly<Record<ComponentName, number | null>>, weights: Readonly<Record<ComponentName, number>>): { table: ReportTable; best: MeritGain | null } {
  const gains = meritGains(values, weights, COMPONENT_NAMES);
  const best = largestOf(gains);
  return {
    best,
    table: {
      name: 'merit_gain',
      columns: GAIN_COLUMNS,
      rows: gains.map((g) => ({
        component: g.component, value: g.value, weight: g.weight, gain: g.gain, best: best !== null && g.component === best.component,
      })),
    },
  };
}

/** Each component's value of a merit breakdown, in SPEC §3 order. */
function componentValues(merit: MeritResult): Record<ComponentName, number | null> {
  const c = merit.components;
  return {
    kinerja: c.kinerja.value, kompetensi: c.kompetensi.value, pengembangan: c.pengembangan.value, kualifikasi: c.kualifikasi.value, disiplin: c.disiplin.value,
  };
}

type Queries = ReturnType<typeof cardQueries>;

function scoreSections(s: Standings, i: number, record: EmployeeRecordRow, lang: ReportLang, queries: Queries): ReportSection[] {
  const { ctx, scored, fold } = s;
  const appraisals = fold.appraisalsOf(i, record.nip);
  const merit = computeMerit(employeeOf(record, record.level), appraisals, ctx.year, ctx.model, true);
  const box = talentBox(appraisals, ctx.year, ctx.model);
  const rated = scored.isRated(i);
  const standing = (all: boolean): Standing => ({
    // The unit at T the person is ranked in (SPEC §9; one spelling per unit, as in `rank --by unit`).
    scope: { all, unit: all ? null : scored.unit[i]! },
    merit: { merit: merit.merit, coverage: merit.coverage, status: merit.status },
    rank: rated ? (all ? s.overallRank[i]! : s.unitRank[i]!) : null,
    rated: all ? s.overallRated : s.unitRated[i]!,
    percentile: rated ? (all ? s.overallPercentile[i]! : s.unitPercentile[i]!) : null,
    duk: { position: all ? s.overallDuk[i]! : s.unitDuk[i]!, of: all ? s.overallDukOf[i]! : s.unitDukOf[i]! },
  });
  const values = componentValues(merit);
  const gain = gainTable(values, ctx.model.weights);
  return [
    section('scores', [
      ...(merit.status === 'unrated' ? [noteBlock({ id: 'unrated-employee', params: { from: ctx.year - 1, to: ctx.year } })] : []),
      chartBlock({ type: 'components', values }),
      tableBlock(componentsTable(merit)),
      tableBlock(rankingTable(standing(true), standing(false))),
      gain.best === null
        ? noteBlock({ id: 'card-no-gain' })
        : noteBlock({ id: 'card-gain', params: { component: gain.best.component, gain: gain.best.gain.toFixed(2) } }),
      tableBlock(gain.table),
    ]),
    section('talent', [tableBlock(talentTable({ box: { ...box, recommendation: box.box === null ? null : (BOX_RECOMMENDATION[box.box] ?? null) } }, lang))]),
    section('history', [
      tableBlock(appraisalTable({ appraisals: queries.appraisals(record.nip) })),
      tableBlock(promotionTable(queries.promotions(record.nip))),
    ]),
  ];
}

export interface CardsRun {
  /** Employees in service at T: the number of cards. */
  total: number;
  year: number | null;
  /** The cards, made one at a time (the database stays open until the last is taken). */
  cards: Generator<Report>;
}

/** Builds every card; `cards` must be iterated to the end (or `return`ed) to close the database. */
export function buildCards(request: CardsRequest): CardsRun {
  const loaded = loadModel(request.modelFile);
  const db = openDatabase(request.db, 'read');
  try {
    const present = reportDataPresent(db);
    const year = present.employees ? settleYear(db, { ...request, type: 'employee' }) : null;
    const standings = year === null || !present.appraisals ? null : standingsOf(db, request.db, year, request.modelFile);
    const referenceDate = year === null ? null : `${year}-12-31`;
    const total = standings?.scored.size ?? countPopulation(db, []);
    const model = { name: loaded.name, hash: loaded.hash, file: request.modelFile ?? null };
    const database = basename(request.db);
    const empty = standings === null ? 'no-appraisals' as const : null;
    const meta = (r: EmployeeRecordRow): ReportMeta => ({
      type: 'employee', lang: request.lang, year, referenceDate, model, database, generatedAt: request.generatedAt, nip: r.nip, nama: r.nama, empty,
    });
    // SPEC §9: the people in service at T, each as they stood at T.
    const at = referenceDate ?? request.generatedAt.slice(0, 10);
    const state = stateAt(db, at);
    const versions = versionsOf(db, [...state.changed.keys()]);
    // No appraisals: the cursor reads none (year 0).
    const queries = cardQueries(db, standings?.ctx.year ?? 0, at);
    // One NIP → row look-up for the run (built once: building it per card is quadratic).
    const rowOf = standings?.scored.nipIndex() ?? null;
    function* cards(): Generator<Report> {
      try {
        for (const stored of iterateEmployeeRecords(db)) {
          const record = recordAt(stored, state, versions, at);
          if (record === null) continue;
          const sections: ReportSection[] = [section('record', [tableBlock(recordTable(record, referenceDate, request.lang))])];
          const i = rowOf === null ? -1 : rowOf.get(record.nip);
          if (standings !== null && i >= 0) sections.push(...scoreSections(standings, i, record, request.lang, queries));
          else sections.push(section('history', [tableBlock(appraisalTable(null)), tableBlock(promotionTable(queries.promotions(record.nip)))]));
          yield { meta: meta(record), sections };
        }
      } finally {
        queries.close(); // rows of people without a card may be left unread
        db.close();
      }
    }
    return { total, year, cards: cards() };
  } catch (error) {
    db.close();
    throw error;
  }
}
