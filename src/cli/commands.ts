/** One function per command; each reads its inputs, asks the core, writes through the xlsx host. */
import type { Command } from './args';
import { UsageError } from './args';
import type { Io } from './io';
import { buildTemplatePlan, checkWorkbook, defaultPeriod, getCatalog, localeFrom, planImport, planMarks, planPrevious, planRecalc, type CellEdit, type Locale } from '../core';
import { applyCellEdits, applyMarks, applyWorkbookPlan, exceljs, loadWorkbook, snapshotOf, toBytes, type Workbook } from '../hosts/xlsx';
import { reportJson, reportText } from './report-text';

const decoder = new TextDecoder('utf-8');

export function localeOf(lang: string | undefined): Locale {
  return localeFrom(lang ?? process.env['BRA_LANG'] ?? 'zh-CN');
}

/** Refuses an output path that is one of the inputs: the input is never modified. */
export function guardOutput(io: Io, out: string, ...inputs: (string | undefined)[]): void {
  for (const i of inputs) if (i !== undefined && io.same(out, i)) throw new UsageError(`输出文件 ${out} 与输入文件相同：输入文件不会被覆盖，请换一个输出文件名`);
}

export async function readWorkbook(io: Io, path: string): Promise<Workbook> {
  return loadWorkbook(io.read(path));
}

export async function newWorkbook(): Promise<Workbook> {
  const ExcelJS = await exceljs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '司法行政报表助手';
  wb.created = new Date();
  return wb;
}

/** After inputs change, the template's formulas carry fresh cached results, and Excel recalculates on open. */
export function recalc(wb: Workbook): void {
  applyCellEdits(wb, planRecalc(snapshotOf(wb)));
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}

export async function makeTemplate(template: 'annual' | 'half-year', options: { unit?: string; period?: string; locale?: Locale }): Promise<Workbook> {
  const wb = await newWorkbook();
  const opts = { period: options.period ?? defaultPeriod(template, new Date()), unit: options.unit ?? '', locale: options.locale ?? 'zh-CN' };
  applyWorkbookPlan(wb, buildTemplatePlan(template, opts));
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  return wb;
}

export function fillWorkbook(wb: Workbook, csv: string | undefined, previous: Workbook | undefined): void {
  const edits: CellEdit[] = [];
  if (csv !== undefined) edits.push(...planImport(csv, snapshotOf(wb)));
  applyCellEdits(wb, edits);
  if (previous) applyCellEdits(wb, planPrevious(snapshotOf(wb), snapshotOf(previous)));
  recalc(wb);
}

export async function runCommand(c: Exclude<Command, { name: 'help' }>, io: Io): Promise<number> {
  switch (c.name) {
    case 'templates': {
      const catalog = getCatalog();
      const list = catalog.templates.map((t) => ({
        id: t.id,
        name: t.nameZh,
        nameEn: t.nameEn,
        period: defaultPeriod(t.id, new Date()),
        forms: t.forms.map((f) => ({ id: f, name: catalog.formById.get(f)?.nameZh ?? f, indicators: catalog.indicators.filter((i) => i.form === f).length })),
      }));
      if (c.json) io.out(JSON.stringify({ templates: list }));
      else for (const t of list) io.out(`${t.id.padEnd(10)} ${t.name}（默认报告期 ${t.period}）：${t.forms.map((f) => `${f.id} ${f.name}`).join('、')}`);
      return 0;
    }
    case 'template': {
      const opts: { unit?: string; period?: string; locale: Locale } = { locale: localeOf(c.lang) };
      if (c.unit !== undefined) opts.unit = c.unit;
      if (c.period !== undefined) opts.period = c.period;
      const wb = await makeTemplate(c.template, opts);
      io.write(c.out, await toBytes(wb));
      io.err(`已生成 ${c.out}`);
      return 0;
    }
    case 'fill': {
      guardOutput(io, c.out, c.file, c.data, c.previous);
      const wb = await readWorkbook(io, c.file);
      const csv = c.data !== undefined ? decoder.decode(io.read(c.data)) : undefined;
      const previous = c.previous !== undefined ? await readWorkbook(io, c.previous) : undefined;
      fillWorkbook(wb, csv, previous);
      io.write(c.out, await toBytes(wb));
      io.err(`已写入 ${c.out}`);
      return 0;
    }
    case 'check': {
      if (c.out !== undefined) guardOutput(io, c.out, c.file, c.reference);
      const locale = localeOf(c.lang);
      const wb = await readWorkbook(io, c.file);
      const reference = c.reference !== undefined ? snapshotOf(await readWorkbook(io, c.reference)) : undefined;
      const { report } = checkWorkbook(snapshotOf(wb), reference ? { reference } : {});
      if (c.out !== undefined) {
        applyMarks(wb, planMarks(report, locale));
        io.write(c.out, await toBytes(wb));
      }
      io.out(c.json ? JSON.stringify(reportJson(report, locale)) : reportText(report, locale));
      return report.counts.error > 0 ? 1 : 0;
    }
    case 'summary':
      guardOutput(io, c.out, c.file);
      if (c.docx !== undefined) guardOutput(io, c.docx, c.file);
      // Loaded on demand: the Word writer is large and `check` should not pay for it.
      return (await import('./summary')).runSummary(c, io);
    case 'merge':
      guardOutput(io, c.out, ...c.files);
      return (await import('./merge')).runMerge(c, io);
    case 'demo':
      return (await import('./demo')).runDemo(c.outDir, io);
  }
}
