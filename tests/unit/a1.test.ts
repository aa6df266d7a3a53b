/** A1 addresses: one home (src/core/a1.ts), every column, and the edits that use it. */
import fc from 'fast-check';
import { colToIndex, indexToCol, offsetCell, parseCell, toA1 } from '../../src/core/a1';
import { planYoyFormulas } from '../../src/core/edits';
import { template } from '../fakes/sample';

describe('A1 addresses', () => {
  test('columns past Z and up to XFD', () => {
    expect(indexToCol(26)).toBe('Z');
    expect(indexToCol(27)).toBe('AA');
    expect(indexToCol(16384)).toBe('XFD');
    expect(colToIndex('AB')).toBe(28);
    expect(offsetCell('Z9', 0, 2)).toBe('AB9');
    expect(offsetCell('A1', -1, 0)).toBeNull();
  });

  test('column letters and numbers round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 }), (col, row) => {
      expect(colToIndex(indexToCol(col))).toBe(col);
      expect(parseCell(toA1(row, col))).toEqual({ row, col });
    }));
  });

  test('regression: YoY formulas beside a figure moved past column Z land two and three columns right of it', () => {
    const snap = template();
    const at = snap.names.find((n) => n.name === 'LA_CASES');
    if (!at) throw new Error('template lacks LA_CASES');
    at.address = 'Z7';
    const edits = planYoyFormulas(snap).filter((e) => e.sheet === at.sheet && /7$/.test(e.address) && (e.formula ?? '').includes('ISNUMBER(LA_CASES)'));
    expect(edits.map((e) => e.address).sort()).toEqual(['AB7', 'AC7']);
  });
});
