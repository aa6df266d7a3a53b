/**
 * The command line on real .xlsx files written and re-read by ExcelJS, called in-process
 * through run() (no exit). Each test is named after the case it guards.
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { diffParts, partsOf } from '../support/part-diff';
import { nodeIo, type Io } from '../../src/cli/io';
import { locate } from '../../src/core/model/locate';
import { currentValues } from '../../src/core/check';
import { getCatalog } from '../../src/core/catalog/catalog';
import { loadWorkbook, snapshotOf } from '../support/exceljs-host';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample');
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bra-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command line as a user runs it (no --force added). */
async function cliStrict(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { ...nodeIo, out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await run(argv, io);
  return { code, out, err };
}

/** Most tests rewrite the same scratch files: they say --force (tested on its own below). */
const cli = (...argv: string[]) => cliStrict(...argv, ...(argv.includes('--out') && argv[0] !== 'demo' ? ['--force'] : []));

const p = (name: string) => join(dir, name);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function filled(name = 'filled.xlsx', extra: string[] = []): Promise<string> {
  if ((await cli('template', 'annual', '--out', p('t.xlsx'), '--unit', '示例市司法局', '--period', '2025')).code !== 0) throw new Error('template failed');
  const r = await cli('fill', p('t.xlsx'), '--data', join(SAMPLE, 'annual-2025.csv'), ...extra, '--out', p(name));
  if (r.code !== 0) throw new Error(r.err);
  return p(name);
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every defined name, formula, data validation and value of a workbook, by sheet and cell. */
async function inventory(file: string) {
  const wb = await read(file);
  const names = wb.definedNames.model.map((d) => `${d.name}=${d.ranges.join(',')}`).sort();
  const cells: Record<string, unknown> = {};
  const validations: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const key = `${ws.name}!${c.address}`;
        cells[key] = c.formula !== undefined ? { f: c.formula, r: c.result } : c.value;
        if (c.dataValidation) validations[key] = c.dataValidation;
      }),
    );
  });
  return { names, cells, validations, sheets: wb.worksheets.map((w) => w.name) };
}

