/**
 * Parses rule-language text once into an AST. Problems are returned as values
 * ({ ok: false, message, at }) so a malformed rule becomes a finding, not a crash.
 */
import type { BinaryOp, Comparison, CompareOp, Expr } from './ast';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; at: number };

interface Token {
  kind: 'num' | 'ref' | 'op' | '(' | ')' | 'cmp' | 'end';
  text: string;
  at: number;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Z][A-Z0-9_]*)|(<=|>=|=|<|>)|([-+*/])|([()]))/y;

class ParseError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) {
      const at = pos + (src.slice(pos).length - src.slice(pos).trimStart().length);
      throw new ParseError(`unexpected character '${src[at] ?? ''}'`, at);
    }
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1], at });
    else if (m[2] !== undefined) out.push({ kind: 'ref', text: m[2], at });
    else if (m[3] !== undefined) out.push({ kind: 'cmp', text: m[3], at });
    else if (m[4] !== undefined) out.push({ kind: 'op', text: m[4], at });
    else out.push({ kind: m[5] as '(' | ')', text: m[5] as string, at });
    pos = TOKEN.lastIndex;
  }
  out.push({ kind: 'end', text: '', at: src.length });
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    return this.tokens[this.i++] as Token;
  }

  expr(): Expr {
    let left = this.term();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = { t: 'bin', op: t.text as BinaryOp, l: left, r: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      left = { t: 'bin', op: t.text as BinaryOp, l: left, r: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.next();
      return { t: 'neg', e: this.unary() };
    }
    return this.atom();
  }

  private atom(): Expr {
    const t = this.next();
    if (t.kind === 'num') return { t: 'num', value: Number(t.text) };
    if (t.kind === 'ref') return { t: 'ref', code: t.text };
    if (t.kind === '(') {
      const e = this.expr();
      const close = this.next();
      if (close.kind !== ')') throw new ParseError(`expected ')'`, close.at);
      return e;
    }
    throw new ParseError(t.kind === 'end' ? 'unexpected end of formula' : `unexpected '${t.text}'`, t.at);
  }

  comparison(): Comparison {
    const lhs = this.expr();
    const op = this.next();
    if (op.kind !== 'cmp') throw new ParseError(op.kind === 'end' ? 'expected a comparison (=, <=, >=)' : `unexpected '${op.text}'`, op.at);
    const rhs = this.expr();
    return { lhs, op: op.text as CompareOp, rhs };
  }

  end(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw new ParseError(`unexpected '${t.text}'`, t.at);
  }
}

function run<T>(src: string, f: (p: Parser) => T): Parsed<T> {
  try {
    const p = new Parser(tokenize(src));
    const value = f(p);
    p.end();
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message, at: e.at };
    throw e;
  }
}

/** An arithmetic expression: `LA_CASES / BASE_POP * 10`. */
export function parseExpr(src: string): Parsed<Expr> {
  return run(src, (p) => p.expr());
}

/** A check: `A + B + C = TOTAL`, `X <= Y`. */
export function parseComparison(src: string): Parsed<Comparison> {
  return run(src, (p) => p.comparison());
}
