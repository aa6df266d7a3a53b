import fc from 'fast-check';
import { parseComparison, parseExpr, refsOf, divisorsOf, evaluate, check, rounded, point, satisfiable, toExcel, type Interval } from '../../src/core/formula';

const env = (values: Record<string, Interval | null>) => (code: string) => values[code] ?? null;

describe('parsing the rule language', () => {
  test('precedence and associativity', () => {
    const p = parseExpr('A - B - C * D / E');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const r = evaluate(p.value, env({ A: point(10), B: point(3), C: point(4), D: point(6), E: point(8) }));
    expect(r).toEqual(point(10 - 3 - (4 * 6) / 8));
  });

  test('parentheses, unary minus and the codes it mentions', () => {
    const p = parseExpr('CC_REOFFEND / (CC_START + CC_NEW) * 100');
    expect(p.ok && refsOf(p.value)).toEqual(['CC_REOFFEND', 'CC_START', 'CC_NEW']);
    expect(p.ok && divisorsOf(p.value).map((d) => toExcel(d))).toEqual(['CC_START+CC_NEW']);
    const n = parseExpr('-(A - B)');
    expect(n.ok && evaluate(n.value, env({ A: point(1), B: point(4) }))).toEqual(point(3));
  });

  test.each([
    ['A +', 'unexpected end of formula', 3],
    ['A + * B', "unexpected '*'", 4],
    ['(A + B', "expected ')'", 6],
    ['A & B', "unexpected character '&'", 2],
    ['a + B', "unexpected character 'a'", 0],
  ])('a malformed expression %s is a value, not a throw', (src, message, at) => {
    const p = parseExpr(src);
    expect(p).toEqual({ ok: false, message, at });
  });

  test('a comparison needs an operator', () => {
    expect(parseComparison('A + B').ok).toBe(false);
    const c = parseComparison('A + B <= C');
    expect(c.ok && c.value.op).toBe('<=');
  });

  test('toExcel keeps meaning with minimal parentheses', () => {
    for (const src of ['A / B * 10', 'A / (B * 10)', 'A - (B - C)', 'A - B + C', '(A + B) * C']) {
      const p = parseExpr(src);
      if (!p.ok) throw new Error(src);
      const again = parseExpr(toExcel(p.value));
      const vals = env({ A: point(7), B: point(3), C: point(2) });
      expect(again.ok && evaluate(again.value, vals)).toEqual(evaluate(p.value, vals));
    }
  });
});

describe('interval tolerance (rules.md)', () => {
  const cmp = (src: string, values: Record<string, Interval>) => {
    const c = parseComparison(src);
    if (!c.ok) throw new Error(c.message);
    return check(c.value, env(values)).holds;
  };

  test('24.38 agrees with 247/1013 (24.3830…)', () => {
    expect(cmp('RATE = SETTLED / CLOSED * 100', { RATE: rounded(24.38, 2), SETTLED: point(247), CLOSED: point(1013) })).toBe(true);
  });

  test('24.39 and 24.37 do not', () => {
    expect(cmp('RATE = SETTLED / CLOSED * 100', { RATE: rounded(24.39, 2), SETTLED: point(247), CLOSED: point(1013) })).toBe(false);
    expect(cmp('RATE = SETTLED / CLOSED * 100', { RATE: rounded(24.37, 2), SETTLED: point(247), CLOSED: point(1013) })).toBe(false);
  });

  test('a sum of rounded parts may differ from the rounded total by the rounding of its terms, but not more', () => {
    // 3 parts of one decimal: up to 3 × 0.05 + 0.05 = 0.2 apart.
    const parts = { A: rounded(1.1, 1), B: rounded(2.2, 1), C: rounded(3.3, 1) };
    expect(cmp('A + B + C = T', { ...parts, T: rounded(6.8, 1) })).toBe(true);
    expect(cmp('A + B + C = T', { ...parts, T: rounded(6.4, 1) })).toBe(true);
    expect(cmp('A + B + C = T', { ...parts, T: rounded(6.9, 1) })).toBe(false);
    expect(cmp('A + B + C = T', { ...parts, T: rounded(6.3, 1) })).toBe(false);
  });

  test('counts are exact: zero width', () => {
    expect(rounded(1985, 0)).toEqual({ lo: 1984.5, hi: 1985.5 });
    expect(cmp('A + B + C = T', { A: point(1100), B: point(820), C: point(65), T: point(1985) })).toBe(true);
    expect(cmp('A + B + C = T', { A: point(1100), B: point(820), C: point(56), T: point(1985) })).toBe(false);
  });

  test('a blank input or a zero divisor leaves the check unevaluated', () => {
    const c = parseComparison('R = A / B');
    if (!c.ok) throw new Error();
    expect(check(c.value, env({ R: point(1), A: point(1) })).holds).toBeNull();
    expect(check(c.value, env({ R: point(1), A: point(1), B: point(0) })).holds).toBeNull();
  });

  test('property: a ratio rounded to d decimals always agrees with its counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 4 }), (a, b, d) => {
        const exact = (a / b) * 100;
        const shown = Math.round(exact * 10 ** d) / 10 ** d;
        return satisfiable(rounded(shown, d), '=', evaluate({ t: 'bin', op: '*', l: { t: 'bin', op: '/', l: { t: 'num', value: a }, r: { t: 'num', value: b } }, r: { t: 'num', value: 100 } }, () => null) as Interval);
      }),
    );
  });

  test('property: off by one unit in the last decimal (beyond the rounding) is caught', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 3 }), (a, b, d) => {
        const exact = (a / b) * 100;
        const off = Math.round(exact * 10 ** d) / 10 ** d + 2 * 10 ** -d;
        return !satisfiable(rounded(off, d), '=', point(exact));
      }),
    );
  });
});
