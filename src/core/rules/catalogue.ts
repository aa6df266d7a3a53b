/**
 * Checks that follow from the catalogue columns alone:
 * C01 required blank, C02 text in a number cell, C03 kind range, C04 breakdown exceeds its
 * whole, C05 a typed constant disagrees with its derived formula, C06 target missed.
 */
import { parseExpr } from '../formula/parse';
import { evaluate, mid, point, satisfiable } from '../formula/interval';
import { readTypedNumber } from '../numbers';
import { clipText, TEXT_LIMITS } from '../text';
import type { Indicator } from '../catalog/schema';
import type { Scalar, CellRef } from '../../workbook/snapshot';
import { derivedFormula } from '../template/formulas';
import type { Suggestion } from '../report/types';
import { figure, figureInterval, finding, fmt, intervalEnv, type RuleContext } from './context';

/** C05's suggestion: the template's formula back, with the number it gives. */
function restoreFormula(ind: Indicator, value: number): Suggestion {
  const formula = derivedFormula(ind);
  return formula ? { value, approx: false, formula } : { value, approx: false };
}

function textFinding(ctx: RuleContext, ind: Indicator, raw: Scalar, which: 'current' | 'previous', cell: CellRef | undefined) {
  if (typeof raw !== 'string' && typeof raw !== 'boolean') return;
  const text = clipText(String(raw), TEXT_LIMITS.quoted);
  const whole = String(raw);
  const read = readTypedNumber(whole.length > TEXT_LIMITS.quoted ? '' : whole, { unit: ind.unit });
  const extra = cell ? { cell } : {};
  if (read.kind === 'number') {
    ctx.push(
      finding(ctx, 'C02', ind.code, read.approx ? 'text-in-number-approx' : 'text-in-number-suggest', { which, text, suggestion: withUnit(ind, fmt(ind, read.value)) }, {
        ...extra,
        suggestion: { value: read.value, approx: read.approx },
      }),
    );
  } else if (read.kind === 'empty-symbol') {
    ctx.push(finding(ctx, 'C02', ind.code, 'empty-symbol', { which, text }, { ...extra, suggestion: { value: null, approx: false } }));
  } else {
    ctx.push(finding(ctx, 'C02', ind.code, 'text-in-number', { which, text }, extra));
  }
}

/** A figure with its unit, as an audit notice writes it: `96.5%`, `115件/10万人`, `24000人次`. */
function withUnit(ind: Indicator, text: string): string {
  return `${text}${ind.unit}`;
}

function rangeFinding(ctx: RuleContext, ind: Indicator, v: number, cell: CellRef | undefined) {
  const extra = cell ? { cell } : {};
  const value = String(v);
  if (v < 0) ctx.push(finding(ctx, 'C03', ind.code, 'negative', { value }, extra));
  else if (ind.kind === 'count' && !Number.isInteger(v)) ctx.push(finding(ctx, 'C03', ind.code, 'not-whole', { value }, extra));
  else if (ind.kind === 'percent' && v > 100) ctx.push(finding(ctx, 'C03', ind.code, 'percent-range', { value }, extra));
}

/** The cover's header: its names must be there (C00) and the reporting unit filled in (C01). */
function headerChecks(ctx: RuleContext): void {
  const first = ctx.catalog.indicators[0]?.code ?? '';
  const field: Record<string, 'unit' | 'period' | 'template'> = { RPT_UNIT: 'unit', RPT_PERIOD: 'period', RPT_TEMPLATE: 'template' };
  for (const name of ctx.model.missingHeader ?? []) {
    ctx.push({ ...finding(ctx, 'C00', first, 'header-name-missing', { nameCode: name, field: field[name] ?? 'unit' }), code: name, form: '' });
  }
  const unitCell = ctx.model.headerCells?.unit;
  if (unitCell && ctx.model.unit.trim() === '') {
    ctx.push({ ...finding(ctx, 'C01', first, 'header-blank', { field: 'unit' }, { cell: unitCell }), code: 'RPT_UNIT', form: '' });
  }
}

