/**
 * The standard template as a plan: a cover with the header block, one sheet per form with a
 * row per indicator (本期, 上年同期, 增减量, 同比, 说明), defined names for every figure,
 * derived and YoY cells as formulas with their cached results, Excel's own data validation
 * on input cells, number formats by kind, frozen headers, A4 landscape printing, and an
 * empty 历史数据 sheet. Both hosts render this same plan.
 */
import { getCatalog, indicatorsOf, type Catalog } from '../catalog/catalog';
import type { Form, Indicator } from '../catalog/schema';
import type { CellStyle, NamePlan, PlannedCell, SheetPlan, Validation, WorkbookPlan } from '../plan/types';
import type { TemplateId } from '../model/types';
import { interpolate, type Locale } from '../i18n/locale';
import { templateText } from '../i18n/template';
import { changeFormula, derivedFormula, yoyFormula } from './formulas';
import { COLS, FORM_COLUMN_WIDTHS, FORM_FIRST_ROW, FORM_HEADER_ROW, FORM_ROW_HEIGHT, META_NAMES, NOTE_SUFFIX, PREV_SUFFIX, SHEETS } from './layout';

export interface TemplateOptions {
  unit?: string;
  /** The report period (`2025`, `2025H1`); the caller picks the default with defaultPeriod(template, today). */
  period: string;
  locale?: Locale;
}

const BRAND = '0F6CBD';
const HEADER_FILL = 'DCE6F2';
const FORMULA_FILL = 'F2F2F2';
const INPUT_FILL = 'FFFFFF';

export function formSheetName(form: Form, locale: Locale = 'zh-CN'): string {
  return locale === 'en-US' ? form.sheetEn : form.sheetZh;
}

export function numFmt(ind: Indicator): string {
  if (ind.kind === 'count') return '#,##0';
  return ind.decimals > 0 ? `#,##0.${'0'.repeat(ind.decimals)}` : '#,##0';
}

function validation(ind: Indicator, locale: Locale): Validation {
  const t = templateText(locale);
  if (ind.kind === 'count') return { type: 'whole', min: 0, errorTitle: t.errorTitle, error: t.countError };
  if (ind.kind === 'percent') return { type: 'decimal', min: 0, max: 100, errorTitle: t.errorTitle, error: t.percentError };
  return { type: 'decimal', min: 0, errorTitle: t.errorTitle, error: t.amountError };
}

const border: CellStyle = { border: true, font: 'body', size: 10, valign: 'middle' };

