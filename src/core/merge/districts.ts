/**
 * Adding checked district reports into a city total (issue 13). Each input carries its model,
 * the report checkModel gave it, and a file label for messages. The totals follow the
 * aggregation table (aggregation.data.ts): summed, recomputed from the summed parts, or shown
 * as the districts' range with the cell left blank. Nothing is dropped for having errors: the
 * merge goes on, and the total says which districts' figures are unverified.
 *
 * Cost: one pass over the districts per indicator plus one over each report's findings:
 * O(indicators × districts + findings), linear in the number of districts.
 */
import { getCatalog, type Catalog } from '../catalog/catalog';
import { currentValues } from '../check';
import { AppError } from '../errors';
import { refsOf } from '../formula/ast';
import { deriveValue } from '../formula/derive';
import { parseExpr } from '../formula/parse';
import type { Locale } from '../i18n/locale';
import type { ReportModel } from '../model/types';
import { formatNumber } from '../numbers/format';
import type { Report } from '../report/types';
import { clipText, TEXT_LIMITS } from '../text';
import { getAggregation, type AggregationMethod, type Aggregation } from './aggregation';
import { DISTRICT_RULES, type DistrictFinding } from './messages';
import { DISTRICT_TEXT } from './text';

export interface DistrictInput {
  /** The file the report came from, as the user named it (for messages). */
  file: string;
  model: ReportModel;
  /** checkModel(model). */
  report: Report;
}

export interface DistrictFigures {
  file: string;
  /** The unit's name, or the file label when the cover leaves it blank. */
  unit: string;
  current: ReadonlyMap<string, number | null>;
  previous: ReadonlyMap<string, number | null>;
  /** Error count of its report (0 = passed). */
  errors: number;
}

export interface MergedFigure {
  code: string;
  method: AggregationMethod;
  /** The total: the sum, the recomputed value, or null for `range` (the cell stays blank). */
  current: number | null;
  previous: number | null;
  /** Districts with a current figure. */
  reported: number;
  /** `range`: the districts' lowest and highest current figure. */
  range?: { lo: number; hi: number };
  /** Districts (by unit) whose figure for this indicator, or one it is computed from, has an error. */
  unverified: string[];
  /** Districts (by unit) that left the current figure blank, when some others filled it. */
  unreported: string[];
}

export interface MergedDistricts {
  template: ReportModel['template'];
  period: string;
  districts: DistrictFigures[];
  figures: MergedFigure[];
  byCode: ReadonlyMap<string, MergedFigure>;
  /** The total's 说明 by code: the caveats, then the districts' own explanations by unit. */
  explanations: Map<string, string>;
  /** Districts whose report has errors, in input order. */
  withErrors: { file: string; unit: string; errors: number }[];
  /** D03 findings for the total: a district's error on an indicator (district × indicator). */
  findings: DistrictFinding[];
}

export interface MergeOptions {
  catalog?: Catalog;
  aggregation?: Aggregation;
  locale?: Locale;
}

/** The unit's name as a key (blank → the file label). */
export function unitOf(input: { file: string; model: ReportModel }): string {
  return input.model.unit.trim() || input.file;
}

/**
 * Refuses inputs that cannot be added: none at all, mixed templates or periods, or one unit
 * given twice (AppError naming both files). Shared by mergeDistricts and reconcile.
 */
export function assertMergeable(inputs: readonly { file: string; model: ReportModel }[]): void {
  const first = inputs[0];
  if (!first) throw new AppError('merge-empty');
  const seen = new Map<string, string>();
  for (const d of inputs) {
    if (d.model.template !== first.model.template)
      throw new AppError('merge-mixed-template', { fileA: first.file, fileB: d.file, templateA: first.model.template, templateB: d.model.template });
    if (d.model.period !== first.model.period)
      throw new AppError('merge-mixed-period', { fileA: first.file, fileB: d.file, periodA: first.model.period, periodB: d.model.period });
    const unit = d.model.unit.trim();
    if (!unit) continue;
    const other = seen.get(unit);
    if (other !== undefined) throw new AppError('merge-duplicate-unit', { unit, fileA: other, fileB: d.file });
    seen.set(unit, d.file);
  }
}

const refsCache = new Map<string, string[]>();
function formulaRefs(formula: string): string[] {
  let r = refsCache.get(formula);
  if (!r) {
    const p = parseExpr(formula);
    r = p.ok ? refsOf(p.value) : [];
    refsCache.set(formula, r);
  }
  return r;
}

function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** The figures of one district as the merge reads them (derived cells recalculated). */
export function districtFigures(d: DistrictInput, catalog: Catalog): DistrictFigures {
  const previous = new Map<string, number | null>();
  for (const [code, fig] of d.model.figures) previous.set(code, fig.previous);
  return { file: d.file, unit: unitOf(d), current: currentValues(d.model, catalog), previous, errors: d.report.counts.error };
}

/**
 * Totals by method: sums first, then derived values from the summed parts (in dependency
 * order, memoised), `range` indicators null.
 */
