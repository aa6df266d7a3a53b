/**
 * What every rule family sees: the catalogue, the template in force, the located report,
 * and a way to look figures up as intervals. A family is a function that pushes findings.
 */
import type { Catalog } from '../catalog/catalog';
import type { AnomalyThresholds, Indicator, Template } from '../catalog/schema';
import { point, rounded, type Interval } from '../formula/interval';
import { formatNumber } from '../numbers';
import type { Figure, ReportModel } from '../model/types';
import type { Finding, ParamValue, Skipped } from '../report/types';
import type { MessageId } from '../i18n/findings';
import { RULES, type RuleId } from './registry';
import { PREV_SUFFIX } from '../template/layout';

export interface RuleContext {
  catalog: Catalog;
  template: Template;
  model: ReportModel;
  /** The other report of the same unit and year (for R08), when given. */
  reference?: ReportModel;
  /** Current values by code, with derived values taken from their formulas. */
  values: ReadonlyMap<string, number | null>;
  push(f: Finding): void;
  skip(s: Skipped): void;
}

export type RuleFamily = (ctx: RuleContext) => void;

export function figure(ctx: RuleContext, code: string): Figure {
  return ctx.model.figures.get(code) as Figure;
}

/** Thresholds for one indicator: the template's, with its per-indicator overrides. */
export function thresholds(ctx: RuleContext, code: string): AnomalyThresholds {
  const own = ctx.template.overrides[code] ?? {};
  const out = { ...ctx.template.anomaly };
  for (const [k, v] of Object.entries(own)) if (typeof v === 'number') out[k as keyof AnomalyThresholds] = v;
  return out;
}

/** `CODE` → this period, `CODE_PREV` → last year, as the interval the figure stands for. */
export function intervalEnv(ctx: RuleContext) {
  return (code: string): Interval | null => {
    const prev = code.endsWith(PREV_SUFFIX);
    const base = prev ? code.slice(0, -PREV_SUFFIX.length) : code;
    const ind = ctx.catalog.byCode.get(base);
    if (!ind) return null;
    const v = prev ? figure(ctx, base).previous : (ctx.values.get(base) ?? null);
    return v === null ? null : figureInterval(ind, v);
  };
}

/** The interval a figure stands for: counts are exact whole numbers, the rest are rounded. */
export function figureInterval(ind: Indicator, v: number): Interval {
  return ind.kind === 'count' ? point(v) : rounded(v, ind.decimals);
}

export function fmt(ind: Indicator | undefined, v: number): string {
  return formatNumber(v, ind ? Math.max(ind.decimals, 0) : 2);
}

/** A finding on an indicator's current cell (or the cell given); its severity is the registry's. */
export function finding(
  ctx: RuleContext,
  rule: RuleId,
  code: string,
  messageId: MessageId,
  params: Record<string, ParamValue>,
  extra: Partial<Pick<Finding, 'cell' | 'suggestion'>> = {},
): Finding {
  const ind = ctx.catalog.byCode.get(code);
  const fig = ctx.model.figures.get(code);
  const f: Finding = { rule, severity: RULES[rule].severity, code, form: ind?.form ?? '', messageId, params };
  const cell = extra.cell ?? fig?.cell;
  if (cell) f.cell = cell;
  if (extra.suggestion) f.suggestion = extra.suggestion;
  return f;
}
