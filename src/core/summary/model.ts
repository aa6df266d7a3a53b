/**
 * The leadership summary (领导参阅) as data: the key indicators with their year-on-year
 * movement, judgement and target status, the largest rises and falls, and what still blocks
 * submission. The sheet plan, the narrative and the Word document all render this one
 * shape, so they cannot disagree about a figure.
 */
import { getCatalog, type Catalog } from '../catalog/catalog';
import type { Indicator, Kind, Target, Template } from '../catalog/schema';
import { point, rounded, satisfiable } from '../formula/interval';
import { deriveValue } from '../formula/derive';
import type { ReportModel, TemplateId } from '../model/types';
import type { Counts, Report, Severity } from '../report/types';
import { formatFinding, indicatorName } from '../i18n/findings';
import { summaryText } from '../i18n/summary';
import { isScopeChange } from './scope';
import type { Locale } from '../i18n/locale';
import { absText, percentPlaces, periodLabel, periodRange, periodWordOf, round1 } from './format';

export type Direction = 'up' | 'down' | 'flat' | 'none';
export type Judgement = 'good' | 'bad' | 'neutral';
export type TargetStatus = 'met' | 'missed' | 'none';

/** How a figure moved against the same period last year. */
export interface Movement {
  /** current − previous; null when either is blank. */
  change: number | null;
  /** Relative change in percent (6.6 = 6.6%); null for percent kinds, a blank or a zero base. */
  yoyPct: number | null;
  /** Percent kinds only: the change in percentage points; null otherwise. */
  changePp: number | null;
  direction: Direction;
  judgement: Judgement;
}

/** The target that applies to this period (a half-year flow target is pro rata). */
export interface AppliedTarget {
  op: Target['op'];
  /** The value this period is held to (annual value × flowTargetShare for a half-year flow). */
  value: number;
  /** The work-plan value as written in the catalogue. */
  annual: number;
  proRata: boolean;
}

export interface KeyIndicator extends Movement {
  code: string;
  form: string;
  name: string;
  unit: string;
  kind: Kind;
  decimals: number;
  better?: 'up' | 'down';
  current: number | null;
  previous: number | null;
  target: AppliedTarget | null;
  /** `none` when the indicator has no target or its figure is blank. */
  targetStatus: TargetStatus;
  /** The 说明, when it says the change is one of statistical scope (口径): not comparable, judged neutral. */
  scopeChange?: string;
}

/** A figure whose change its 说明 explains as a change of statistical scope (口径). */
export interface ScopeChange {
  code: string;
  form: string;
  /** Named by its whole when it is a breakdown item. */
  name: string;
  current: number;
  previous: number;
  explanation: string;
}

/** An indicator of the template with a work-plan target, and whether it was met. */
export interface TargetLine {
  code: string;
  name: string;
  current: number | null;
  target: AppliedTarget;
  status: TargetStatus;
  /** The 说明 typed beside the figure, if any. */
  explanation?: string;
}

/** One of the largest rises or falls among count and amount indicators. */
export interface Mover {
  code: string;
  form: string;
  name: string;
  unit: string;
  current: number;
  previous: number;
  change: number;
  yoyPct: number;
  judgement: Judgement;
}

export interface SummaryFinding {
  rule: string;
  severity: Severity;
  code: string;
  form: string;
  /** The indicator's name in the summary's locale. */
  name: string;
  /** The finding's sentence (formatFinding). */
  message: string;
  /** Where the finding points, as `sheet!A1`, when known. */
  cell?: string;
}

export interface ExplainedWarning extends SummaryFinding {
  explanation: string;
}

export interface Readiness {
  ready: boolean;
  counts: Counts;
  /** Warnings that carry an explanation. */
  explained: number;
  /** Errors plus warnings without an explanation. */
  open: number;
}

export interface SummaryModel {
  locale: Locale;
  unit: string;
  period: string;
  template: TemplateId;
  /** 上半年 / 全年 (the template's `periodWordZh`, or its English word). */
  periodWord: string;
  /** 2025年上半年 / 2025年. */
  periodLabel: string;
  /** 2025年1月1日至6月30日. */
  periodRange: string;
  /** unit + period + 统计数据分析. */
  title: string;
  key: KeyIndicator[];
  /**
   * Largest rises, biggest first (at most MOVERS_TOP). A figure with an open finding (an error
   * or an unexplained warning) or whose change is explained as one of scope is not among them.
   */
  rises: Mover[];
  /** Largest falls, biggest first (at most MOVERS_TOP). */
  falls: Mover[];
  /** Changes explained as changes of statistical scope, in catalogue order. */
  scopeChanges: ScopeChange[];
  /** Every indicator of the template with a target, in catalogue order. */
  targets: TargetLine[];
  /** Errors, then warnings without an explanation, in report order within each. */
  open: SummaryFinding[];
  explained: ExplainedWarning[];
  readiness: Readiness;
}

