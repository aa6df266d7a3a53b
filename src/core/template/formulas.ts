/**
 * The Excel formulas a template writes, built from the catalogue: derived cells (blank when
 * an input is blank or a divisor is 0, as rules.md says) and the YoY columns. Written over
 * defined names so the sheet reads like the catalogue: =IF(...,LA_CASES/BASE_POP*10).
 */
import { divisorsOf, refsOf, type Expr } from '../formula/ast';
import { toExcel } from '../formula/excel';
import { parseExpr } from '../formula/parse';
import type { Indicator } from '../catalog/schema';
import { PREV_SUFFIX } from './layout';

export function derivedFormula(ind: Indicator, previous = false): string | undefined {
  if (!ind.formula) return undefined;
  const parsed = parseExpr(ind.formula);
  if (!parsed.ok) return undefined;
  const name = (c: string) => (previous ? c + PREV_SUFFIX : c);
  const expr: Expr = parsed.value;
  const refs = refsOf(expr).map(name);
  const body = toExcel(expr, name);
  const divisors = divisorsOf(expr).map((d) => `${toExcel(d, name)}=0`);
  const guarded = divisors.length ? `IF(${divisors.length > 1 ? `OR(${divisors.join(',')})` : divisors[0]},"",${body})` : body;
  return `IF(COUNT(${refs.join(',')})<${refs.length},"",${guarded})`;
}

/** 增减量: this period minus last year (blank unless both are numbers). */
export function changeFormula(code: string): string {
  const prev = code + PREV_SUFFIX;
  return `IF(AND(ISNUMBER(${code}),ISNUMBER(${prev})),${code}-${prev},"")`;
}

/** 同比(%): relative change; blank when last year is 0 or either is blank. Not for percents. */
export function yoyFormula(code: string): string {
  const prev = code + PREV_SUFFIX;
  return `IF(AND(ISNUMBER(${code}),ISNUMBER(${prev})),IF(${prev}=0,"",(${code}-${prev})/${prev}*100),"")`;
}

export function isChangeFormula(f: string, code: string): boolean {
  return f.replace(/\s/g, '').toUpperCase() === changeFormula(code);
}

export function isYoyFormula(f: string, code: string): boolean {
  return f.replace(/\s/g, '').toUpperCase() === yoyFormula(code);
}

/** What those formulas give, for the cached result a file carries. */
export function changeValue(cur: number | null, prev: number | null): number | '' {
  return cur === null || prev === null ? '' : round(cur - prev);
}

export function yoyValue(cur: number | null, prev: number | null): number | '' {
  return cur === null || prev === null || prev === 0 ? '' : round(((cur - prev) / prev) * 100);
}

/** Trims binary noise (0.1+0.2) without changing any figure a person would see. */
export function round(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