export function totalsOf(
  districts: readonly { current: ReadonlyMap<string, number | null>; previous: ReadonlyMap<string, number | null> }[],
  which: 'current' | 'previous',
  catalog: Catalog,
  aggregation: Aggregation,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const ind of catalog.indicators) {
    if (aggregation.methodOf(ind.code) !== 'sum') continue;
    let sum = 0;
    let any = false;
    for (const d of districts) {
      const v = d[which].get(ind.code) ?? null;
      if (v === null) continue;
      sum += v;
      any = true;
    }
    out.set(ind.code, any ? roundTo(sum, ind.decimals) : null);
  }
  const visiting = new Set<string>();
  const value = (code: string): number | null => {
    if (out.has(code)) return out.get(code) ?? null;
    const ind = catalog.byCode.get(code);
    if (!ind || aggregation.methodOf(code) !== 'derived' || !ind.formula || visiting.has(code)) return null;
    visiting.add(code);
    const v = deriveValue(ind.formula, value);
    visiting.delete(code);
    out.set(code, v);
    return v;
  };
  for (const ind of catalog.indicators) if (!out.has(ind.code)) out.set(ind.code, value(ind.code));
  return out;
}

export function mergeDistricts(inputs: readonly DistrictInput[], options: MergeOptions = {}): MergedDistricts {
  const catalog = options.catalog ?? getCatalog();
  const aggregation = options.aggregation ?? getAggregation(catalog);
  const t = DISTRICT_TEXT[options.locale ?? 'zh-CN'];
  assertMergeable(inputs);
  const first = inputs[0] as DistrictInput;
  const districts = inputs.map((d) => districtFigures(d, catalog));

  // Each district's error findings by indicator code: code → unit → rule ids.
  const errorsByCode = new Map<string, Map<string, Set<string>>>();
  inputs.forEach((d, i) => {
    const unit = (districts[i] as DistrictFigures).unit;
    for (const f of d.report.findings) {
      if (f.severity !== 'error' || !f.code) continue;
      const byUnit = errorsByCode.get(f.code) ?? new Map<string, Set<string>>();
      const rules = byUnit.get(unit) ?? new Set<string>();
      rules.add(f.rule);
      byUnit.set(unit, rules);
      errorsByCode.set(f.code, byUnit);
    }
  });

  const cur = totalsOf(districts, 'current', catalog, aggregation);
  const prev = totalsOf(districts, 'previous', catalog, aggregation);
  const figures: MergedFigure[] = [];
  const explanations = new Map<string, string>();
  const findings: DistrictFinding[] = [];
  for (const ind of catalog.indicators) {
    const method = aggregation.methodOf(ind.code);
    const fig: MergedFigure = { code: ind.code, method, current: cur.get(ind.code) ?? null, previous: prev.get(ind.code) ?? null, reported: 0, unverified: [], unreported: [] };
    let lo = Infinity;
    let hi = -Infinity;
    for (const d of districts) {
      const v = d.current.get(ind.code) ?? null;
      if (v === null) {
        fig.unreported.push(d.unit);
        continue;
      }
      fig.reported++;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (fig.reported === 0) fig.unreported = [];
    if (method === 'range' && fig.reported > 0) fig.range = { lo, hi };

    const watched = [ind.code, ...(method === 'derived' && ind.formula ? formulaRefs(ind.formula) : [])];
    const unverified = new Set<string>();
    for (const code of watched) for (const unit of errorsByCode.get(code)?.keys() ?? []) unverified.add(unit);
    // In input order.
    fig.unverified = districts.map((d) => d.unit).filter((u) => unverified.has(u));
    for (const [unit, rules] of errorsByCode.get(ind.code) ?? []) {
      findings.push({
        rule: 'D03',
        severity: DISTRICT_RULES.D03.severity,
        code: ind.code,
        form: ind.form,
        messageId: 'district-unverified',
        params: { unit, rules: [...rules].sort().join(t.list) },
      });
    }

    const parts: string[] = [];
    if (fig.unverified.length) parts.push(t.unverified(fig.unverified.join(t.list)));
    if (fig.unreported.length && method !== 'derived') parts.push(t.unreported(fig.unreported.join(t.list)));
    if (fig.range) {
      const a = formatNumber(fig.range.lo, ind.decimals);
      const b = formatNumber(fig.range.hi, ind.decimals);
      parts.push(fig.reported === 1 ? t.rangeOne(a) : t.range(a, b));
      // A required percent left blank is a C01 error of the total: say what to do about it.
      if (ind.required) parts.push(t.fillOwn);
    }
    inputs.forEach((d, i) => {
      const text = d.model.figures.get(ind.code)?.explanation?.trim();
      if (text) parts.push(t.unitNote((districts[i] as DistrictFigures).unit, clipText(text, TEXT_LIMITS.explanation)));
    });
    if (parts.length) explanations.set(ind.code, clipText(parts.join(t.sep), TEXT_LIMITS.cell));
    figures.push(fig);
  }
  return {
    template: first.model.template,
    period: first.model.period,
    districts,
    figures,
    byCode: new Map(figures.map((f) => [f.code, f])),
    explanations,
    withErrors: districts.filter((d) => d.errors > 0).map((d) => ({ file: d.file, unit: d.unit, errors: d.errors })),
    findings,
  };
}
