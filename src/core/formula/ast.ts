/** The rule language: arithmetic over indicator codes, one comparison at the top of a check. */
export type BinaryOp = '+' | '-' | '*' | '/';
export type CompareOp = '=' | '<=' | '>=' | '<' | '>';

export type Expr =
  | { t: 'num'; value: number }
  | { t: 'ref'; code: string }
  | { t: 'neg'; e: Expr }
  | { t: 'bin'; op: BinaryOp; l: Expr; r: Expr };

export interface Comparison {
  lhs: Expr;
  op: CompareOp;
  rhs: Expr;
}

/** Every code an expression mentions, in first-seen order. */
export function refsOf(e: Expr | Comparison, into: string[] = []): string[] {
  if ('lhs' in e) {
    refsOf(e.lhs, into);
    return refsOf(e.rhs, into);
  }
  switch (e.t) {
    case 'num':
      return into;
    case 'ref':
      if (!into.includes(e.code)) into.push(e.code);
      return into;
    case 'neg':
      return refsOf(e.e, into);
    case 'bin':
      refsOf(e.l, into);
      return refsOf(e.r, into);
  }
}

/** The divisors of an expression (a derived value is blank when one of them is 0). */
export function divisorsOf(e: Expr, into: Expr[] = []): Expr[] {
  if (e.t === 'neg') divisorsOf(e.e, into);
  if (e.t === 'bin') {
    divisorsOf(e.l, into);
    divisorsOf(e.r, into);
    if (e.op === '/') into.push(e.r);
  }
  return into;
}
