/**
 * `asn report` use case (SPEC §6): opens the database read-only, settles Y, and builds the
 * requested report type as a typed `Report` (meta + sections). Never prints. An empty database
 * gives a short report that says what to import; a year without appraisals is a usage error
 * (exit 2) that lists the years there are, as in `asn rank`.
 */
import { basename } from 'node:path';
import { defaultModel, loadModel } from '../../model/load.js';
import { openDatabase, type Db } from '../../db/open.js';
import { appraisalYearsPresent } from '../../db/queries/merit-inputs.js';
import {
  appraisalsWithoutPredikat, employeeNames, employeeRecord, lastImportPerFile, promotionsOf, reportDataPresent,
} from '../../db/queries/report.js';
import { UsageError } from '../../shared/errors.js';
import type { AuditResult } from '../audit/audit.js';
import { levelsChanged } from '../population/inputs.js';
import { auditCharts, auditEventsTable, auditNips, auditPoolsTable, auditSummaryTable, runAudit } from './audit-data.js';
import { dukSections } from './duk.js';
import { employeeSections } from './employee.js';
import { recordAtDate } from './record-at.js';
import { countedDifferencesAt, gatherFigures, type DifferencesAt } from './figures.js';
import { rankingPass, type RankingPass } from './ranking-pass.js';
import { compactStateAt, type CompactStateAt } from '../history/state.js';
// calibration (SPEC §10)
import { calibrationSection } from './calibration.js';
import { auditSection, competenceSection, headcountSection, meritSection, performanceSection, qualitySection } from './summary.js';
import { noteBlock, section, tableBlock } from './table-helpers.js';
import type { Report, ReportMeta, ReportRequest, ReportSection } from './types.js';
import { unitSections } from './unit.js';
// candidates (SPEC §11)
import { candidatesSections } from './candidates.js';
// openness and fairness (SPEC §12, issue 16)
import { fairnessCounter, type FairnessCounter, type FairnessResult } from '../fairness/fairness.js';
import { fairnessSection } from './fairness-section.js';
import { calibrationVerdicts } from './public-calibration.js';
import { publicSections } from './public.js';

/** How many recent files the data-quality section lists (the latest import of each). */
const IMPORTS_LISTED = 10;

/**
 * Y (SPEC §2): `--year`, else the latest tahun in the appraisals; null when there are none (the
 * report then asks for them). The DUK needs no appraisal and takes any --year: without
 * appraisals it is drawn up at the end of the year the report is made.
 */
export function settleYear(db: Db, request: ReportRequest): number | null {
  const years = appraisalYearsPresent(db);
  const reportYear = Number(request.generatedAt.slice(0, 4));
  if (years.length === 0) return request.type === 'duk' ? (request.year ?? reportYear) : null;
  if (request.year === undefined) return years[years.length - 1] ?? null;
  if (request.type === 'duk' || years.includes(request.year)) return request.year;
  throw new UsageError(
    `no appraisals for year ${request.year}`,
    `years with appraisals: ${years.join(', ')}; e.g. asn report --year ${years[years.length - 1] ?? ''}`,
  );
}

function auditOrNull(request: ReportRequest, promotions: boolean, keepPools = true): AuditResult | null {
  return promotions ? runAudit(request.db, request.modelFile, keepPools) : null;
}

export function buildReport(request: ReportRequest): Report {
  const loaded = loadModel(request.modelFile);
  const db = openDatabase(request.db, 'read');
  try {
    const present = reportDataPresent(db);
    const meta: ReportMeta = {
      type: request.type,
      lang: request.lang,
      year: null,
      referenceDate: null,
      model: { name: loaded.name, hash: loaded.hash, file: request.modelFile ?? null },
      database: basename(request.db),
      generatedAt: request.generatedAt,
      nip: request.nip ?? null,
      nama: null,
      empty: null,
    };
    if (!present.employees) {
      return { meta: { ...meta, empty: 'no-employees' }, sections: [section('empty', [noteBlock({ id: 'no-employees' })])] };
    }
    // candidates (SPEC §11): Y is year(D) − 1, set by the candidate list itself.
    if (request.type === 'candidates') return { meta, sections: candidatesSections(request, meta) };
    const year = settleYear(db, request);
    meta.year = year;
    meta.referenceDate = year === null ? null : `${year}-12-31`;
    if (!present.appraisals && request.type !== 'duk') meta.empty = 'no-appraisals';
    const sections = buildSections(db, request, meta, present.promotions, loaded);
    if (meta.empty === 'no-appraisals') sections.unshift(section('empty', [noteBlock({ id: 'no-appraisals' })]));
    return { meta, sections };
  } finally {
    db.close();
  }
}

