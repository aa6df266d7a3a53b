/**
 * The leadership summary as a Word document, laid out like a Chinese official document
 * (GB/T 9704): A4 portrait, margins 3.7 cm top / 3.5 bottom / 2.8 left / 2.6 right, title in
 * a Hei face at 22 pt (二号) centred, body in 仿宋 16 pt (三号) with a two-character first-line
 * indent and a fixed 28 pt line pitch, level-one headings in 黑体, page numbers `— 1 —`.
 * It renders the blocks the core decided (summaryDocument: words, order, what is listed); it
 * decides nothing. Sizes come from OFFICIAL_PAGE, the page the core estimates pages on.
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
import { OFFICIAL_PAGE, summaryDocument, type DocBlock, type Locale, type Paragraph, type SummaryModel, type TableCellText } from '../../core';

/** 1 cm in twips. */
const CM = 567;
/** A4 in twips. */
const A4 = { width: 11906, height: 16838 };
export const DOCX_MARGINS_CM = OFFICIAL_PAGE.marginsCm;
const TEXT_WIDTH = A4.width - Math.round((DOCX_MARGINS_CM.left + DOCX_MARGINS_CM.right) * CM);

/** Faces: East Asian name plus a Latin face for digits and ASCII. */
export const DOCX_FONTS = { title: '黑体', heading: '黑体', body: '仿宋', sub: '楷体', table: '仿宋' };
const face = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });

/** Points to half-points (font sizes) and to twips (line pitch). */
const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt (OFFICIAL_PAGE, which the page estimate uses too). */
const SIZE = { title: half(OFFICIAL_PAGE.titlePt), body: half(OFFICIAL_PAGE.bodyPt), table: half(OFFICIAL_PAGE.tablePt) };
/** Fixed line pitch of the body: 28 pt. */
const LINE = twips(OFFICIAL_PAGE.linePt);
/** Two characters of 三号 text: 32 pt. */
const INDENT_2CH = twips(OFFICIAL_PAGE.bodyPt * 2);

function bodyParagraph(text: string, opts: { color?: string; lead?: string } = {}): DocParagraph {
  const runs: TextRun[] = [];
  if (opts.lead) runs.push(new TextRun({ text: opts.lead, font: face(DOCX_FONTS.sub), size: SIZE.body }));
  runs.push(new TextRun({ text, font: face(DOCX_FONTS.body), size: SIZE.body, ...(opts.color ? { color: opts.color } : {}) }));
  return new DocParagraph({
    indent: { firstLine: INDENT_2CH, firstLineChars: 200 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    alignment: AlignmentType.JUSTIFIED,
    children: runs,
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

const COLUMN_WIDTHS = (() => {
  const w = OFFICIAL_PAGE.columnShares.map((s) => Math.floor(s * TEXT_WIDTH));
  w[0] = (w[0] ?? 0) + TEXT_WIDTH - w.reduce((a, b) => a + b, 0);
  return w;
})();

function tableCell(cell: TableCellText, width: number, opts: { header?: boolean } = {}): TableCell {
  const alignment = cell.align === 'right' ? AlignmentType.RIGHT : cell.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const bold = opts.header === true || cell.bold === true;
  const padV = twips(OFFICIAL_PAGE.tableCellPadV / 2);
  const padH = twips(OFFICIAL_PAGE.tableCellPadH / 2);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: padH, right: padH, top: padV, bottom: padV },
    ...(opts.header ? { shading: { fill: 'F2F2F2', color: 'auto', type: 'clear' as const } } : {}),
    children: [
      new DocParagraph({
        alignment,
        spacing: { line: twips(OFFICIAL_PAGE.tableLinePt), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            text: cell.text,
            font: face(bold ? DOCX_FONTS.heading : DOCX_FONTS.table),
            size: SIZE.table,
            ...(bold ? { bold: true } : {}),
            ...(cell.color ? { color: cell.color } : {}),
          }),
        ],
      }),
    ],
  });
}

function table(block: Extract<DocBlock, { kind: 'table' }>): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.headers.map((h, i) => tableCell({ text: h, align: 'center' }, COLUMN_WIDTHS[i] ?? 0, { header: true })),
  });
  const rows = block.rows.map(
    (cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => tableCell(c, COLUMN_WIDTHS[i] ?? 0)) }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [header, ...rows],
  });
}

function render(block: DocBlock): (DocParagraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new DocParagraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: twips(OFFICIAL_PAGE.titleLinePt), lineRule: LineRuleType.EXACT, after: 0 },
          children: [new TextRun({ text: block.text, font: face(DOCX_FONTS.title), size: SIZE.title })],
        }),
      ];
    case 'subtitle':
      return [
        new DocParagraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: block.text, font: face(DOCX_FONTS.sub), size: SIZE.body })],
        }),
      ];
    case 'blank':
      return [blankLine()];
    case 'heading':
      return [heading(block.text)];
    case 'paragraph':
      return [bodyParagraph(block.text, { ...(block.color ? { color: block.color } : {}), ...(block.lead ? { lead: block.lead } : {}) })];
    case 'table':
      return [heading(block.title, false), table(block)];
  }
}

/** The Word document of the summary: title, period, the paragraphs, checks, key-indicator table. */
export async function summaryDocx(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale): Promise<Uint8Array> {
  const children = summaryDocument(summary, paragraphs, locale).flatMap(render);

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