function formSheet(form: Form, catalog: Catalog, locale: Locale, names: NamePlan[], unit: string, period: string): SheetPlan {
  const t = templateText(locale);
  const name = formSheetName(form, locale);
  const cells: PlannedCell[] = [];
  const lastCol = COLS.note;
  cells.push({ address: 'A1', value: `${locale === 'en-US' ? form.nameEn : form.nameZh}（${form.id}）`, style: { font: 'title', size: 16, bold: true, align: 'center', valign: 'middle' } });
  cells.push({
    address: 'A2',
    formula: locale === 'en-US'
      ? `"Reporting unit: "&${META_NAMES.unit}&"    Period: "&${META_NAMES.period}`
      : `"填报单位："&${META_NAMES.unit}&"\u3000\u3000报告期："&${META_NAMES.period}`,
    result: interpolate(t.subtitle, { unit, period }),
    style: { font: 'body', size: 10, align: 'left' },
  });
  const cols = Object.values(COLS);
  t.headers.forEach((h, i) => {
    cells.push({ address: `${cols[i]}${FORM_HEADER_ROW}`, value: h, style: { ...border, bold: true, fill: HEADER_FILL, align: 'center', wrap: true } });
  });
  indicatorsOf(catalog, form.id).forEach((ind, i) => {
    const row = FORM_FIRST_ROW + i;
    const fmt = numFmt(ind);
    const nameText = locale === 'en-US' ? (ind.partOf ? `  ${ind.nameEn}` : ind.nameEn) : ind.nameZh;
    cells.push({ address: `${COLS.seq}${row}`, value: i + 1, style: { ...border, align: 'center' } });
    cells.push({ address: `${COLS.name}${row}`, value: nameText, style: { ...border, wrap: true } });
    cells.push({ address: `${COLS.code}${row}`, value: ind.code, style: { ...border, size: 9, color: '605E5C' } });
    cells.push({ address: `${COLS.unit}${row}`, value: ind.unit, style: { ...border, align: 'center' } });
    const cur = derivedFormula(ind);
    const prev = derivedFormula(ind, true);
    const input: CellStyle = { ...border, numFmt: fmt, fill: INPUT_FILL, unlocked: true, align: 'right' };
    const computed: CellStyle = { ...border, numFmt: fmt, fill: FORMULA_FILL, align: 'right' };
    cells.push(cur ? { address: `${COLS.current}${row}`, formula: cur, result: '', style: computed } : { address: `${COLS.current}${row}`, style: input, validation: validation(ind, locale) });
    cells.push(prev ? { address: `${COLS.previous}${row}`, formula: prev, result: '', style: computed } : { address: `${COLS.previous}${row}`, style: input, validation: validation(ind, locale) });
    cells.push({ address: `${COLS.change}${row}`, formula: changeFormula(ind.code), result: '', style: { ...computed, numFmt: ind.kind === 'count' ? '#,##0;-#,##0' : `0.${'0'.repeat(Math.max(ind.decimals, 1))};-0.${'0'.repeat(Math.max(ind.decimals, 1))}` } });
    cells.push(
      ind.kind === 'percent'
        ? { address: `${COLS.yoy}${row}`, value: '—', style: { ...computed, align: 'center' } }
        : { address: `${COLS.yoy}${row}`, formula: yoyFormula(ind.code), result: '', style: { ...computed, numFmt: '0.0;-0.0' } },
    );
    cells.push({ address: `${COLS.note}${row}`, style: { ...border, wrap: true, unlocked: true } });
    names.push({ name: ind.code, sheet: name, address: `${COLS.current}${row}` });
    names.push({ name: ind.code + PREV_SUFFIX, sheet: name, address: `${COLS.previous}${row}` });
    names.push({ name: ind.code + NOTE_SUFFIX, sheet: name, address: `${COLS.note}${row}` });
  });
  const rows = indicatorsOf(catalog, form.id).length;
  const rowHeights: Record<number, number> = { 1: 30, 2: 18, [FORM_HEADER_ROW]: 30 };
  // Indicator rows grow with their 说明 (and a long name): not fixed, so a printed copy shows it whole.
  const minRowHeights: Record<number, number> = {};
  for (let r = FORM_FIRST_ROW; r < FORM_FIRST_ROW + rows; r++) minRowHeights[r] = FORM_ROW_HEIGHT;
  return {
    name,
    columns: [...FORM_COLUMN_WIDTHS],
    cells,
    merges: [`A1:${lastCol}1`, `A2:${lastCol}2`],
    rowHeights,
    minRowHeights,
    freeze: { rows: FORM_HEADER_ROW, cols: 2 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: [1, FORM_HEADER_ROW],
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    tabColor: BRAND,
  };
}

function coverSheet(templateId: TemplateId, unit: string, period: string, catalog: Catalog, locale: Locale, names: NamePlan[]): SheetPlan {
  const t = templateText(locale);
  const tpl = catalog.templateById.get(templateId);
  const tplName = locale === 'en-US' ? (tpl?.nameEn ?? templateId) : (tpl?.nameZh ?? templateId);
  const cells: PlannedCell[] = [
    { address: 'A1', value: interpolate(t.title, { unit, template: tplName }), style: { font: 'title', size: 18, bold: true, align: 'center', valign: 'middle' } },
  ];
  const metas = [META_NAMES.unit, META_NAMES.period, META_NAMES.template, META_NAMES.filler, META_NAMES.phone, META_NAMES.reviewer, META_NAMES.date];
  const values = [unit, period, tplName, '', '', '', ''];
  t.cover.forEach((label, i) => {
    const row = 3 + i;
    cells.push({ address: `A${row}`, value: label, style: { ...border, bold: true, fill: HEADER_FILL, size: 11 } });
    cells.push({ address: `B${row}`, value: values[i] ?? '', style: { ...border, size: 11, unlocked: true } });
    names.push({ name: metas[i] as string, sheet: SHEETS.cover, address: `B${row}` });
  });
  t.coverNotes.forEach((line, i) => {
    cells.push({ address: `A${12 + i}`, value: line, style: { font: 'body', size: 10, bold: i === 0, color: i === 0 ? '000000' : '444444' } });
  });
  return {
    name: SHEETS.cover,
    columns: [16, 60],
    cells,
    merges: ['A1:B1', ...t.coverNotes.map((_, i) => `A${12 + i}:B${12 + i}`)],
    rowHeights: { 1: 40 },
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    tabColor: BRAND,
  };
}

function historySheet(catalog: Catalog, locale: Locale): SheetPlan {
  const t = templateText(locale);
  const cells: PlannedCell[] = [{ address: 'A1', value: t.historyHeader, style: { ...border, bold: true, fill: HEADER_FILL } }];
  catalog.indicators.forEach((ind, i) => cells.push({ address: `A${i + 2}`, value: ind.code, style: { font: 'body', size: 10 } }));
  // Data for the tool (A6's history): hidden, so printing the whole workbook does not print pages of codes.
  return { name: SHEETS.history, columns: [26, 12, 12, 12, 12, 12], cells, merges: [], freeze: { rows: 1, cols: 1 }, hidden: true };
}

export function buildTemplatePlan(templateId: TemplateId, options: TemplateOptions): WorkbookPlan {
  const catalog = getCatalog();
  const locale = options.locale ?? 'zh-CN';
  const tpl = catalog.templateById.get(templateId);
  if (!tpl) throw new RangeError(`unknown template ${templateId}`);
  const unit = options.unit ?? '';
  const period = options.period;
  const names: NamePlan[] = [];
  const sheets = [coverSheet(templateId, unit, period, catalog, locale, names)];
  for (const formId of tpl.forms) {
    const form = catalog.formById.get(formId);
    if (form) sheets.push(formSheet(form, catalog, locale, names, unit, period));
  }
  sheets.push(historySheet(catalog, locale));
  return { sheets, names };
}