/** The few notable changes: a work report names three or so each way, not a ranking. */
export const MOVERS_TOP = 3;

export interface SummaryOptions {
  locale?: Locale;
}

function templateOf(catalog: Catalog, id: TemplateId): Template {
  const t = catalog.templateById.get(id);
  if (!t) throw new Error(`unknown template ${id}`);
  return t;
}

/**
 * A figure's current and previous values. A derived cell that holds its formula but no
 * cached result (a workbook written but never calculated) is computed from its inputs, so
 * derived rates are not lost; a derived value is blank when an input is blank or a divisor
 * is zero, as rules.md says.
 */
export function figureValues(model: ReportModel, code: string): { current: number | null; previous: number | null } {
  const fig = model.figures.get(code);
  if (!fig) return { current: null, previous: null };
  let { current, previous } = fig;
  const ind = getCatalog().byCode.get(code);
  const formula = ind?.formula;
  if (ind && formula && fig.currentIsFormula && (current === null || (previous === null && fig.previousRaw === null))) {
    const calc = (which: 'current' | 'previous'): number | null => {
      const v = deriveValue(formula, (c) => model.figures.get(c)?.[which] ?? null);
      return v === null ? null : Number(v.toFixed(ind.decimals));
    };
    if (current === null) current = calc('current');
    if (previous === null && fig.previousRaw === null) previous = calc('previous');
  }
  return { current, previous };
}

/** Direction, change and judgement of one figure (flat = the YoY rate or pp move rounds to 0.0). */
export function movement(ind: Pick<Indicator, 'kind' | 'better' | 'decimals'>, current: number | null, previous: number | null): Movement {
  if (current === null || previous === null) {
    return { change: null, yoyPct: null, changePp: null, direction: 'none', judgement: 'neutral' };
  }
  const change = current - previous;
  let yoyPct: number | null = null;
  let changePp: number | null = null;
  let direction: Direction;
  if (ind.kind === 'percent') {
    changePp = change;
    const flat = absText(change, percentPlaces(ind.decimals, current, previous)) === '0';
    direction = flat ? 'flat' : change > 0 ? 'up' : 'down';
  } else if (previous === 0) {
    direction = current === 0 ? 'flat' : current > 0 ? 'up' : 'down';
  } else {
    yoyPct = (change / Math.abs(previous)) * 100;
    direction = round1(yoyPct) === 0 ? 'flat' : yoyPct > 0 ? 'up' : 'down';
  }
  return { change, yoyPct, changePp, direction, judgement: judge(direction, ind.better) };
}

export function judge(direction: Direction, better: 'up' | 'down' | undefined): Judgement {
  if (!better || (direction !== 'up' && direction !== 'down')) return 'neutral';
  return direction === better ? 'good' : 'bad';
}

/** The target that applies in this template: a flow target is pro rata (rules.md). */
export function appliedTarget(ind: Indicator, template: Template): AppliedTarget | null {
  if (!ind.target) return null;
  const proRata = ind.flow && template.flowTargetShare !== 1;
  const share = proRata ? template.flowTargetShare : 1;
  return { op: ind.target.op, value: ind.target.value * share, annual: ind.target.value, proRata };
}

/** Met when the figure, as the interval its decimals stand for, can satisfy the target. */
export function targetStatus(ind: Indicator, target: AppliedTarget | null, current: number | null): TargetStatus {
  if (!target || current === null) return 'none';
  return satisfiable(rounded(current, ind.decimals), target.op, point(target.value)) ? 'met' : 'missed';
}

/**
 * An indicator's name that stands on its own: a breakdown item names its whole
 * (办理法律援助案件中的刑事案件), since 刑事案件 alone is ambiguous in a list of movers.
 */
export function qualifiedName(code: string, locale: Locale): string {
  const ind = getCatalog().byCode.get(code);
  if (!ind?.partOf) return indicatorName(code, locale);
  return summaryText(locale).qualified(indicatorName(ind.partOf, locale), indicatorName(code, locale));
}

function cellText(cell: { sheet: string; address: string } | undefined): string | undefined {
  return cell ? `${cell.sheet}!${cell.address}` : undefined;
}

