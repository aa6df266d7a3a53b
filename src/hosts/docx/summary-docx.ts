/**
 * The leadership summary as a Word document, laid out like a Chinese official document
 * (GB/T 9704): A4 portrait, margins 3.7 cm top / 3.5 bottom / 2.8 left / 2.6 right, title in
 * a Hei face at 22 pt (二号) centred, body in 仿宋 16 pt (三号) with a two-character first-line
 * indent and a fixed 28 pt line pitch, level-one headings in 黑体, page numbers `— 1 —`.
 * It renders what the core decided (summary, paragraphs); it decides nothing.
 *
 * Works in Node and in the browser: it uses no node:* module and packs to an ArrayBuffer
 * (JSZip's `arraybuffer` output exists in both), returned as a Uint8Array.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocParagraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ARROWS, JUDGEMENT_COLORS, formatNumber, movesText, readinessText, zhOrdinal, type KeyIndicator, type Locale, type Paragraph, type SummaryModel } from '../../core';

/** 1 cm in twips. */
const CM = 567;
/** A4 in twips. */
const A4 = { width: 11906, height: 16838 };
export const DOCX_MARGINS_CM = { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 };
const TEXT_WIDTH = A4.width - Math.round((DOCX_MARGINS_CM.left + DOCX_MARGINS_CM.right) * CM);

/** Faces: East Asian name plus a Latin face for digits and ASCII. */
export const DOCX_FONTS = { title: '黑体', heading: '黑体', body: '仿宋', sub: '楷体', table: '仿宋' };
const face = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, table: 21 };
/** Fixed line pitch of the body: 28 pt. */
const LINE = 560;
/** Two characters of 三号 text: 32 pt. */
const INDENT_2CH = 640;

const TEXT = {
  'zh-CN': {
    moves: '主要指标增减情况',
    audit: '数据审核情况',
    table: '附：主要指标情况表',
    headers: ['指标（单位）', '本期', '上年同期', '增减', '同比', '目标', '完成情况'],
    met: '达标',
    missed: '未达标',
    noTarget: '无目标',
    blank: '未填报',
    pp: '个百分点',
    more: (n: number) => `另有${n}项，详见“问题清单”。`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    heading: (i: number, t: string) => `${zhOrdinal(i)}、${t}`,
    period: (r: string) => `（${r}）`,
    finding: (i: number, sev: string, rule: string, msg: string) => `${i}. ${sev}（${rule}）：${msg}`,
  },
  'en-US': {
    moves: 'Largest changes',
    audit: 'Data checks',
    table: 'Annex: key indicators',
    headers: ['Indicator (unit)', 'This period', 'Last year', 'Change', 'YoY', 'Target', 'Status'],
    met: 'Met',
    missed: 'Missed',
    noTarget: 'No target',
    blank: 'Blank',
    pp: ' pp',
    more: (n: number) => `${n} more: see the issue list.`,
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    heading: (i: number, t: string) => `${i}. ${t}`,
    period: (r: string) => `(${r})`,
    finding: (i: number, sev: string, rule: string, msg: string) => `${i}. ${sev} (${rule}): ${msg}`,
  },
} as const;

/** At most this many open findings are listed; the rest are counted. */
const MAX_LISTED = 10;

function bodyParagraph(text: string, opts: { color?: string } = {}): DocParagraph {
  return new DocParagraph({
    indent: { firstLine: INDENT_2CH, firstLineChars: 200 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: face(DOCX_FONTS.body), size: SIZE.body, ...(opts.color ? { color: opts.color } : {}) })],
  });
}

function heading(text: string, indent = true): DocParagraph {
  return new DocParagraph({
    ...(indent ? { indent: { firstLine: INDENT_2CH, firstLineChars: 200 } } : {}),
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    children: [new TextRun({ text, font: face(DOCX_FONTS.heading), size: SIZE.body })],
  });
}

function blankLine(): DocParagraph {
  return new DocParagraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });
}

const COLUMN_SHARES = [0.3, 0.11, 0.11, 0.14, 0.1, 0.13, 0.11];
const COLUMN_WIDTHS = (() => {
  const w = COLUMN_SHARES.map((s) => Math.floor(s * TEXT_WIDTH));
  w[0] = (w[0] ?? 0) + TEXT_WIDTH - w.reduce((a, b) => a + b, 0);
  return w;
})();

function tableCell(text: string, width: number, opts: { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; fill?: string } = {}): TableCell {
  const alignment = opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(opts.fill ? { shading: { fill: opts.fill, color: 'auto', type: 'clear' as const } } : {}),
    children: [
      new DocParagraph({
        alignment,
        children: [
          new TextRun({
            text,
            font: face(opts.bold ? DOCX_FONTS.heading : DOCX_FONTS.table),
            size: SIZE.table,
            ...(opts.bold ? { bold: true } : {}),
            ...(opts.color ? { color: opts.color } : {}),
          }),
        ],
      }),
    ],
  });
}

