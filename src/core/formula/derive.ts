/**
 * A derived indicator's value from its inputs, as its template formula computes it: exact
 * arithmetic, and null when an input is blank or a divisor is 0 (rules.md: then the derived
 * value is blank). The checker, the recalculation of cached results and the summary all
 * take derived values from here. Formulas are parsed once.
 */
import type { Expr } from './ast';
import { evaluate, mid, point } from './interval';
import { parseExpr } from './parse';

const parsed = new Map<string, Expr | null>();

function expr(formula: string): Expr | null {
  let e = parsed.get(formula);
  if (e === undefined) {
    const p = parseExpr(formula);
    e = p.ok ? p.value : null;
    parsed.set(formula, e);
  }
  return e;
}

export function deriveValue(formula: string, value: (code: string) => number | null): number | null {
  const e = expr(formula);
  if (!e) return null;
  const got = evaluate(e, (code) => {
    const v = value(code);
    return v === null ? null : point(v);
  });
  return got ? mid(got) : null;
}
