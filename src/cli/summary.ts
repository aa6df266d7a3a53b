/** `summary FILE.xlsx --out FILE.xlsx [--docx FILE.docx]`: the 领导参阅 sheet added to a copy, and the Word text. */
import type { Command } from './args';
import type { Io } from './io';
import { SHEETS, buildSummary, checkWorkbook, narrate, summarySheetPlan, type Locale } from '../core';
import { applyWorkbookPlan, snapshotOf, toBytes, type Workbook } from '../hosts/xlsx';
import { summaryDocx } from '../hosts/docx';
import { localeOf, readWorkbook } from './commands';

export async function writeSummary(wb: Workbook, out: string, docx: string | undefined, locale: Locale, io: Io): Promise<number> {
  const { report, model } = checkWorkbook(snapshotOf(wb));
  const summary = buildSummary(report, model, { locale });
  const paragraphs = narrate(summary, model, locale);
  applyWorkbookPlan(wb, { sheets: [summarySheetPlan(summary, paragraphs, locale)], names: [] });
  // The summary is the page leaders open first.
  const sheet = wb.worksheets.find((w) => w.name === SHEETS.summary);
  if (sheet) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: sheet.id - 1, visibility: 'visible' }];
  io.write(out, await toBytes(wb));
  if (docx !== undefined) io.write(docx, await summaryDocx(summary, paragraphs, locale));
  return 0;
}

export async function runSummary(c: Extract<Command, { name: 'summary' }>, io: Io): Promise<number> {
  const wb = await readWorkbook(io, c.file);
  const code = await writeSummary(wb, c.out, c.docx, localeOf(c.lang), io);
  io.err(`已写入 ${c.out}${c.docx !== undefined ? ` 和 ${c.docx}` : ''}`);
  return code;
}
