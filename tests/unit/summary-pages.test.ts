/**
 * What leaders read fits in two or three pages: the page estimate of the Word summary on the
 * official-document page (OFFICIAL_PAGE: 22 lines of 27 三号 characters on a 28 pt grid), the
 * demo's summary under it, and the lists shortened when a report with many problems would run
 * past it.
 */
import { fill, sample, SLIPS_CSV, withValues } from '../fakes/sample';
import { checkWorkbook } from '../../src/core/check';
import { buildSummary, estimatePages, narrate, summaryDocument, MAX_PAGES, type DocBlock } from '../../src/core/summary';
import type { Locale } from '../../src/core/i18n/locale';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

function documentOf(snap: WorkbookSnapshot, locale: Locale = 'zh-CN', scope: 'leaders' | 'all' = 'leaders'): DocBlock[] {
  const { report, model } = checkWorkbook(snap);
  const s = buildSummary(report, model, { locale });
  return summaryDocument(s, narrate(s, model, locale, { scope }), locale);
}

const line = (chars: number): DocBlock => ({ kind: 'paragraph', text: '字'.repeat(chars) });

describe('estimatePages', () => {
  test('22 lines of 27 characters a page: a paragraph wraps, and the 23rd line starts page 2', () => {
    // 25 characters + the two-character indent fill one line of 27; 26 take two.
    expect(estimatePages(Array.from({ length: 22 }, () => line(25)))).toBe(1);
    expect(estimatePages(Array.from({ length: 23 }, () => line(25)))).toBe(2);
    expect(estimatePages(Array.from({ length: 11 }, () => line(26)))).toBe(1);
    expect(estimatePages(Array.from({ length: 12 }, () => line(26)))).toBe(2);
    expect(estimatePages([line(25 + 27 * 65)])).toBe(3);
    expect(estimatePages([line(25 + 27 * 66)])).toBe(4);
  });

  test('a heading is kept with the line after it', () => {
    const full = Array.from({ length: 21 }, () => line(25));
    expect(estimatePages([...full, { kind: 'heading', text: '二、主要工作情况' }, line(10)])).toBe(2);
    expect(estimatePages([...full.slice(1), { kind: 'heading', text: '二、主要工作情况' }, line(10)])).toBe(1);
  });

  test('table rows are never split: a row that does not fit starts a page under a repeated header', () => {
    const rows = (n: number) => Array.from({ length: n }, () => [{ text: '指标' }, { text: '1' }]);
    const table = (n: number): DocBlock => ({ kind: 'table', title: '附：主要指标情况表', headers: ['指标', '本期'], rows: rows(n) });
    expect(estimatePages([table(30)])).toBe(1);
    expect(estimatePages([table(60)])).toBe(2);
  });
});

describe('the demo summary fits in two or three pages', () => {
  test.each(['zh-CN', 'en-US'] as const)('the sample report (ready to submit), %s', (locale) => {
    const pages = estimatePages(documentOf(sample(), locale));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES);
  });

  test('the half-year report (pro-rata targets) too', () => {
    expect(estimatePages(documentOf(sample('half-year')))).toBeLessThanOrEqual(MAX_PAGES);
  });

  test('the sample with its six slips (errors and warnings open), and with a change of scope explained', () => {
    const slips = fill(sample(), SLIPS_CSV);
    expect(estimatePages(documentOf(slips))).toBeLessThanOrEqual(MAX_PAGES);
    const scoped = withValues(slips, { PL_POSTS_NOTE: '新增普法公众号，发布条数统计口径调整' });
    expect(estimatePages(documentOf(scoped))).toBeLessThanOrEqual(MAX_PAGES);
  });

  test('the whole report narrated, as the summary was before, runs past three pages (so the check can fail)', () => {
    expect(estimatePages(documentOf(sample(), 'zh-CN', 'all'))).toBeGreaterThan(MAX_PAGES);
  });

  test('many open problems shorten the lists rather than the page budget', () => {
    const slips = fill(sample(), SLIPS_CSV);
    const texts = documentOf(slips).map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts.some((t) => t.startsWith('尚待处理：错误3项'))).toBe(true);
  });
});