type LoadedModel = ReturnType<typeof loadModel>;

function buildSections(db: Db, request: ReportRequest, meta: ReportMeta, promotions: boolean, loaded: LoadedModel): ReportSection[] {
  const { year } = meta;
  switch (request.type) {
    case 'duk': {
      const levels = levelsChanged(loaded.model, defaultModel()) ? loaded.model.levels : null;
      return dukSections(db, meta.referenceDate ?? `${String(year)}-12-31`, loaded.model, levels);
    }
    case 'employee': {
      const nip = request.nip ?? '';
      const stored = employeeRecord(db, nip);
      if (stored === undefined) {
        throw new UsageError(`no employee with NIP ${nip}`, 'find the NIP by name: asn rank --all --format csv | grep NAME');
      }
      // SPEC §9, §12: the card of year Y shows the person's record as they stood at T, as the cards
      // of --all do; its promotions and audit findings stay whole (each is dated and judged at its own D).
      const at = meta.referenceDate ?? request.generatedAt.slice(0, 10);
      const record = recordAtDate(db, stored, at);
      if (record === null) {
        throw new UsageError(`${nip} (${stored.nama}) was not in service on ${at}`, 'pick a year in which they were: --year Y; asn history NIP shows their dates');
      }
      meta.nama = record.nama;
      return employeeSections({
        dbPath: request.db, record, promotions: promotionsOf(db, nip), year, referenceDate: meta.referenceDate,
        modelFile: request.modelFile, lang: request.lang, audit: auditOrNull(request, promotions),
      });
    }
    case 'audit':
      return auditReportSections(db, auditOrNull(request, promotions), request.lang);
    case 'summary':
    case 'unit':
      return overviewSections(db, request, year, promotions, loaded);
    // candidates (SPEC §11): built before Y is settled (buildReport)
    case 'candidates':
      return [];
    // openness (SPEC §12, issue 16)
    case 'public':
      return publicReportSections(db, request, year, promotions, loaded);
  }
}

/**
 * What the summary, unit and public reports count of the people in service at T (SPEC §9): the
 * ranking pass and figures, and for the summary and public reports the fairness sb measure and the
 * calibration. The people who differ at T are read once for all of them and let go, with the
 * scored population, when this returns: the audit that follows runs without them in memory.
 */
interface CountedAtT {
  figures: ReturnType<typeof gatherFigures>;
  pass: Pick<RankingPass, 'top' | 'unitBest'> | null;
  /** The fairness counter with the sb measure of Y counted (summary, public); the audit adds its events. */
  counter: FairnessCounter | null;
  calibration: ReportSection | null;
  verdicts: ReturnType<typeof calibrationVerdicts>;
}

function countAtT(db: Db, request: ReportRequest, year: number | null, loaded: LoadedModel): CountedAtT {
  // SPEC §9: the state at T is read once, for the differences and the ranking pass.
  const atT = year === null ? null : compactStateAt(db, `${year}-12-31`);
  const differences = atT === null ? [] : countedDifferencesAt(db, `${year}-12-31`, atT);
  const { figures, pass } = rankedFigures(db, request, year, loaded, differences, atT);
  const counted: CountedAtT = { figures, pass, counter: null, calibration: null, verdicts: null };
  if (request.type === 'unit') return counted;
  counted.counter = fairnessCounter(db, false);
  if (year !== null) counted.counter.addPredikat(db, year, differences);
  // calibration (SPEC §10): in the summary only, never on an employee's card (SPEC §12)
  if (request.type === 'summary' && year !== null && pass !== null) counted.calibration = calibrationSection(request.db, year, differences);
  if (request.type === 'public') counted.verdicts = calibrationVerdicts(request.db, year, differences);
  return counted;
}