describe('templates and template', () => {
  test('templates --json lists annual and half-year', async () => {
    const r = await cli('templates', '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out).templates;
    expect(t.map((x: { id: string }) => x.id)).toEqual(['annual', 'half-year']);
    expect(t[0].forms).toHaveLength(8);
  });

  test('the template has both names for every indicator, validation, print setup, frozen header', async () => {
    await cli('template', 'half-year', '--out', p('h.xlsx'), '--unit', '某区司法局', '--period', '2026H1');
    const wb = await read(p('h.xlsx'));
    const names = new Set(wb.definedNames.model.map((d) => d.name));
    const codes = readFileSync(join(__dirname, '..', '..', 'standard', 'indicators.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1] as string);
    for (const c of codes) {
      expect(names.has(c)).toBe(true);
      expect(names.has(c + '_PREV')).toBe(true);
    }
    const ws = wb.getWorksheet('JS01 法律援助')!;
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell('E15').dataValidation).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(ws.getCell('E13').formula).toBe('IF(COUNT(LA_CASES,BASE_POP)<2,"",IF(BASE_POP=0,"",LA_CASES/BASE_POP*10))');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(wb.getWorksheet('封面')!.getCell('B4').value).toBe('2026H1');
  });

  test('--lang en-US: English sheet names in the template, English messages from check', async () => {
    await cli('template', 'annual', '--out', p('en.xlsx'), '--lang', 'en-US', '--unit', 'Sample City Justice Bureau', '--period', '2025');
    const wb = await read(p('en.xlsx'));
    expect(wb.getWorksheet('JS01 Legal aid')).toBeDefined();
    expect(wb.getWorksheet('JS01 Legal aid')!.getCell('H3').value).toBe('YoY (%)');
    writeFileSync(p('en.csv'), 'code,current,previous\nLA_CASES,500,480\nLA_CASES_CRIMINAL,200,190\nLA_CASES_CIVIL,250,240\nLA_CASES_ADMIN,20,50\n');
    await cli('fill', p('en.xlsx'), '--data', p('en.csv'), '--out', p('en-filled.xlsx'));
    const r = await cli('check', p('en-filled.xlsx'), '--json', '--lang', 'en-US');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).findings.find((x: { rule: string }) => x.rule === 'R01');
    expect(f).toMatchObject({ code: 'LA_CASES', sheet: 'JS01 Legal aid', cell: 'E4' });
    expect(f.message).toBe('Criminal + civil + administrative legal aid cases must equal the total: criminal + civil + administrative is 470, Legal aid cases handled is 500');
  });

  test('a period that does not fit the template is a usage error', async () => {
    const r = await cli('template', 'annual', '--out', p('x.xlsx'), '--period', '2025H1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/报告期/);
  });
});

describe('fill and check', () => {
  test('the consistent sample checks clean: exit 0, ready, only the explained target miss', async () => {
    const f = await filled();
    const r = await cli('check', f, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ready).toBe(true);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.findings[0]).toMatchObject({ rule: 'C06', code: 'LA_PER_100K', sheet: 'JS01 法律援助', cell: 'E13', explanation: expect.any(String) });
    expect(report.skipped).toEqual([{ rule: 'R08', reason: expect.stringContaining('另一份报表') }]);
  });

  test('round trip: template → fill → check --out keeps every name, formula, validation and value', async () => {
    const f = await filled('rt.xlsx');
    const slips = await cli('fill', f, '--data', join(SAMPLE, 'slips.csv'), '--out', p('rt-slips.xlsx'));
    expect(slips.code).toBe(0);
    const before = await inventory(p('rt-slips.xlsx'));
    const hash = sha(p('rt-slips.xlsx'));
    const r = await cli('check', p('rt-slips.xlsx'), '--out', p('rt-flagged.xlsx'), '--json');
    expect(r.code).toBe(1);
    expect(sha(p('rt-slips.xlsx'))).toBe(hash);
    const after = await inventory(p('rt-flagged.xlsx'));
    // every name kept; one added: the hidden name that tells any host 问题清单 is the tool's
    expect(after.names).toEqual([...before.names, "BRA_MARK_ISSUES='问题清单'!$A$1"].sort());
    expect(after.validations).toEqual(before.validations);
    for (const [cell, v] of Object.entries(before.cells)) expect([cell, after.cells[cell]]).toEqual([cell, v]);
    expect(after.sheets).toEqual([...before.sheets, '问题清单']);
  });

  test('the flagged copy marks each finding cell with an overlay and a note, and lists it in 问题清单 with a link', async () => {
    const f = await filled('mk.xlsx');
    await cli('fill', f, '--data', join(SAMPLE, 'slips.csv'), '--out', p('mk-slips.xlsx'));
    expect((await cli('check', p('mk-slips.xlsx'), '--out', p('mk-flagged.xlsx'))).code).toBe(1);
    const wb = await read(p('mk-flagged.xlsx'));
    const js01 = wb.getWorksheet('JS01 法律援助')!;
    const cf = (js01 as unknown as { conditionalFormattings: { ref: string; rules: { style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings;
    const e4 = cf.find((c) => c.ref === 'E4');
    expect(e4?.rules[0]?.style?.fill?.bgColor?.argb).toMatch(/FFC7CE$/);
    const note = js01.getCell('E4').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text).toContain('R01');
    expect(js01.getCell('E4').value).toBe(1985);
    const list = wb.getWorksheet('问题清单')!;
    const links: string[] = [];
    // Internal links are HYPERLINK formulas (a cell hyperlink to '#…' does not survive ExcelJS for Excel and WPS).
    list.eachRow((row) => row.eachCell((c) => { const m = /^HYPERLINK\("([^"]*)"/.exec(c.formula ?? ''); if (m) links.push(m[1] as string); }));
    expect(links).toContain("#'JS01 法律援助'!E4");
    expect(links).toContain("#'JS05 法治政府建设'!E9");
  });

  test('the table on stdout is Chinese, severity first, aligned', async () => {
    const f = await filled('tb.xlsx');
    await cli('fill', f, '--data', join(SAMPLE, 'slips.csv'), '--out', p('tb-slips.xlsx'));
    const r = await cli('check', p('tb-slips.xlsx'));
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe('不可报送：3 个错误，3 个警告待说明');
    const header = lines.findIndex((l) => l.startsWith('级别'));
    expect(lines[header + 1]).toMatch(/^错误\s+R01\s+JS01 法律援助!E4/);
    const col = (l: string) => l.indexOf('R0') >= 0 ? l.indexOf('R0') : l.indexOf('C0');
    expect(col(lines[header + 1]!)).toBe(col(lines[header + 2]!));
  });

  test('fill --previous copies last year by code and appends its history', async () => {
    const last = await filled('last.xlsx');
    await cli('template', 'annual', '--out', p('t2026.xlsx'), '--unit', '示例市司法局', '--period', '2026');
    const r = await cli('fill', p('t2026.xlsx'), '--previous', last, '--out', p('y2026.xlsx'));
    expect(r.code).toBe(0);
    const wb = await read(p('y2026.xlsx'));
    expect(wb.getWorksheet('JS01 法律援助')!.getCell('F4').value).toBe(1985);
    expect(wb.getWorksheet('JS04 行政复议与应诉')!.getCell('F10').formula).toBeDefined();
    const hist = wb.getWorksheet('历史数据')!;
    expect(hist.getCell('B1').value).toBe('2025');
    expect(hist.getCell('B5').value).toBe(1985);
  });

  test('fill --previous refuses a file of the same period, in one line, and writes nothing', async () => {
    const last = await filled('same.xlsx'); // a 2025 report
    await cli('template', 'annual', '--out', p('t2025.xlsx'), '--unit', '示例市司法局', '--period', '2025');
    const r = await cli('fill', p('t2025.xlsx'), '--previous', last, '--out', p('y2025.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('上年同期应为2024年');
    expect(existsSync(p('y2025.xlsx'))).toBe(false);
  });

  test('R08 with --reference: a half-year figure above the annual one is an error', async () => {
    const annual = await filled('ann.xlsx');
    await cli('template', 'half-year', '--out', p('ht.xlsx'), '--unit', '示例市司法局', '--period', '2025H1');
    writeFileSync(p('half.csv'), 'code,current,previous\nNOT_CASES,66000,\n');
    await cli('fill', p('ht.xlsx'), '--data', p('half.csv'), '--out', p('half.xlsx'));
    const r = JSON.parse((await cli('check', annual, '--json', '--reference', p('half.xlsx'))).out);
    expect(r.findings.filter((f: { rule: string }) => f.rule === 'R08').map((f: { code: string }) => f.code)).toEqual(['NOT_CASES']);
    expect(r.skipped ?? []).toEqual([]);
  });
});

describe('bad input gets a clear message, never a stack trace', () => {
  const expectClean = (r: { code: number; err: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/^\s+at /m);
  };

  test('random bytes', async () => {
    writeFileSync(p('garbage.xlsx'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)));
    expectClean(await cli('check', p('garbage.xlsx')), /xlsx|工作簿|文件/);
  });

  test('an old .xls file', async () => {
    writeFileSync(p('old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    expectClean(await cli('check', p('old.xls')), /\.xls/);
  });

  test('a workbook that is not from a template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 1;
    await wb.xlsx.writeFile(p('plain.xlsx'));
    expectClean(await cli('check', p('plain.xlsx')), /不是用报表模板制作的/);
  });

  test('a missing file, an unknown option, a missing --out', async () => {
    expectClean(await cli('check', p('nope.xlsx')), /找不到文件/);
    expectClean(await cli('check', p('nope.xlsx'), '--bogus'), /不支持选项 --bogus/);
    expectClean(await cli('fill', p('nope.xlsx'), '--data', 'x.csv'), /需要 --out/);
  });

  test('an output that is the input is refused: the input is never overwritten', async () => {
    const f = await filled('same.xlsx');
    const hash = sha(f);
    expectClean(await cli('check', f, '--out', f), /输入文件不会被覆盖/);
    expectClean(await cli('fill', f, '--data', join(SAMPLE, 'slips.csv'), '--out', f), /输入文件不会被覆盖/);
    expect(sha(f)).toBe(hash);
  });

  test('an import line with an unknown code is named', async () => {
    writeFileSync(p('bad.csv'), '\ufeffcode,current,previous\nLA_CASES,1,2\nLA_CASEZ,3,4\n');
    await cli('template', 'annual', '--out', p('t.xlsx'));
    expectClean(await cli('fill', p('t.xlsx'), '--data', p('bad.csv'), '--out', p('bad.xlsx')), /^错误：导入文件第 3 行：未知指标代码 LA_CASEZ，/);
  });

  test('an import with the same code twice names both lines', async () => {
    writeFileSync(p('dup.csv'), 'code,current,previous\nLA_CASES,1,2\nNOT_CASES,3,4\nLA_CASES,5,6\n');
    await cli('template', 'annual', '--out', p('t.xlsx'));
    expectClean(await cli('fill', p('t.xlsx'), '--data', p('dup.csv'), '--out', p('dup.xlsx')), /^错误：导入文件第 2 行和第 4 行是同一指标 LA_CASES，请只保留一行$/m);
  });

  test('a renamed sheet still checks (Excel moves the names with it); a deleted one is named', async () => {
    const f = await filled('ren.xlsx');
    const wb = await read(f);
    wb.getWorksheet('JS01 法律援助')!.name = '法律援助（改名）';
    const model = wb.definedNames.model.map((d) => ({ ...d, ranges: d.ranges.map((r) => r.replace("'JS01 法律援助'", "'法律援助（改名）'")) }));
    wb.definedNames.model = model;
    wb.worksheets.reverse();
    await wb.xlsx.writeFile(p('renamed.xlsx'));
    const r = JSON.parse((await cli('check', p('renamed.xlsx'), '--json')).out);
    expect(r.counts.error).toBe(0);

    const wb2 = await read(f);
    wb2.removeWorksheet(wb2.getWorksheet('JS07 社区矫正与安置帮教')!.id);
    await wb2.xlsx.writeFile(p('deleted.xlsx'));
    const r2 = await cli('check', p('deleted.xlsx'), '--json');
    expect(r2.code).toBe(1);
    const missing = JSON.parse(r2.out).findings.filter((x: { rule: string }) => x.rule === 'C00');
    expect(missing.map((x: { code: string }) => x.code)).toContain('CC_START');
  });
});

describe('summary, merge and demo', () => {
  test('summary writes 领导参阅 into a copy and a Word document', async () => {
    const f = await filled('sum-in.xlsx');
    const r = await cli('summary', f, '--out', p('sum.xlsx'), '--docx', p('sum.docx'));
    expect(r.code).toBe(0);
    const wb = await read(p('sum.xlsx'));
    expect(wb.getWorksheet('领导参阅')).toBeDefined();
    expect(readFileSync(p('sum.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('领导参阅 re-read from the file: the key figures, arrows, data bars and narrative agree with the report', async () => {
    const f = await filled('sum-check.xlsx');
    expect((await cli('summary', f, '--out', p('sum-check-out.xlsx'))).code).toBe(0);
    const report = JSON.parse((await cli('check', f, '--json')).out);
    const wb = await read(p('sum-check-out.xlsx'));
    const ws = wb.getWorksheet('领导参阅')!;
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row) => {
      const first = row.getCell(1).value;
      const key = typeof first === 'string' ? first.replace(/（[^（]*）$/, '') : undefined; // name（unit）
      if (key !== undefined && !rows.has(key)) rows.set(key, (row.values as unknown[]).slice(1)); // the key table comes first
    });
    // The key indicators: this period, last year, change with its arrow, YoY %.
    const la = rows.get('办理法律援助案件');
    expect(la?.slice(1, 3)).toEqual([1985, 1862]);
    expect(String(la?.[3])).toBe('▲ +123');
    expect(la?.[4]).toBeCloseTo(0.066, 3); // a fraction shown with a percent format
    expect(rows.get('调解和解率')?.[1]).toBeCloseTo(24.38, 2); // 247/1013, shown with 2 decimals
    expect(rows.get('调解和解率')?.[2]).toBeCloseTo(23.66, 2);
    expect(String(rows.get('涉企行政检查')?.[3])).toMatch(/^▼/);
    expect(rows.get('每10万人法律援助案件数')?.[6]).toBe('未达标');
    // Every key indicator's row carries the report's own figures.
    const model = locate(snapshotOf(await loadWorkbook(readFileSync(f))));
    const values = currentValues(model, getCatalog());
    const keys = getCatalog().indicators.filter((i) => i.key);
    for (const ind of keys) {
      const row = rows.get(ind.nameZh);
      expect([ind.code, row?.[1]]).toEqual([ind.code, expect.closeTo(values.get(ind.code) as number, 6)]);
      expect([ind.code, row?.[2]]).toEqual([ind.code, expect.closeTo(model.figures.get(ind.code)?.previous as number, 6)]);
    }
    // The one warning of the report (the explained target miss) is listed as explained.
    expect(report.counts.warning).toBe(1);
    expect(rows.has('已说明的警告') || [...rows.keys()].some((k) => k.startsWith('四、已说明'))).toBe(true);
    const text = [...rows.keys()].join('\n');
    expect(text).toContain('全年，全市共办理法律援助案件1985件，同比增长6.6%');
    // Data bars on the YoY column.
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.some((c) => c.ref.startsWith('E') && c.rules.some((r) => r.type === 'dataBar'))).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  test('merge adds district reports: counts sum, derived cells recompute, typed percents as a range, 分地区对比', async () => {
    const a = await filled('a.xlsx');
    await cli('template', 'annual', '--out', p('tb.xlsx'), '--unit', '乙区司法局', '--period', '2025');
    const b = p('b.xlsx');
    expect((await cli('fill', p('tb.xlsx'), '--data', join(SAMPLE, 'annual-2025.csv'), '--out', b)).code).toBe(0);
    const r = await cli('merge', a, b, '--out', p('total.xlsx'), '--unit', '全市合计');
    expect(r.code).toBe(0);
    const wb = await read(p('total.xlsx'));
    const js01 = wb.getWorksheet('JS01 法律援助')!;
    expect(js01.getCell('E4').value).toBe(3970);
    expect(wb.getWorksheet('分地区对比')).toBeDefined();
    const check = JSON.parse((await cli('check', p('total.xlsx'), '--json')).out);
    // A typed percent is not added up: its cell is left for the city's own figure, and its 说明 shows the range.
    const errors = check.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.every((f: { rule: string; code: string }) => f.rule === 'C01' && getCatalog().byCode.get(f.code)?.kind === 'percent')).toBe(true);
    // The same unit twice is refused, naming both files.
    const twice = await cli('merge', a, a, '--out', p('twice.xlsx'));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('出现两次');
  });

  test('demo writes the flagged copy and prints the table', async () => {
    const r = await cli('demo', '--out', p('demo'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('不可报送：3 个错误，3 个警告待说明');
    expect(readFileSync(p('demo/annual-2025-demo-flagged.xlsx')).length).toBeGreaterThan(10000);
  });
});

describe('many reports at once (district reports)', () => {
  test('check A B C: one JSON object per file and a total; an unreadable file gets its line, the batch goes on; exit is the highest', async () => {
    const a = await filled('batch-a.xlsx');
    writeFileSync(p('batch-junk.xlsx'), 'not a workbook');
    const r = await cli('check', a, p('batch-junk.xlsx'), a, '--json');
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ file: a, ready: true });
    expect(lines[1]).toMatchObject({ file: p('batch-junk.xlsx'), unusable: true });
    expect(lines[1].message).toMatch(/^错误：/);
    expect(lines[3].total).toMatchObject({ files: 3, ready: 2, unusable: 1, exit: 2 });
    const text = await cli('check', a, a);
    expect(text.code).toBe(0);
    expect(text.out).toContain('合计：2 个文件，可以报送 2 个');
  });

  test('check CITY --districts D1 D2: the city differing from the districts\' sum is a D02 finding for exactly those indicators', async () => {
    const d1 = await filled('d1.xlsx');
    await cli('template', 'annual', '--out', p('td2.xlsx'), '--unit', '乙区司法局', '--period', '2025');
    expect((await cli('fill', p('td2.xlsx'), '--data', join(SAMPLE, 'annual-2025.csv'), '--out', p('d2.xlsx'))).code).toBe(0);
    await cli('merge', d1, p('d2.xlsx'), '--out', p('city.xlsx'), '--unit', '示例市司法局（本级）');
    const fix = p('city-fix.csv');
    writeFileSync(fix, 'code,current,previous\nLA_CONSULTS,1,\nNOT_CASES,,5\n');
    expect((await cli('fill', p('city.xlsx'), '--data', fix, '--out', p('city2.xlsx'))).code).toBe(0);
    const r = await cli('check', p('city2.xlsx'), '--districts', d1, p('d2.xlsx'), '--json');
    const d02 = JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'D02');
    expect(d02.map((f: { code: string; cell: string }) => f.code).sort()).toEqual(['LA_CONSULTS', 'NOT_CASES']);
  });
});

describe('outputs: nothing is overwritten without --force', () => {
  test('an existing output is refused without --force (and left as it was), replaced with it', async () => {
    writeFileSync(p('exists.xlsx'), 'mine');
    const refused = await cliStrict('template', 'annual', '--out', p('exists.xlsx'), '--period', '2025');
    expect(refused.code).toBe(2);
    expect(refused.err.trim()).toBe(`错误：输出文件 ${p('exists.xlsx')} 已存在；如需覆盖请加 --force，或换一个文件名`);
    expect(readFileSync(p('exists.xlsx'), 'utf8')).toBe('mine');
    const forced = await cliStrict('template', 'annual', '--out', p('exists.xlsx'), '--period', '2025', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(p('exists.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('--out and --docx naming the same file are refused before anything is written', async () => {
    const src = await filled('same-out.xlsx');
    const r = await cliStrict('summary', src, '--out', p('same.bin'), '--docx', p('same.bin'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是同一个文件/);
    expect(() => readFileSync(p('same.bin'))).toThrow();
  });
});

describe('the clean file to hand in', () => {
  test('check --out, then clear, gives the pre-flag workbook back part by part', async () => {
    const src = await filled('to-clear.xlsx');
    // a slip, so that the flagged copy has marks
    writeFileSync(p('slip.csv'), 'code,current,previous\nLEG_COUNSEL,约2.4万,\n');
    expect((await cli('fill', src, '--data', p('slip.csv'), '--out', p('slipped.xlsx'))).code).toBe(0);
    expect((await cli('check', p('slipped.xlsx'), '--out', p('slipped-flagged.xlsx'))).code).toBe(1);
    const flagged = diffParts(new Uint8Array(readFileSync(p('slipped.xlsx'))), new Uint8Array(readFileSync(p('slipped-flagged.xlsx'))));
    expect(flagged.added.length + flagged.changed.length).toBeGreaterThan(0);
    const r = await cli('clear', p('slipped-flagged.xlsx'), '--out', p('slipped-clean.xlsx'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^已清除 \d+ 处标记/);
    expect(diffParts(new Uint8Array(readFileSync(p('slipped.xlsx'))), new Uint8Array(readFileSync(p('slipped-clean.xlsx'))))).toEqual({ added: [], removed: [], changed: [] });
  });

  test('check --out on a flagged copy replaces its marks: the same marks, not two of each', async () => {
    const flagged = p('slipped-flagged.xlsx');
    expect((await cli('check', flagged, '--out', p('reflagged.xlsx'))).code).toBe(1);
    const once = partsOf(new Uint8Array(readFileSync(flagged)));
    const twice = partsOf(new Uint8Array(readFileSync(p('reflagged.xlsx'))));
    const count = (parts: Map<string, Uint8Array>) =>
      [...parts.entries()].filter(([n]) => n.startsWith('xl/worksheets/sheet')).reduce((k, [, b]) => k + (new TextDecoder().decode(b).match(/BRA-MARK/g) ?? []).length, 0);
    expect(count(once)).toBeGreaterThan(0);
    expect(count(twice)).toBe(count(once));
  });
});

describe('regressions of the command line', () => {
  test('summary opens on 领导参阅 when an earlier sheet was deleted (tab position, not sheet id)', async () => {
    const src = await filled('deleted-sheet.xlsx');
    const wb = await read(src);
    const gone = wb.getWorksheet('JS00 基本情况');
    if (!gone) throw new Error('template lacks JS00');
    wb.removeWorksheet(gone.id);
    await wb.xlsx.writeFile(p('deleted-sheet-2.xlsx'));
    const r = await cli('summary', p('deleted-sheet-2.xlsx'), '--out', p('deleted-sheet-summary.xlsx'));
    expect(r.code).toBe(0);
    const out = await read(p('deleted-sheet-summary.xlsx'));
    const tab = out.views[0]?.activeTab;
    expect(out.worksheets[tab ?? -1]?.name).toBe('领导参阅');
  });

  test('--lang en-US speaks English: usage errors and status lines', async () => {
    const bad = await cli('check', '--lang', 'en-US');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Usage error: check needs exactly one workbook/);
    const ok = await cli('template', 'annual', '--out', p('en.xlsx'), '--period', '2025', '--lang', 'en-US');
    expect(ok.code).toBe(0);
    expect(ok.err.trim()).toBe(`Made ${p('en.xlsx')}`);
    const missing = await cli('check', p('no-such.xlsx'), '--lang=en-US');
    expect(missing.err.trim()).toBe(`Error: file not found: ${p('no-such.xlsx')}`);
  });
});
