/** planImport: the value-import CSV contract (plain decimals only as numbers, duplicates, lines). */
import { csvValue, ImportError, planImport } from '../../src/core/template/fill';
import { errorText, type Locale } from '../../src/core';

/** The user's words for an error code (empty when the tables lack it, which fails the assertions). */
const words = (code: string, params: Record<string, string | number>, locale: Locale): string => errorText(code, params, locale) ?? '';
import { AppError } from '../../src/core/errors';
import { parseCsvRecords } from '../../src/core/catalog/csv';
import { findings, template } from '../fakes/sample';
import { applyEdits } from '../fakes/plan-snapshot';

const snap = template();
const cellOf = (name: string) => {
  const n = snap.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return { sheet: n.sheet, address: n.address };
};
const valueOf = (csv: string, name: string) => {
  const at = cellOf(name);
  return planImport(csv, snap).find((e) => e.sheet === at.sheet && e.address === at.address)?.value;
};
const thrown = (f: () => unknown): ImportError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no ImportError thrown');
};

describe('values: only a plain decimal is a number', () => {
  test.each([
    ['1985', 1985],
    ['-12', -12],
    ['275.00', 275],
    ['24.83', 24.83],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
  ])('%j is the number %p', (field, n) => {
    expect(csvValue(field)).toBe(n);
    expect(Object.is(csvValue(field), -0)).toBe(false);
  });

  test.each(['4060 ', ' 4060', '712\u00a0', '+1', '1,985', '1e3', '.5', '5.', '1985件', '１９８５', '0x10', '约2.4万', 'Infinity', '-', '1.2.3', '\t12'])(
    '%j stays text, unchanged',
    (field) => {
      expect(csvValue(field)).toBe(field);
    },
  );

  test('a trailing space or a no-break space is written as text, and the check flags it', () => {
    const csv = 'code,current,previous\nLA_CASES,"4060 ",\nNOT_CASES,"712\u00a0",\n';
    expect(valueOf(csv, 'LA_CASES')).toBe('4060 ');
    expect(valueOf(csv, 'NOT_CASES')).toBe('712\u00a0');
    const flagged = findings(applyEdits(snap, planImport(csv, snap))).filter((f) => f.code === 'LA_CASES' || f.code === 'NOT_CASES');
    expect(flagged.map((f) => [f.rule, f.severity, f.code, f.suggestion?.value]).sort()).toEqual([
      ['C02', 'error', 'LA_CASES', 4060],
      ['C02', 'error', 'NOT_CASES', 712],
    ]);
  });

  test('an empty field leaves the cell alone; an explanation is text as given', () => {
    const csv = 'code,current,previous,explanation\nLA_CASES,12,, 受疫情影响 \n';
    const edits = planImport(csv, snap);
    const prev = cellOf('LA_CASES_PREV');
    expect(edits.some((e) => e.sheet === prev.sheet && e.address === prev.address)).toBe(false);
    expect(valueOf(csv, 'LA_CASES_NOTE')).toBe(' 受疫情影响 ');
    expect(valueOf('code,current,previous,explanation\nLA_CASES,,,007\n', 'LA_CASES_NOTE')).toBe('007');
  });
});

describe('errors are AppErrors with a code, the line and a table text', () => {
  test('the same code twice names both lines', () => {
    const e = thrown(() => planImport('code,current,previous\nLA_CASES,1,2\nNOT_CASES,3,4\nla_cases ,5,6\n', snap));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('import-duplicate-code');
    expect(e.params).toEqual({ line: 4, first: 2, code: 'LA_CASES' });
    expect(e.line).toBe(4);
    expect(words(e.code, e.params, 'zh-CN')).toBe('导入文件第 2 行和第 4 行是同一指标 LA_CASES，请只保留一行');
  });

  test('an unknown code names its line, counting blank lines and lines inside a quoted field', () => {
    const e = thrown(() => planImport('code,current,previous,explanation\n\nLA_CASES,1,2,"两行\n说明"\nLA_CASEZ,3,4\n', snap));
    expect([e.code, e.params]).toEqual(['import-unknown-code', { line: 5, code: 'LA_CASEZ' }]);
    expect(words(e.code, e.params, 'en-US')).toContain('line 5');
  });

  test('a wrong header is line 1', () => {
    const e = thrown(() => planImport('kode,current,previous\nLA_CASES,1,2\n', snap));
    expect([e.code, e.params]).toEqual(['import-header', { line: 1 }]);
  });

  test('a workbook without the cell is named', () => {
    const partial = { ...snap, names: snap.names.filter((n) => n.name !== 'LA_CASES_PREV') };
    const e = thrown(() => planImport('code,current,previous\nLA_CASES,1,2\n', partial));
    expect([e.code, e.params]).toEqual(['import-no-cell', { line: 2, name: 'LA_CASES_PREV' }]);
  });

  test('every code has a zh-CN and an en-US line, and every placeholder is filled', () => {
    const params = { line: 3, first: 2, code: 'X', name: 'X_PREV' };
    for (const code of ['import-header', 'import-unknown-code', 'import-duplicate-code', 'import-no-cell']) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = words(code, params, locale);
        expect([code, locale, /\{\w+\}|\n/.test(text)]).toEqual([code, locale, false]);
      }
    }
  });
});

describe('parseCsvRecords', () => {
  test('records carry the line they start on', () => {
    const r = parseCsvRecords('\ufeffa,b\r\n\r\n"x\r\ny",z\n"q""",\nlast');
    expect(r).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\r\ny', 'z'] },
      { line: 5, cells: ['q"', ''] },
      { line: 6, cells: ['last'] },
    ]);
  });
});