/**
 * The audit with `asn audit` defaults, every audited event's candidates counted for fairness as
 * it goes (no pool is kept), added to the counter that holds the sb measure of Y (SPEC §12).
 */
function auditWithFairness(request: ReportRequest, promotions: boolean, counter: FairnessCounter): { audit: AuditResult | null; fairness: FairnessResult } {
  const audit = promotions ? runAudit(request.db, request.modelFile, false, counter.visit) : null;
  return { audit, fairness: counter.result() };
}

/** `--type public` (SPEC §12): the figures of the summary, suppressed for publication. */
function publicReportSections(db: Db, request: ReportRequest, year: number | null, promotions: boolean, loaded: LoadedModel): ReportSection[] {
  const { figures, counter, verdicts } = countAtT(db, request, year, loaded);
  const { audit, fairness } = auditWithFairness(request, promotions, counter!);
  return publicSections({ figures, year, audit, fairness, k: loaded.model.publication.suppressionK, calibration: verdicts });
}

/**
 * The ranking pass and the figures drawn from it. Only the top 10 and each unit's best are kept:
 * the scored population (millions of rows at national scale) is let go before the audit runs.
 */
function rankedFigures(db: Db, request: ReportRequest, year: number | null, loaded: LoadedModel, differences: DifferencesAt, atT: CompactStateAt | null): {
  figures: ReturnType<typeof gatherFigures>;
  pass: Pick<RankingPass, 'top' | 'unitBest'> | null;
} {
  const pass = year === null ? null : rankingPass(db, request.db, year, request.modelFile, 10, atT ?? undefined);
  const figures = gatherFigures(db, year, pass, loaded.model, differences);
  return { figures, pass: pass === null ? null : { top: pass.top, unitBest: pass.unitBest } };
}

function overviewSections(db: Db, request: ReportRequest, year: number | null, promotions: boolean, loaded: LoadedModel): ReportSection[] {
  const counted = countAtT(db, request, year, loaded);
  if (request.type === 'summary') return summarySections(db, request, year, promotions, loaded, counted);
  const { figures, pass } = counted;
  const audit = auditOrNull(request, promotions, false);
  return unitSections({ figures, year, model: loaded.model, best: pass?.unitBest ?? new Map(), overallBest: pass?.top[0] ?? null, audit });
}

function summarySections(db: Db, request: ReportRequest, year: number | null, promotions: boolean, loaded: LoadedModel, counted: CountedAtT): ReportSection[] {
  const { figures, pass } = counted;
  const { audit, fairness } = auditWithFairness(request, promotions, counted.counter!);
  const imports = lastImportPerFile(db, IMPORTS_LISTED);
  const sections = [headcountSection(figures)];
  if (year !== null && pass !== null) {
    sections.push(
      performanceSection(figures, year, request.lang, loaded.model),
      competenceSection(figures, year, loaded.model),
      meritSection(figures, pass.top),
    );
  }
  sections.push(auditSection(audit, 'audit_summary', request.lang));
  if (counted.calibration !== null) sections.push(counted.calibration);
  sections.push(qualitySection(figures, imports, year === null ? null : appraisalsWithoutPredikat(db, year), pass !== null));
  // fairness (SPEC §12, issue 16): last, after the sections every summary had before it
  sections.push(fairnessSection(fairness));
  return sections;
}

function auditReportSections(db: Db, audit: AuditResult | null, lang: ReportRequest['lang']): ReportSection[] {
  if (audit === null) return [section('audit', [noteBlock({ id: 'no-promotions' })])];
  return [
    section('audit', [
      noteBlock({ id: 'audit-settings', params: { events: audit.events.length, margin: audit.settings.margin } }),
      tableBlock(auditSummaryTable(audit, 'audit_summary', true)),
      ...auditCharts(audit),
    ]),
    section('audit-events', [tableBlock(auditEventsTable(audit, lang))]),
    section('audit-pools', [tableBlock(auditPoolsTable(audit, employeeNames(db, auditNips(audit))))]),
  ];
}
