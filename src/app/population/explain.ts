/**
 * `asn rank --explain NIP` use case (SPEC §3–4, STYLE "Scores come with their reasons"): one
 * employee's merit with every component's inputs, rule, weight and contribution; rank and
 * percentile in the scope; DUK position; box and why — enough to recompute the score by hand.
 */
import { BOX_RECOMMENDATION, type TalentBoxResult } from '../../domain/talent-box.js';
import { compareDuk, type DukKey } from '../../domain/duk.js';
import type { MeritResult } from '../../domain/merit.js';
import type { Employee, JenisGroup } from '../../domain/types.js';
import { openDatabase } from '../../db/open.js';
import { appraisalDetails, unitOfEmployee, type AppraisalDetail } from '../../db/queries/merit-inputs.js';
import { UsageError } from '../../shared/errors.js';
import { rankContext, rankGroup, scopesOf, scorePopulation, type ModelInfo, type RankRequest, type RankRow } from './scoring.js';

export interface ExplainResult {
  model: ModelInfo;
  year: number;
  referenceDate: string;
  /** The scope the rank is in: everyone (within `units` when given), or the employee's unit with `--by unit`. */
  scope: { all: boolean; unit: string | null; units: string[] };
  levelsRederived: boolean;
  employee: Employee & { golongan: string | null };
  merit: MeritResult;
  /** Rank among the rated of the scope; null when unrated. */
  rank: number | null;
  /** How many are rated in the scope (n of the percentile). */
  rated: number;
  percentile: number | null;
  /** Others in the scope with the same merit (at 6 decimals), in rank order: DUK decided between them. */
  tiedWith: Array<{ nip: string; nama: string; rank: number; decidedBy: DukStep | null }>;
  /** Position in the DUK order at T among the scope's employees of the same jenis group (SPEC §2). */
  duk: { position: number; of: number; group: JenisGroup | null; key: DukKey };
  box: TalentBoxResult & { recommendation: { id: string; en: string } | null };
  /** The stored appraisals of years ≤ Y with their raw performance values. */
  appraisals: AppraisalDetail[];
}

/** The first DUK step (SPEC §2 order) where two keys differ: the step that ordered them, with both values. */
export interface DukStep {
  step: keyof DukKey;
  mine: string | number | null;
  theirs: string | number | null;
}

/** SPEC §2 DUK steps in comparator order (compareDuk); nip last. */
const DUK_STEPS: ReadonlyArray<keyof DukKey> = [
  'group', 'golonganCode', 'tmtGolongan', 'level', 'serviceMonths', 'educationRank', 'tahunLulus', 'tglLahir', 'nip',
];

/**
 * Which DUK step decided between `mine` and `theirs`: compareDuk returns at the first step whose
 * values differ (equal values, or both missing, pass to the next step), so that step decided.
 */
export function dukDecidingStep(mine: DukKey, theirs: DukKey): DukStep | null {
  for (const step of DUK_STEPS) {
    if (mine[step] !== theirs[step]) return { step, mine: mine[step], theirs: theirs[step] };
  }
  return null;
}

/** The NIP must be stored, and inside the `--unit` population when one is given (else exit 2). */
function checkNip(unit: string | null | undefined, nip: string, units: readonly string[]): void {
  if (unit === undefined) {
    throw new UsageError(`no employee with NIP ${nip}`, 'find the NIP by name: asn rank --all --format csv | grep NAME');
  }
  if (units.length > 0 && (unit === null || !units.includes(unit))) {
    throw new UsageError(
      `employee ${nip} works in ${unit === null ? 'no recorded unit' : `"${unit}"`}, outside the --unit selection`,
      'drop --unit, or add the employee\'s unit',
    );
  }
}

/** DUK position (1-based) among `members` of the same jenis group, and the group size. */
function dukPosition(members: Iterable<RankRow>, me: RankRow): { position: number; of: number } {
  let position = 1;
  let of = 0;
  for (const other of members) {
    if (other.duk.group !== me.duk.group) continue;
    of += 1;
    if (other.nip !== me.nip && compareDuk(other.duk, me.duk) < 0) position += 1;
  }
  return { position, of };
}

export function explainEmployee(request: RankRequest & { nip: string }): ExplainResult {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = rankContext(db, request.db, request);
    checkNip(unitOfEmployee(db, request.nip), request.nip, ctx.units);
    const { scored, focus } = scorePopulation(db, ctx, request.nip);
    const meIndex = scored.indexOf(request.nip);
    const me = meIndex < 0 ? undefined : scored.row(meIndex);
    if (focus === null || me === undefined) throw new Error(`employee ${request.nip} vanished during the ranking pass`);
    const scope = scopesOf(scored, request.byUnit).find((s) => s.all || s.unit === me.unit);
    if (scope === undefined) throw new Error(`no scope holds employee ${request.nip}`);
    const group = rankGroup(scope);
    const mine = group.ranked.find((r) => r.nip === me.nip);
    const tiedWith = mine === undefined
      ? []
      : group.ranked
        .filter((r) => r.nip !== me.nip && r.meritKey === mine.meritKey)
        .map((r) => ({ nip: r.nip, nama: r.nama, rank: r.rank ?? 0, decidedBy: dukDecidingStep(me.duk, r.duk) }));
    const { box } = focus;
    return {
      model: ctx.modelInfo,
      year: ctx.year,
      referenceDate: ctx.referenceDate,
      scope: { all: scope.all, unit: scope.unit, units: ctx.units },
      levelsRederived: ctx.levels !== null,
      employee: { ...focus.employee, golongan: me.golongan },
      merit: focus.merit,
      rank: mine?.rank ?? null,
      rated: group.ranked.length,
      percentile: mine?.percentile ?? null,
      tiedWith,
      duk: { ...dukPosition(scope.members, me), group: me.duk.group, key: me.duk },
      box: { ...box, recommendation: box.box === null ? null : (BOX_RECOMMENDATION[box.box] ?? null) },
      appraisals: appraisalDetails(db, request.nip, ctx.year),
    };
  } finally {
    db.close();
  }
}
