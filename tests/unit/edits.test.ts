/**
 * The core's edit plans that the loop relies on: undo (what an edit overwrote, put back) and
 * the period a person types in the template form.
 */
import fc from 'fast-check';
import { planUndo, readPeriodInput, periodBefore } from '../../src/core';
import type { CellEdit } from '../../src/core';
import type { Scalar, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { applyEdits } from '../fakes/plan-snapshot';

const ADDRESSES = ['A1', 'B2', 'E9', 'E10', 'AA100'];
const scalar: fc.Arbitrary<Scalar> = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.string({ maxLength: 8 }), fc.constant(null));
const cell = fc.oneof(
  scalar.filter((v) => v !== null).map((v) => ({ v })),
  fc.tuple(scalar, fc.constantFrom('SUM(A1:A3)', 'IF(X="","",X/Y*100)')).map(([v, f]) => ({ v, f })),
);
const snapshot: fc.Arbitrary<WorkbookSnapshot> = fc
  .dictionary(fc.constantFrom(...ADDRESSES), cell, { maxKeys: ADDRESSES.length })
  .map((cells) => ({ names: [], sheets: [{ name: 'JS05 法治政府建设', cells }] }));
const edit: fc.Arbitrary<CellEdit> = fc.tuple(fc.constantFrom(...ADDRESSES), fc.oneof(scalar.map((value) => ({ value })), fc.constant({ formula: 'A1*2', result: 4 }))).map(([address, e]) => ({ sheet: 'JS05 法治政府建设', address, ...e }));

describe('planUndo', () => {
  test('applying edits, then their undo, gives back the snapshot (any cells, any edits, repeated cells too)', () => {
    fc.assert(
      fc.property(snapshot, fc.array(edit, { maxLength: 8 }), (before, edits) => {
        const after = applyEdits(before, edits);
        const back = applyEdits(after, planUndo(before, edits));
        expect(back.sheets[0]?.cells).toEqual(before.sheets[0]?.cells);
      }),
    );
  });

  test('a formula comes back as a formula with its cached result, a blank as a blank', () => {
    const before: WorkbookSnapshot = { names: [], sheets: [{ name: 'S', cells: { E10: { v: 24.38, f: 'AR_SETTLED/AR_CLOSED*100' } } }] };
    expect(planUndo(before, [{ sheet: 'S', address: 'E10', value: 24.83 }, { sheet: 'S', address: 'E11', value: 1 }])).toEqual([
      { sheet: 'S', address: 'E10', formula: 'AR_SETTLED/AR_CLOSED*100', result: 24.38 },
      { sheet: 'S', address: 'E11', value: null },
    ]);
  });
});

describe('the period typed in the template form', () => {
  test.each([
    ['annual', '2025', '2025'],
    ['annual', ' 2025年 ', '2025'],
    ['annual', '2025年报', '2025'],
    ['annual', '2025H1', '2025H1'], // refused by the caller: an annual report has no half
    ['half-year', '2025', '2025H1'],
    ['half-year', '2025h1', '2025H1'],
    ['half-year', '2025年上半年', '2025H1'],
    ['half-year', '2025 H1', '2025H1'],
    ['half-year', '', ''],
    ['annual', '二〇二五', '二〇二五'],
  ] as const)('%s: %j → %j', (template, typed, period) => {
    expect(readPeriodInput(template, typed)).toBe(period);
  });

  test('the period one year earlier keeps the half', () => {
    expect([periodBefore('2025'), periodBefore('2025H1')]).toEqual(['2024', '2024H1']);
  });
});