export const catalogueChecks = (ctx: RuleContext): void => {
  const env = intervalEnv(ctx);
  headerChecks(ctx);
  for (const ind of ctx.catalog.indicators) {
    const fig = figure(ctx, ind.code);
    if (!fig.cell) continue;
    // C02: text typed into a number cell, this period and last.
    textFinding(ctx, ind, fig.currentRaw, 'current', fig.cell);
    textFinding(ctx, ind, fig.previousRaw, 'previous', fig.prevCell);
    // C07: an Excel error value; C08: a cell inside a merged range. Either explains a blank.
    if (fig.currentError !== undefined) ctx.push(finding(ctx, 'C07', ind.code, 'error-value', { which: 'current', error: fig.currentError }, { cell: fig.cell }));
    if (fig.previousError !== undefined && fig.prevCell) ctx.push(finding(ctx, 'C07', ind.code, 'error-value', { which: 'previous', error: fig.previousError }, { cell: fig.prevCell }));
    if (fig.currentMerged !== undefined) ctx.push(finding(ctx, 'C08', ind.code, 'in-merge', { which: 'current', range: fig.currentMerged }, { cell: fig.cell }));
    if (fig.previousMerged !== undefined && fig.prevCell) ctx.push(finding(ctx, 'C08', ind.code, 'in-merge', { which: 'previous', range: fig.previousMerged }, { cell: fig.prevCell }));
    // C01: required and blank (a derived cell counts as filled when its formula can be computed).
    const value = ctx.values.get(ind.code) ?? null;
    const explainedBlank = fig.currentError !== undefined || fig.currentMerged !== undefined;
    if (ind.required && !explainedBlank && fig.currentRaw === null && value === null && !(ind.formula && fig.currentIsFormula)) {
      ctx.push(finding(ctx, 'C01', ind.code, 'required-blank', {}));
    }
    // C03: kind ranges.
    if (fig.current !== null) rangeFinding(ctx, ind, fig.current, fig.cell);
    if (fig.previous !== null) rangeFinding(ctx, ind, fig.previous, fig.prevCell);
    // C04: a breakdown item may not exceed its whole.
    if (ind.partOf && fig.current !== null) {
      const whole = ctx.values.get(ind.partOf) ?? null;
      const wholeInd = ctx.catalog.byCode.get(ind.partOf);
      if (whole !== null && wholeInd && !satisfiable(figureInterval(ind, fig.current), '<=', figureInterval(wholeInd, whole))) {
        ctx.push(finding(ctx, 'C04', ind.code, 'part-exceeds', { value: fmt(ind, fig.current), wholeCode: ind.partOf, whole: fmt(wholeInd, whole) }));
      }
    }
    // C05: a constant typed over a derived cell must agree with the formula within rounding.
    if (ind.formula && !fig.currentIsFormula && fig.current !== null) {
      const parsed = parseExpr(ind.formula);
      if (parsed.ok) {
        const expected = evaluate(parsed.value, env);
        if (expected && !satisfiable(figureInterval(ind, fig.current), '=', expected)) {
          ctx.push(
            finding(ctx, 'C05', ind.code, 'derived-mismatch', {
              value: fmt(ind, fig.current),
              formulaExpr: ind.formula,
              expected: fmt(ind, mid(expected)),
            }, { suggestion: restoreFormula(ind, Number(fmt(ind, mid(expected)))) }),
          );
        }
      }
    }
    // C06: targets from the work plan; a flow target applies pro rata in a half-year report.
    if (ind.target && value !== null) {
      const share = ind.flow ? ctx.template.flowTargetShare : 1;
      const target = ind.target.value * share;
      if (!satisfiable(figureInterval(ind, value), ind.target.op, point(target))) {
        const op = ind.target.op === '=' ? 'target-equal' : ind.target.op === '>=' ? 'target-at-least' : 'target-at-most';
        ctx.push(finding(ctx, 'C06', ind.code, 'target-missed', { value: withUnit(ind, fmt(ind, value)), op, target: withUnit(ind, fmt(ind, target)) }));
      }
    }
  }
};
