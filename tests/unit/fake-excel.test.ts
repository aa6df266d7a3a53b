/**
 * The fake must be as strict as Excel, or host tests prove nothing. These tests pin down
 * the strictness itself: unloaded reads throw, writes wait for sync, versions gate APIs.
 */
import { createFakeExcel, installFakeOffice, FakeOfficeError } from '../fakes/fake-excel';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

const seed: WorkbookSnapshot = {
  sheets: [
    {
      name: 'JS01 法律援助',
      cells: {
        A1: { v: '法律援助工作情况' },
        E4: { v: 120 },
        E5: { v: 40 },
        E6: { v: 160, f: 'E4+E5' },
        E7: { v: null, f: 'E4/0', error: '#DIV/0!' },
      },
    },
    { name: 'Sheet2', cells: { B2: { v: true } } },
  ],
  names: [{ name: 'LA_CASES', sheet: 'JS01 法律援助', address: 'E4' }],
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

describe('fake Excel strictness', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded, before and after sync', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('JS01 法律援助');
      const r = ws.getRange('E4');
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => ws.isNullObject).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([[120]]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(ws.isNullObject).toBe(false);
    });
  });

  test('a write is applied only at sync; loads see the workbook at their place in the queue', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('JS01 法律援助').getRange('E4');
      const before = ctx.workbook.worksheets.getItem('JS01 法律援助').getRange('E4').load('values');
      r.values = [[999]];
      expect(fake.cell('JS01 法律援助', 'E4')?.value).toBe(120);
      r.load('values');
      await ctx.sync();
      expect(before.values).toEqual([[120]]);
      expect(r.values).toEqual([[999]]);
      expect(fake.cell('JS01 法律援助', 'E4')?.value).toBe(999);
    });
  });

  test('loaded values stay as of the loading sync until loaded again', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet2').getRange('B2').load('values');
      await ctx.sync();
      fake.setCell('Sheet2', 'B2', 5);
      expect(r.values).toEqual([[true]]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
    });
  });

  test('counts every sync and estimates its payload', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['x'.repeat(10000)]];
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.payloads).toHaveLength(2);
    expect(fake.payloads[0]).toBe(0);
    expect(fake.payloads[1]).toBeGreaterThan(10000);
  });

  test('pending work at the end of Excel.run is synced (and counted), like Excel does', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').getRange('C3').values = [[1]];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.cell('Sheet2', 'C3')?.value).toBe(1);
  });

  test('an object of a finished Excel.run cannot queue work', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    let leaked: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem('Sheet2').getRange('A1');
      await ctx.sync();
    });
    expect(() => {
      (leaked as Excel.Range).values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });

  test('an older Excel lacks later APIs and says so in isSetSupported', async () => {
    const fake = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: '1.7' } });
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(fake.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(fake.isSetSupported('WordApi', '1.1')).toBe(false);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet2');
      expect(ws.notes).toBeUndefined();
      expect(ctx.workbook.notes).toBeUndefined();
      expect(ctx.workbook.comments).toBeUndefined();
      expect(ws.pageLayout).toBeUndefined();
      expect(ws.getRange('A1').dataValidation).toBeUndefined();
      expect(() => (ws.showGridlines = false)).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(ws.freezePanes).toBeDefined();
      await ctx.sync();
    });
    const older = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: '1.4' } });
    await older.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getFirst()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').conditionalFormats).toBeUndefined();
      await ctx.sync();
    });
    // NamedItem.formula is ExcelApi 1.7: loading it on 1.4 fails the sync.
    expect(
      await codeOf(older.run(async (ctx) => {
        ctx.workbook.names.load('items/formula');
        await ctx.sync();
      })),
    ).toBe('ApiNotFound');
  });

  test('cell-edit mode refuses the next N syncs and applies nothing', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.enterCellEditMode(2);
    const write = () =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [[7]];
        await ctx.sync();
      });
    expect(await codeOf(write())).toBe('InvalidOperationInCellEditMode');
    expect(fake.cell('Sheet2', 'A1')).toBeUndefined();
    expect(await codeOf(write())).toBe('InvalidOperationInCellEditMode');
    expect(await codeOf(write())).toBe('no error');
    expect(fake.cell('Sheet2', 'A1')?.value).toBe(7);
    expect(fake.syncCount).toBe(3);
    expect(fake.rejectedSyncs).toBe(2);
  });

  test('a request over the payload limit is refused as Excel on the web does', async () => {
    const fake = createFakeExcel({ snapshot: seed, payloadLimit: 50_000 });
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['长'.repeat(20_000)]];
      await ctx.sync();
    }));
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.cell('Sheet2', 'A1')).toBeUndefined();
  });

  test('null objects: isNullObject after sync; a call on a null object is a no-op', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('问题清单');
      missing.delete();
      const present = ctx.workbook.worksheets.getItemOrNullObject('sheet2'); // case-insensitive
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    expect(fake.sheetNames()).toEqual(['JS01 法律援助', 'Sheet2']);
  });

  test('getItem of a missing sheet fails the sync; work queued before it stays applied', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').getRange('D4').values = [[1]];
      ctx.workbook.worksheets.getItem('不存在').getRange('A1').values = [[2]];
      await ctx.sync();
    }));
    expect(code).toBe('ItemNotFound');
    expect(fake.cell('Sheet2', 'D4')?.value).toBe(1);
  });

  test('writes are parsed like typed input: formulas, numbers, apostrophe text, text format', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.setNumberFormat('Sheet2', 'A5', '@');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet2');
      ws.getRange('A1:A5').values = [['=1+2'], ['1,985'], ["'=cmd|' /C calc'!A0"], ['50%'], ['=SUM(A1)']];
      await ctx.sync();
    });
    expect(fake.cell('Sheet2', 'A1')).toMatchObject({ formula: '1+2', value: null });
    expect(fake.cell('Sheet2', 'A2')?.value).toBe(1985);
    expect(fake.cell('Sheet2', 'A3')).toMatchObject({ value: "=cmd|' /C calc'!A0", quotePrefix: true });
    expect(fake.cell('Sheet2', 'A3')?.formula).toBeUndefined();
    expect(fake.cell('Sheet2', 'A4')?.value).toBe(0.5);
    expect(fake.cell('Sheet2', 'A5')).toMatchObject({ value: '=SUM(A1)' });
    expect(fake.cell('Sheet2', 'A5')?.formula).toBeUndefined();
  });

  test('an array that does not match the range size is refused', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').getRange('A1:B2').values = [[1, 2]];
      await ctx.sync();
    }));
    expect(code).toBe('InvalidArgument');
  });

  test('a cell holds one note or comment; a second one is refused', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.addNote('Sheet2', 'B2', '用户的批注');
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').notes?.add('B2', '另一条');
      await ctx.sync();
    }));
    expect(code).toBe('InvalidOperation');
    expect(fake.notes('Sheet2')).toEqual([{ address: 'B2', content: '用户的批注', author: '张三' }]);
  });

  test('seeded snapshot round-trips, and names follow a renamed sheet', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    expect(fake.toSnapshot()).toEqual(seed);
    fake.renameSheet('JS01 法律援助', "JS01 it's");
    expect(fake.names()).toEqual([{ name: 'LA_CASES', formula: "='JS01 it''s'!$E$4" }]);
    await fake.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/formula');
      const used = ctx.workbook.worksheets.getItem("JS01 it's").getUsedRangeOrNullObject(true).load('address,values,valueTypes');
      const empty = ctx.workbook.worksheets.add('空表').getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([['LA_CASES', "='JS01 it''s'!$E$4"]]);
      expect(used.address).toBe("'JS01 it''s'!A1:E7");
      expect(used.values[6]?.[4]).toBe('#DIV/0!');
      expect(used.valueTypes[6]?.[4]).toBe('Error');
      expect(empty.isNullObject).toBe(true);
    });
  });

  test('collections load items with nested navigation paths', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.addConditionalFormat('Sheet2', 'A1:C3', { type: 'Custom', formula: '=A1>1', fill: 'FF0000' });
    fake.addConditionalFormat('Sheet2', 'B1:B9', { type: 'DataBar', barColor: '00FF00' });
    await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet2').getRange().conditionalFormats
        .load('items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect(cfs.items.map((c) => c.type)).toEqual(['Custom', 'DataBar']);
      expect(cfs.items[0]?.customOrNullObject.rule.formula).toBe('=A1>1');
      expect(cfs.items[1]?.customOrNullObject.isNullObject).toBe(true);
    });
  });

  test('installFakeOffice defines Office and Excel globals, and undoes them', async () => {
    const fake = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: '1.9' } });
    const g: Record<string, unknown> = {};
    const undo = installFakeOffice(g, fake, { displayLanguage: 'en-US' });
    const office = g.Office as typeof Office;
    const info = await office.onReady();
    expect(info.host).toBe(office.HostType.Excel);
    expect(office.context.displayLanguage).toBe('en-US');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    const names = await (g.Excel as typeof Excel).run(async (ctx) => {
      const items = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return items.items.map((s) => s.name);
    });
    expect(names).toEqual(['JS01 法律援助', 'Sheet2']);
    undo();
    expect(g.Office).toBeUndefined();
    expect(g.Excel).toBeUndefined();
  });
});
