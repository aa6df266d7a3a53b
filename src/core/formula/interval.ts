/**
 * Interval arithmetic for the tolerance of rules.md: a figure v shown with d decimals
 * stands for [v − ½·10^−d, v + ½·10^−d]; a check holds when some choice of values inside
 * those intervals satisfies it. Counts have zero width.
 */
import type { Comparison, Expr } from './ast';

export interface Interval {
  lo: number;
  hi: number;
}

/** Floating-point slack: binary fractions must not turn 24.385 into a failure. */
const SLACK = 1e-12;
const slack = (x: number) => SLACK * Math.max(1, Math.abs(x));

export function point(v: number): Interval {
  return { lo: v, hi: v };
}

/** The interval a figure shown with `decimals` decimals stands for. */
export function rounded(v: number, decimals: number): Interval {
  const h = 0.5 * 10 ** -decimals;
  return { lo: v - h, hi: v + h };
}

function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

/** How a code is looked up: an interval, or null when the cell is blank. */
export type Env = (code: string) => Interval | null;

/**
 * Evaluates an expression; null when an input is blank or a divisor may be zero
 * (a derived value is then blank, which is not an error).
 */
export function evaluate(e: Expr, env: Env): Interval | null {
  switch (e.t) {
    case 'num':
      return point(e.value);
    case 'ref':
      return env(e.code);
    case 'neg': {
      const v = evaluate(e.e, env);
      return v && { lo: -v.hi, hi: -v.lo };
    }
    case 'bin': {
      const l = evaluate(e.l, env);
      const r = evaluate(e.r, env);
      if (!l || !r) return null;
      switch (e.op) {
        case '+':
          return { lo: l.lo + r.lo, hi: l.hi + r.hi };
        case '-':
          return { lo: l.lo - r.hi, hi: l.hi - r.lo };
        case '*':
          return mul(l, r);
        case '/':
          if (r.lo <= 0 && r.hi >= 0) return null;
          return mul(l, { lo: 1 / r.hi, hi: 1 / r.lo });
      }
    }
  }
}

/** Whether some choice of values in the intervals satisfies `a op b`. */
export function satisfiable(a: Interval, op: Comparison['op'], b: Interval): boolean {
  const s = slack(Math.max(Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi)));
  switch (op) {
    case '=':
      return a.lo <= b.hi + s && b.lo <= a.hi + s;
    case '<=':
      return a.lo <= b.hi + s;
    case '<':
      return a.lo < b.hi + s;
    case '>=':
      return a.hi + s >= b.lo;
    case '>':
      return a.hi + s > b.lo;
  }
}

export interface CheckOutcome {
  /** null when an input is blank: the check is not evaluated. */
  holds: boolean | null;
  lhs: Interval | null;
  rhs: Interval | null;
}

export function check(c: Comparison, env: Env): CheckOutcome {
  const lhs = evaluate(c.lhs, env);
  const rhs = evaluate(c.rhs, env);
  if (!lhs || !rhs) return { holds: null, lhs, rhs };
  return { holds: satisfiable(lhs, c.op, rhs), lhs, rhs };
}

/** The middle of an interval, for messages. */
export function mid(i: Interval): number {
  return (i.lo + i.hi) / 2;
}