function num(v: number | null, decimals: number): string {
  return v === null ? '—' : formatNumber(v, decimals);
}

function keyRow(k: KeyIndicator, locale: Locale): TableRow {
  const t = TEXT[locale];
  const w = COLUMN_WIDTHS;
  const color = JUDGEMENT_COLORS[k.judgement];
  const sign = k.change !== null && k.change > 0 ? '+' : k.change !== null && k.change < 0 ? '-' : '';
  const change = k.change === null ? '—' : `${ARROWS[k.direction]} ${sign}${formatNumber(Math.abs(k.change), k.decimals)}${k.kind === 'percent' ? t.pp : ''}`;
  const yoy = k.yoyPct === null ? '—' : `${k.yoyPct > 0 ? '+' : ''}${formatNumber(k.yoyPct, 1)}%`;
  const pct = k.kind === 'percent' ? '%' : '';
  const op = k.target ? { '>=': '≥', '<=': '≤', '=': '=' }[k.target.op] : '';
  const target = k.target ? `${op}${formatNumber(k.target.value, k.decimals)}${pct}` : '—';
  const status =
    !k.target ? { text: t.noTarget, color: JUDGEMENT_COLORS.neutral }
    : k.targetStatus === 'met' ? { text: t.met, color: JUDGEMENT_COLORS.good }
    : k.targetStatus === 'missed' ? { text: t.missed, color: JUDGEMENT_COLORS.bad }
    : { text: t.blank, color: JUDGEMENT_COLORS.neutral };
  const unit = k.unit ? (locale === 'en-US' ? ` (${k.unit})` : `（${k.unit}）`) : '';
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell(`${k.name}${unit}`, w[0] ?? 0),
      tableCell(num(k.current, k.decimals), w[1] ?? 0, { align: 'right' }),
      tableCell(num(k.previous, k.decimals), w[2] ?? 0, { align: 'right' }),
      tableCell(change, w[3] ?? 0, { align: 'right', color }),
      tableCell(yoy, w[4] ?? 0, { align: 'right', color }),
      tableCell(target, w[5] ?? 0, { align: 'center' }),
      tableCell(status.text, w[6] ?? 0, { align: 'center', color: status.color }),
    ],
  });
}

function keyTable(summary: SummaryModel, locale: Locale): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TEXT[locale].headers.map((h, i) => tableCell(h, COLUMN_WIDTHS[i] ?? 0, { bold: true, align: 'center', fill: 'F2F2F2' })),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [header, ...summary.key.map((k) => keyRow(k, locale))],
  });
}

/** The Word document of the summary: title, period, the paragraphs, checks, key-indicator table. */
export async function summaryDocx(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale): Promise<Uint8Array> {
  const t = TEXT[locale];
  const children: (DocParagraph | Table)[] = [];

  children.push(
    new DocParagraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 0 },
      children: [new TextRun({ text: summary.title, font: face(DOCX_FONTS.title), size: SIZE.title })],
    }),
    new DocParagraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: t.period(summary.periodRange), font: face(DOCX_FONTS.sub), size: SIZE.body })],
    }),
    blankLine(),
  );

  let n = 0;
  for (const p of paragraphs) {
    n += 1;
    children.push(heading(t.heading(n, p.title)), bodyParagraph(p.text));
  }
  const moves = movesText(summary, locale);
  if (moves !== null) {
    n += 1;
    children.push(heading(t.heading(n, t.moves)), bodyParagraph(moves));
  }
  n += 1;
  children.push(heading(t.heading(n, t.audit)));
  children.push(bodyParagraph(readinessText(summary, locale), { color: summary.readiness.ready ? JUDGEMENT_COLORS.good : JUDGEMENT_COLORS.bad }));
  summary.open.slice(0, MAX_LISTED).forEach((f, i) => {
    children.push(bodyParagraph(t.finding(i + 1, t.severity[f.severity], f.rule, f.message)));
  });
  if (summary.open.length > MAX_LISTED) children.push(bodyParagraph(t.more(summary.open.length - MAX_LISTED)));

  children.push(blankLine(), heading(t.table, false), keyTable(summary, locale));

  const doc = new Document({
    title: summary.title,
    creator: '司法行政报表助手',
    styles: { default: { document: { run: { font: face(DOCX_FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: Math.round(DOCX_MARGINS_CM.top * CM),
              bottom: Math.round(DOCX_MARGINS_CM.bottom * CM),
              left: Math.round(DOCX_MARGINS_CM.left * CM),
              right: Math.round(DOCX_MARGINS_CM.right * CM),
              header: Math.round(1.5 * CM),
              footer: Math.round(2.8 * CM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new DocParagraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: face('宋体'), size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
