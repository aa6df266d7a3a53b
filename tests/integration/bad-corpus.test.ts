/**
 * The bad-input corpus (tests/fixtures/bad/cases.json, made by scripts/make-bad-corpus.cjs) run
 * through the command line as a user runs it: for each case the exit status, the first line on
 * stderr (one line, in the user's words, saying what to do), no stack trace, and every input
 * unchanged (hash before and after). The table of docs/bad-input.md is generated from this run:
 * `UPDATE_BAD_TABLE=1 npx jest tests/integration/bad-corpus.test.ts` rewrites it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { run } from '../../src/cli/main';
import { nodeIo, type Io } from '../../src/cli/io';
import { addUserSheet, fillHistory } from '../support/big-workbook';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const corpus = require('../../scripts/make-bad-corpus.cjs') as {
  makeHugeString(report: Uint8Array): Uint8Array;
  cachedZipBomb(report: Uint8Array, inflated?: number): string;
};

interface Case {
  id: string;
  files: string[];
  command: string[];
  description: string;
  generate?: string;
}

const ROOT = join(__dirname, '..', '..');
const BAD = join(ROOT, 'tests', 'fixtures', 'bad');
const CASES = (JSON.parse(readFileSync(join(BAD, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
const REPORT = new Uint8Array(readFileSync(join(BAD, 'report.xlsx')));

/** What each case must give: the exit status and what the first stderr line (or stdout) says. */
const EXPECT: Record<string, { exit: number; err?: RegExp; out?: RegExp; then?: (tmp: string, out: string) => void }> = {
  report: { exit: 0, out: /可以报送/ },
  empty: { exit: 2, err: /^错误：文件是空的/ },
  'random-bytes': { exit: 2, err: /^错误：这不是 Excel 工作簿/ },
  truncated: { exit: 2, err: /^错误：文件已损坏或不完整/ },
  'zip-not-workbook': { exit: 2, err: /^错误：这是压缩文件，但不是 Excel 工作簿/ },
  'renamed-docx': { exit: 2, err: /^错误：这是 Word 文档/ },
  'html-as-xls': { exit: 2, err: /^错误：这是网页（HTML）格式导出的表格/ },
  'ods-as-xlsx': { exit: 2, err: /^错误：这是 \.ods 表格文件/ },
  'binary-xls': { exit: 2, err: /^错误：这是旧版 \.xls 文件/ },
  encrypted: { exit: 2, err: /^错误：文件设置了打开密码/ },
  'not-template': { exit: 2, err: /^错误：这个工作簿不是用报表模板制作的/ },
  'csv-bom': { exit: 0, err: /^已写入/ },
  'csv-gb18030': { exit: 0, err: /^已写入/, then: (tmp) => expect(cells(join(tmp, 'out.xlsx'))).toMatch(/[\u4e00-\u9fff]{2}/) },
  'csv-duplicate-code': { exit: 2, err: /^错误：导入文件第 \d+ 行和第 \d+ 行是同一指标 LA_CASES/ },
  'csv-spaces': { exit: 0, err: /^已写入/, then: (tmp) => expect(cells(join(tmp, 'out.xlsx'))).toContain('4060 ') },
  'csv-unknown-code': { exit: 2, err: /^错误：导入文件第 \d+ 行：未知指标代码 NOT_A_CODE/ },
  'csv-formula-text': { exit: 0, err: /^已写入/, then: (tmp) => expect(cells(join(tmp, 'out.xlsx'))).toMatch(/quotePrefix="1"/) },
  'error-values': { exit: 1, out: /C07[\s\S]*#DIV\/0!/ },
  'merged-inputs': { exit: 1, out: /C08/ },
  'no-period-name': { exit: 1, out: /C00[\s\S]*RPT_PERIOD/ },
  'typed-formula-text': { exit: 0, out: /可以报送|不可报送/ },
  xlsm: {
    exit: 0,
    then: (tmp) => {
      const parts = unzipSync(new Uint8Array(readFileSync(join(tmp, 'flagged.xlsm'))));
      expect(Object.keys(parts)).toContain('xl/vbaProject.bin');
      expect(new TextDecoder().decode(parts['[Content_Types].xml'])).toContain('sheet.macroEnabled.main+xml');
    },
  },
  'huge-string': { exit: 0, then: (_tmp, out) => expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThan(5000) },
  'zip-bomb': { exit: 2, err: /^错误：文件解压后过大/ },
  'history-300k': { exit: 0, out: /可以报送|不可报送/ },
  'pasted-100k': { exit: 0, out: /可以报送/ },
};

/** Every cell part of a workbook as text (to look for written values and quote prefixes). */
function cells(file: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.entries(parts)
    .filter(([n]) => n.startsWith('xl/worksheets/') || n === 'xl/styles.xml' || n === 'xl/sharedStrings.xml')
    .map(([, b]) => new TextDecoder().decode(b))
    .join('\n');
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bra-bad-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generated inputs, made at test time (a bounded bomb: over the part limit, quicker to make). */
function generated(c: Case, tmp: string): string {
  const file = join(tmp, `${c.id}.xlsx`);
  if (c.generate === 'makeHugeString') writeFileSync(file, corpus.makeHugeString(REPORT));
  else if (c.generate === 'cachedZipBomb') return corpus.cachedZipBomb(REPORT, 600 * 1024 * 1024);
  else if (c.generate === 'fillHistory') writeFileSync(file, fillHistory(REPORT, { rows: 300_000 }));
  else if (c.generate === 'addUserSheet') writeFileSync(file, addUserSheet(REPORT, { rows: 100_000 }));
  else throw new Error(`unknown generator ${c.generate}`);
  return file;
}

const rows: string[] = [];

describe('bad input gets a clear answer, nothing is overwritten', () => {
  test('every case of the corpus has an expectation', () => {
    expect(CASES.map((c) => c.id).filter((id) => !EXPECT[id])).toEqual([]);
  });

  for (const c of CASES) {
    test(`${c.id}: ${c.description}`, async () => {
      const tmp = mkdtempSync(join(dir, `${c.id}-`));
      const gen = c.generate ? generated(c, tmp) : undefined;
      const argv = c.command.map((a) => a.replace('{tmp}', tmp).replace('{generated}', gen ?? '').replace(/^tests\/fixtures\//, join(ROOT, 'tests', 'fixtures') + '/'));
      const inputs = argv.filter((a) => existsSync(a) && !a.startsWith(tmp));
      const before = inputs.map(sha);
      let out = '';
      let err = '';
      const io: Io = { ...nodeIo, out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
      const exit = await run(argv, io);
      const want = EXPECT[c.id];
      if (!want) throw new Error(`no expectation for ${c.id}`);
      const first = err.split('\n')[0] ?? '';
      expect([c.id, exit]).toEqual([c.id, want.exit]);
      expect(err).not.toMatch(/^\s+at /m);
      if (exit === 2) expect(err.trim().split('\n')).toHaveLength(1);
      if (want.err) expect(first).toMatch(want.err);
      if (want.out) expect(out).toMatch(want.out);
      want.then?.(tmp, out);
      expect(inputs.map(sha)).toEqual(before);
      const shown = (first || (out.split('\n')[1] ?? '')).split(tmp).join('{tmp}').split(ROOT + '/').join('').replace(/\|/g, '\\|');
      rows.push(`| ${c.id} | ${c.description.replace(/\|/g, '\\|')} | ${exit} | ${shown} |`);
    });
  }

  test('docs/bad-input.md is the table of this run', () => {
    const order = new Map(CASES.map((c, i) => [c.id, i]));
    const sorted = [...rows].sort((a, b) => (order.get(a.split(' | ')[0]!.slice(2)) ?? 0) - (order.get(b.split(' | ')[0]!.slice(2)) ?? 0));
    const table = [
      '# What happens with a bad file',
      '',
      'Generated by `tests/integration/bad-corpus.test.ts` from the corpus in `tests/fixtures/bad/` (`UPDATE_BAD_TABLE=1` rewrites it); every input is unchanged after its run.',
      '',
      '| case | input | exit | first line on stderr (or the report) |',
      '|---|---|---|---|',
      ...sorted,
      '',
    ].join('\n');
    const file = join(ROOT, 'docs', 'bad-input.md');
    if (process.env['UPDATE_BAD_TABLE']) writeFileSync(file, table);
    expect(sorted).toHaveLength(CASES.length);
    expect(readFileSync(file, 'utf8')).toBe(table);
  });
});
