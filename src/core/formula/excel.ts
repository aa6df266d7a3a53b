/** Writes a rule-language expression as Excel formula text over defined names. */
import type { Expr } from './ast';

const PREC: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

export function toExcel(e: Expr, name: (code: string) => string = (c) => c): string {
  const go = (x: Expr, parent: number, right: boolean): string => {
    switch (x.t) {
      case 'num':
        return String(x.value);
      case 'ref':
        return name(x.code);
      case 'neg':
        return `-${go(x.e, 3, false)}`;
      case 'bin': {
        const p = PREC[x.op] as number;
        const s = `${go(x.l, p, false)}${x.op}${go(x.r, p, true)}`;
        return p < parent || (right && p === parent) ? `(${s})` : s;
      }
    }
  };
  return go(e, 0, false);
}
