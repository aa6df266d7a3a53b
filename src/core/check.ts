/**
 * The engine: snapshot in, report out. Checking never changes a figure; it only reads the
 * located model, runs every rule family and counts what they found.
 */
import { getCatalog, type Catalog } from './catalog/catalog';
import { deriveValue } from './formula/derive';
import { locate } from './model/locate';
import type { ReportModel } from './model/types';
import { severityRank, type Finding, type Report, type Skipped } from './report/types';
import { RULE_FAMILIES } from './rules';
import { RULES } from './rules/registry';
import type { RuleContext } from './rules/context';
import type { WorkbookSnapshot } from '../workbook/snapshot';

export interface CheckOptions {
  /** The other report of the same unit and year (R08). */
  reference?: WorkbookSnapshot | ReportModel;
}

export interface CheckResult {
  report: Report;
  model: ReportModel;
}

/**
 * Current values by code. A derived cell that still holds its formula is taken from the
 * formula (a cached result may be stale in a file no spreadsheet has recalculated); a typed
 * constant is taken as typed and judged by C05.
 */
export function currentValues(model: ReportModel, catalog: Catalog): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const [code, fig] of model.figures) values.set(code, fig.current);
  for (const ind of catalog.indicators) {
    const fig = model.figures.get(ind.code);
    if (!ind.formula || !fig?.currentIsFormula) continue;
    const got = deriveValue(ind.formula, (c) => values.get(c) ?? null);
    if (got !== null || fig.current === null) values.set(ind.code, got);
  }
  return values;
}


function isModel(x: WorkbookSnapshot | ReportModel): x is ReportModel {
  return 'figures' in x;
}

export function checkModel(model: ReportModel, options: CheckOptions = {}): Report {
  const catalog = getCatalog();
  const template = catalog.templateById.get(model.template) ?? (catalog.templates[0] as NonNullable<ReturnType<typeof catalog.templateById.get>>);
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const ctx: RuleContext = {
    catalog,
    template,
    model,
    values: currentValues(model, catalog),
    push: (f) => findings.push(f),
    skip: (s) => skipped.push(s),
  };
  if (options.reference) ctx.reference = isModel(options.reference) ? options.reference : locate(options.reference);
  for (const family of RULE_FAMILIES) family(ctx);

  for (const code of model.missing) {
    const ind = catalog.byCode.get(code);
    findings.push({ rule: 'C00', severity: RULES.C00.severity, code, form: ind?.form ?? '', messageId: 'name-missing', params: { nameCode: code } });
  }

  // A warning is explained when its indicator's 说明 cell has text.
  for (const f of findings) {
    const explanation = model.figures.get(f.code)?.explanation;
    if (f.severity === 'warning' && explanation) f.explanation = explanation;
  }
  const position = new Map(catalog.indicators.map((ind, i) => [ind.code, i]));
  findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.form.localeCompare(b.form) ||
      (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const explained = findings.filter((f) => f.severity === 'warning' && f.explanation).length;
  const report: Report = {
    ready: counts.error === 0 && explained === counts.warning,
    counts,
    explained,
    findings,
    skipped,
    template: model.template,
    unit: model.unit,
    period: model.period,
  };
  return report;
}

/** Locates the report in a snapshot and checks it. Throws NotATemplateError for a non-report. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const model = locate(snapshot);
  return { report: checkModel(model, options), model };
}
