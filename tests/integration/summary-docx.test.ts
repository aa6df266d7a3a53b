/**
 * The Word summary: real .docx bytes that unzip, whose document.xml holds the narrative,
 * the title and the key-indicator table, laid out as an official document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { summaryDocx } from '../../src/hosts/docx';
import { buildSummary, narrate, OFFICIAL_PAGE } from '../../src/core/summary';
import type { Figure, ReportModel } from '../../src/core/model/types';
import type { Report } from '../../src/core/report/types';
import type { Locale } from '../../src/core/i18n/locale';

const FIGS: Record<string, [number | null, number | null]> = {
  LA_CASES: [1985, 1862],
  LA_CASES_CRIMINAL: [600, 500],
  LA_CASES_CIVIL: [1300, 1200],
  LA_CASES_ADMIN: [85, 162],
  LA_PER_100K: [72.2, 68],
  NOT_CASES: [65000, 60000],
  MED_DISPUTES: [36000, 35000],
  MED_SUCCESS: [19800, 18900],
  MED_SUCCESS_RATE: [55, 54],
  AR_NEW: [1019, 950],
  AR_SETTLE_RATE: [24.38, 22.1],
  ENF_ENTERPRISE_INSPECTIONS: [700, 1000],
};

const MODEL: ReportModel = {
  template: 'annual',
  unit: '包头市司法局',
  period: '2025',
  figures: new Map<string, Figure>(
    Object.entries(FIGS).map(([code, [current, previous]]) => [
      code,
      { code, current, previous, currentRaw: current, previousRaw: previous, currentIsFormula: false },
    ]),
  ),
  history: new Map(),
  missing: [],
};

const REPORT: Report = {
  ready: false,
  counts: { error: 1, warning: 0, info: 0 },
  explained: 0,
  skipped: [],
  findings: [{ rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {} }],
};

async function build(locale: Locale) {
  const summary = buildSummary(REPORT, MODEL, { locale });
  const paragraphs = narrate(summary, MODEL, locale);
  const bytes = await summaryDocx(summary, paragraphs, locale);
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return { summary, paragraphs, bytes, zip, xml: await file.async('string') };
}

/** The visible text of document.xml: the runs' text joined per paragraph. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('summaryDocx', () => {
  test('returns a Uint8Array that is a zip (.docx) with a document part', async () => {
    const { bytes, zip } = await build('zh-CN');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
  });

  test('document.xml holds the title, the period and every paragraph of the narrative', async () => {
    const { xml, paragraphs, summary } = await build('zh-CN');
    const texts = paragraphTexts(xml);
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(texts).toContain('包头市司法局2025年统计数据分析');
    expect(texts).toContain(`（${summary.periodRange}）`);
    for (const p of paragraphs) expect(texts.some((t) => t.endsWith(p.text))).toBe(true);
    expect(texts).toContain('二、主要工作情况');
    expect(texts.some((t) => t.startsWith('（一）法律援助工作情况。全年，全市共办理法律援助案件1985件，同比增长6.6%'))).toBe(true);
    expect(texts.some((t) => t.includes('不可报送'))).toBe(true);
    expect(texts.some((t) => t.includes('尚待处理：错误1项，涉及办理法律援助案件'))).toBe(true);
  });

  test('the key-indicator table follows the paragraphs, with arrows and status', async () => {
    const { xml, paragraphs } = await build('zh-CN');
    const table = xml.indexOf('<w:tbl>');
    expect(table).toBeGreaterThan(xml.indexOf(paragraphs[paragraphs.length - 1]?.text ?? '\u0000'));
    const texts = paragraphTexts(xml.slice(table));
    for (const h of ['指标（单位）', '本期', '上年同期', '增减', '同比', '目标', '完成情况']) expect(texts).toContain(h);
    expect(texts).toContain('办理法律援助案件（件）');
    expect(texts).toContain('▲ +123');
    expect(texts).toContain('+6.6%');
    expect(texts).toContain('未达标');
    expect(xml).toMatch(/<w:color w:val="107C10"\/>/);
  });

  test('official-document layout: A4 portrait, margins, 仿宋 16 pt body, 2-character indent, 28 pt lines', async () => {
    const { xml } = await build('zh-CN');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(xml).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(xml).toMatch(/<w:jc w:val="center"\/>/);
  });

  test('an English document exists too', async () => {
    const { xml, paragraphs } = await build('en-US');
    const texts = paragraphTexts(xml);
    for (const p of paragraphs) expect(texts.some((t) => t.endsWith(p.text))).toBe(true);
    expect(texts.some((t) => t.startsWith('(1) Legal aid. '))).toBe(true);
    expect(texts).toContain('Indicator (unit)');
  });

  test('no rule id reaches leaders; severities are 错误 / 警告; no change reads 持平', async () => {
    const report: Report = {
      ready: false,
      counts: { error: 1, warning: 1, info: 1 },
      explained: 0,
      skipped: [],
      findings: [
        { rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {} },
        { rule: 'A2', severity: 'warning', code: 'NOT_CASES', form: 'JS02', messageId: 'required-blank', params: {} },
        { rule: 'A5', severity: 'info', code: 'ARB_CASES', form: 'JS02', messageId: 'required-blank', params: {} },
      ],
    };
    const model: ReportModel = { ...MODEL, figures: new Map(MODEL.figures) };
    (model.figures as Map<string, Figure>).set('FE_CASES', { code: 'FE_CASES', current: 1300, previous: 1300, currentRaw: 1300, previousRaw: 1300, currentIsFormula: false });
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const summary = buildSummary(report, model, { locale });
      const zip = await JSZip.loadAsync(await summaryDocx(summary, narrate(summary, model, locale), locale));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const texts = paragraphTexts(xml);
      expect(texts.filter((t) => /\b[RACD]\d{2}\b/.test(t))).toEqual([]);
      const open = texts.find((t) => t.startsWith(locale === 'zh-CN' ? '尚待处理：' : 'Still open: ')) ?? '';
      expect(open).toContain(locale === 'zh-CN' ? '错误1项' : 'Errors: 1');
      expect(open).toContain(locale === 'zh-CN' ? '警告1项' : 'Warnings: 1');
      const table = paragraphTexts(xml.slice(xml.indexOf('<w:tbl>')));
      const fe = table.indexOf(locale === 'zh-CN' ? '办理司法鉴定案件（件）' : 'Forensic expertise cases');
      expect(fe).toBeGreaterThan(0);
      const unchanged = locale === 'zh-CN' ? '持平' : 'unchanged';
      expect(table.slice(fe + 3, fe + 5)).toEqual([unchanged, unchanged]);
      expect(table.join('|')).not.toMatch(/[―—] ?0(个百分点| pp)?\|/);
    }
  });

  test('a change explained as one of 口径 is not headlined: 口径调整 in the table, its 说明 under 主要变化', async () => {
    const model: ReportModel = { ...MODEL, figures: new Map(MODEL.figures) };
    const figures = model.figures as Map<string, Figure>;
    figures.set('PL_POSTS', { code: 'PL_POSTS', current: 7000, previous: 650, currentRaw: 7000, previousRaw: 650, currentIsFormula: false, explanation: '新增普法公众号，发布条数统计口径调整' });
    figures.set('LEG_COUNSEL', { code: 'LEG_COUNSEL', current: 24000, previous: 12000, currentRaw: 24000, previousRaw: 12000, currentIsFormula: false, explanation: '按新口径统计' });
    const summary = buildSummary({ ...REPORT, findings: [], counts: { error: 0, warning: 0, info: 0 }, ready: true }, model);
    const zip = await JSZip.loadAsync(await summaryDocx(summary, narrate(summary, model, 'zh-CN'), 'zh-CN'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const texts = paragraphTexts(xml);
    const moves = texts.find((t) => t.startsWith('与上年同期相比')) ?? '';
    expect(moves).toMatch(/^与上年同期相比，增幅居前的有办理法律援助案件中的刑事案件（增长20%）/);
    expect(moves).not.toMatch(/增幅居前的有[^；。]*(发布普法信息|法律顾问提供法律服务)/);
    expect(moves).toContain('发布普法信息因统计口径调整，与上年同期不可比，未列入增减排序（说明：新增普法公众号，发布条数统计口径调整）。');
    expect(texts.some((t) => t.includes('法律顾问提供法律服务2.4万次，因统计口径调整，与上年同期不可比'))).toBe(true);
    const table = paragraphTexts(xml.slice(xml.indexOf('<w:tbl>')));
    const counsel = table.indexOf('法律顾问提供法律服务（次）');
    expect(table[counsel + 4]).toBe('口径调整');
  });

  test('the table is set at the sizes the page estimate counts with (OFFICIAL_PAGE)', async () => {
    const { xml } = await build('zh-CN');
    const table = xml.slice(xml.indexOf('<w:tbl>'));
    expect(table).toContain(`<w:sz w:val="${OFFICIAL_PAGE.tablePt * 2}"/>`);
    expect(table).toMatch(new RegExp(`<w:spacing [^>]*w:line="${OFFICIAL_PAGE.tableLinePt * 20}" w:lineRule="exact"`));
    expect(xml).toMatch(new RegExp(`<w:spacing [^>]*w:line="${OFFICIAL_PAGE.linePt * 20}" w:lineRule="exact"`));
  });

  test('the docx host works in a browser too: no node:* imports', () => {
    const dir = join(__dirname, '../../src/hosts/docx');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src).not.toMatch(/from '(node:|fs'|path'|buffer')/);
      expect(src).not.toMatch(/Packer\.toBuffer|Buffer\./);
    }
  });
});
