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
    // As with the real office.js, the proxies exist; the sync that uses them fails.
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet2');
      expect(ws.notes).toBeDefined();
      expect(() => (ws.showGridlines = false)).not.toThrow();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    const older = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: '1.4' } });
    expect(
      await codeOf(older.run(async (ctx) => {
        ctx.workbook.worksheets.getFirst().load('name');
        await ctx.sync();
      })),
    ).toBe('ApiNotFound');
    // NamedItem.formula is ExcelApi 1.7: loading it on 1.4 fails the sync.
    expect(
      await codeOf(older.run(async (ctx) => {
        ctx.workbook.names.load('items/formula');
        await ctx.sync();
      })),
    ).toBe('ApiNotFound');
  });

  test.each([
    ['1.1', 'merge (1.2)', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sheet2').getRange('A1:B1').merge(false)],
    ['1.1', 'columnWidth (1.2)', (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem('Sheet2').getRange('A:A').format.columnWidth = 40)],
    ['1.3', 'getItemOrNullObject (1.4)', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItemOrNullObject('Sheet2').delete()],
    ['1.5', 'conditional formats (1.6)', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').conditionalFormats.add('Custom')],
    ['1.17', 'notes (1.18)', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.getItem('Sheet2').notes.add('A1', 'x')],
    ['1.9', 'comments (1.10)', (ctx: Excel.RequestContext) => void ctx.workbook.comments.add('Sheet2!A1', 'x')],
    ['1.1', 'getUsedRange(valuesOnly) (1.2)', (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.getItem('Sheet2').getUsedRange(true).load('address')],
  ])('ExcelApi %s: %s fails at sync, with the work queued before it applied', async (level, _what, call) => {
    const fake = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: level } });
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('~early');
      call(ctx);
      ctx.workbook.worksheets.getItem('Sheet2').getRange('C3').values = [['later']];
      await ctx.sync();
    }));
    expect(code).toBe('ApiNotFound');
    // Excel runs a batch in order and stops at the failing call: what came before stays.
    expect(fake.sheetNames()).toContain('~early');
    expect(fake.cell('Sheet2', 'C3')).toBeUndefined();
  });

  test('a response over 5 MB is refused; its size is estimated from the loaded values', async () => {
    const big: WorkbookSnapshot = { sheets: [{ name: 'Data', cells: {} }], names: [] };
    const cells = (big.sheets[0] as { cells: Record<string, { v: string }> }).cells;
    for (let r = 1; r <= 20_000; r++) for (const c of 'ABCDEFGH') cells[`${c}${r}`] = { v: `用户数据 ${r}-${c} 备注文字` };
    const fake = createFakeExcel({ snapshot: big });
    const code = await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getUsedRange(true).load('values,formulas,valueTypes');
      await ctx.sync();
    }));
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(fake.responses[0]).toBeGreaterThan(5 * 1024 * 1024);
    fake.resetCounters();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:H10').load('values');
      await ctx.sync();
    });
    // 80 cells of about 35 bytes of JSON each.
    expect(fake.responses[0]).toBeGreaterThan(80 * 30);
    expect(fake.responses[0]).toBeLessThan(80 * 60);
  });

  test('a protected sheet refuses formats, conditional formats, notes and locked cells; unlocked cells take values', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.setFormat('Sheet2', 'C3', { locked: false });
    fake.protectSheet('Sheet2');
    const tryOn = (f: (ws: Excel.Worksheet) => void) =>
      codeOf(fake.run(async (ctx) => {
        f(ctx.workbook.worksheets.getItem('Sheet2'));
        await ctx.sync();
      }));
    expect(await tryOn((ws) => void (ws.getRange('B2').values = [[1]]))).toBe('AccessDenied');
    expect(await tryOn((ws) => void (ws.getRange('B2').format.fill.color = '#FF0000'))).toBe('AccessDenied');
    expect(await tryOn((ws) => void ws.getRange('B2').conditionalFormats.add('Custom'))).toBe('AccessDenied');
    expect(await tryOn((ws) => void ws.notes.add('B2', 'x'))).toBe('AccessDenied');
    expect(await tryOn((ws) => void (ws.getRange('C3').values = [[5]]))).toBe('no error');
    expect(fake.cell('Sheet2', 'C3')?.value).toBe(5);
    expect(fake.cell('Sheet2', 'B2')?.value).toBe(true);
    expect(await codeOf(fake.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Sheet2').protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
    }))).toBe('no error');
  });

  test('workbook structure protection refuses adding, deleting and renaming sheets', async () => {
    const fake = createFakeExcel({ snapshot: seed });
    fake.protectStructure();
    const run = (f: (ctx: Excel.RequestContext) => void) =>
      codeOf(fake.run(async (ctx) => {
        f(ctx);
        await ctx.sync();
      }));
    expect(await run((ctx) => void ctx.workbook.worksheets.add('新表'))).toBe('AccessDenied');
    expect(await run((ctx) => ctx.workbook.worksheets.getItem('Sheet2').delete())).toBe('AccessDenied');
    expect(await run((ctx) => void (ctx.workbook.worksheets.getItem('Sheet2').name = '改名'))).toBe('AccessDenied');
    expect(fake.sheetNames()).toEqual(['JS01 法律援助', 'Sheet2']);
    expect(await codeOf(fake.run(async (ctx) => {
      const p = ctx.workbook.protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
    }))).toBe('no error');
  });

  test('a hidden sheet cannot be activated; a very hidden one cannot be deleted', async () => {
    const fake = createFakeExcel({ snapshot: { ...seed, sheets: [...seed.sheets, { name: 'Sheet3', cells: {} }] } });
    fake.hideSheet('Sheet2');
    fake.hideSheet('Sheet3', 'VeryHidden');
    expect(await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').activate();
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(await codeOf(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet3').delete();
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(await codeOf(fake.run(async (ctx) => {
      const all = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      expect(all.items.map((w) => w.visibility)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    }))).toBe('no error');
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

  test('ExcelApi 1.12: the user’s note is invisible to the host, and still refuses a comment on its cell', async () => {
    const fake = createFakeExcel({ snapshot: seed, requirementSets: { ExcelApi: '1.12' } });
    fake.addNote('Sheet2', 'B2', '用户的批注');
    expect(await codeOf(fake.run(async (ctx) => {
      ctx.workbook.comments.add('Sheet2!B2', '报表助手');
      await ctx.sync();
    }))).toBe('InvalidOperation');
    expect(fake.comments('Sheet2')).toEqual([]);
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
    // the overloads office.js has: (options, batch) and (context, batch)
    const excel = g.Excel as { run: (a: unknown, b?: unknown) => Promise<unknown> };
    let kept: unknown = null;
    expect(await excel.run({ delayForCellEdit: true }, async (ctx: Excel.RequestContext) => ((kept = ctx), 'with options'))).toBe('with options');
    expect(fake.runOptions).toContainEqual({ delayForCellEdit: true });
    expect(await excel.run(kept, async () => 'same context')).toBe('same context');
    undo();
    expect(g.Office).toBeUndefined();
    expect(g.Excel).toBeUndefined();
  });
});