export function buildSummary(report: Report, model: ReportModel, options: SummaryOptions = {}): SummaryModel {
  const locale = options.locale ?? 'zh-CN';
  const catalog = getCatalog();
  const template = templateOf(catalog, model.template);
  const unit = (model.unit || report.unit || '').trim();
  const name = (ind: Indicator) => indicatorName(ind.code, locale);

  const scopeOf = (code: string): string | undefined => {
    const text = model.figures.get(code)?.explanation?.trim();
    return text && isScopeChange(text) ? text : undefined;
  };
  const key: KeyIndicator[] = catalog.indicators
    .filter((ind) => ind.key && template.forms.includes(ind.form))
    .map((ind) => {
      const { current, previous } = figureValues(model, ind.code);
      const target = appliedTarget(ind, template);
      const scope = current !== null && previous !== null ? scopeOf(ind.code) : undefined;
      const k: KeyIndicator = {
        code: ind.code,
        form: ind.form,
        name: name(ind),
        unit: ind.unit,
        kind: ind.kind,
        decimals: ind.decimals,
        current,
        previous,
        ...movement(ind, current, previous),
        target,
        targetStatus: targetStatus(ind, target, current),
      };
      if (ind.better) k.better = ind.better;
      if (scope !== undefined) {
        k.scopeChange = scope;
        k.judgement = 'neutral';
      }
      return k;
    });

  const targets: TargetLine[] = [];
  for (const ind of catalog.indicators) {
    if (!template.forms.includes(ind.form)) continue;
    const target = appliedTarget(ind, template);
    if (!target) continue;
    const { current } = figureValues(model, ind.code);
    const line: TargetLine = { code: ind.code, name: name(ind), current, target, status: targetStatus(ind, target, current) };
    const explanation = model.figures.get(ind.code)?.explanation?.trim();
    if (explanation) line.explanation = explanation;
    targets.push(line);
  }

  const explainedText = (f: Report['findings'][number]) => (f.explanation ?? '').trim();
  /** Codes whose figure is not yet to be trusted: an error, or a warning nobody explained. */
  const unsettled = new Set(
    report.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && explainedText(f) === '')).map((f) => f.code),
  );
  const scopeChanges: ScopeChange[] = [];

  const movers: Mover[] = [];
  for (const ind of catalog.indicators) {
    if (ind.kind !== 'count' && ind.kind !== 'amount') continue;
    if (!template.forms.includes(ind.form)) continue;
    const { current, previous } = figureValues(model, ind.code);
    if (current === null || previous === null) continue;
    const minBase = template.overrides[ind.code]?.a1MinBase ?? template.anomaly.a1MinBase;
    if (previous < minBase || previous <= 0) continue;
    const m = movement(ind, current, previous);
    if (m.yoyPct === null || m.change === null || (m.direction !== 'up' && m.direction !== 'down')) continue;
    const scope = scopeOf(ind.code);
    if (scope !== undefined) {
      scopeChanges.push({ code: ind.code, form: ind.form, name: qualifiedName(ind.code, locale), current, previous, explanation: scope });
      continue;
    }
    if (unsettled.has(ind.code)) continue;
    movers.push({
      code: ind.code,
      form: ind.form,
      name: qualifiedName(ind.code, locale),
      unit: ind.unit,
      current,
      previous,
      change: m.change,
      yoyPct: m.yoyPct,
      judgement: m.judgement,
    });
  }
  const rises = movers.filter((m) => m.yoyPct > 0).sort((a, b) => b.yoyPct - a.yoyPct).slice(0, MOVERS_TOP);
  const falls = movers.filter((m) => m.yoyPct < 0).sort((a, b) => a.yoyPct - b.yoyPct).slice(0, MOVERS_TOP);

  const asSummary = (f: Report['findings'][number]): SummaryFinding => {
    const s: SummaryFinding = {
      rule: f.rule,
      severity: f.severity,
      code: f.code,
      form: f.form,
      name: indicatorName(f.code, locale),
      message: formatFinding(f, locale),
    };
    const cell = cellText(f.cell);
    if (cell !== undefined) s.cell = cell;
    return s;
  };
  const errors = report.findings.filter((f) => f.severity === 'error');
  const openWarnings = report.findings.filter((f) => f.severity === 'warning' && explainedText(f) === '');
  const explained = report.findings
    .filter((f) => f.severity === 'warning' && explainedText(f) !== '')
    .map((f) => ({ ...asSummary(f), explanation: explainedText(f) }));
  const open = [...errors, ...openWarnings].map(asSummary);

  const label = periodLabel(model.period, model.template, locale);
  const title = summaryText(locale).title(unit, label);

  return {
    locale,
    unit,
    period: model.period,
    template: model.template,
    periodWord: periodWordOf(template, locale),
    periodLabel: label,
    periodRange: periodRange(model.period, model.template, locale),
    title,
    key,
    rises,
    falls,
    scopeChanges,
    targets,
    open,
    explained,
    readiness: {
      ready: report.ready,
      counts: { ...report.counts },
      explained: report.explained,
      open: open.length,
    },
  };
}
