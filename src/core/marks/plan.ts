/**
 * The flagged copy as a plan: one mark per finding cell (the worst severity wins, the notes
 * of all findings on that cell joined), and the 问题清单 sheet listing every finding with a
 * link to its cell. Hosts draw marks as removable overlays; values are never touched.
 */
import type { Mark, MarkPlan, PlannedCell, SheetPlan } from '../plan/types';
import { SEVERITY_COLORS } from '../plan/types';
import { severityRank, type Finding, type Report, type Severity } from '../report/types';
import { getCatalog } from '../catalog/catalog';
import { SHEETS } from '../template/layout';
import { estimateRowHeight } from '../summary/format';
import { formatFinding, formatSkipped, formatSuggestion, indicatorName, noteText } from '../i18n/findings';
import type { Locale } from '../i18n/locale';
import { marksText } from '../i18n/marks';
import { toolNote } from './contract';
import { formName } from '../i18n/findings';

const COLUMNS = [6, 8, 7, 22, 28, 24, 60, 12, 30];


/** The severities' words, by locale (the one vocabulary: 错误, 警告, 提示). */
export const SEVERITY_WORDS: Record<Locale, Record<Severity, string>> = {
  'zh-CN': marksText('zh-CN').severity,
  'en-US': marksText('en-US').severity,
};

/** `'JS01 法律援助'!E7` as an internal link. */
export function cellLink(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

export function planMarks(report: Report, locale: Locale = 'zh-CN'): MarkPlan {
  const byCell = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!f.cell) continue;
    const key = `${f.cell.sheet}!${f.cell.address}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const marks: Mark[] = [];
  for (const fs of byCell.values()) {
    const worst = [...fs].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0] as Finding;
    const cell = worst.cell as NonNullable<Finding['cell']>;
    marks.push({
      sheet: cell.sheet,
      address: cell.address,
      severity: worst.severity,
      rule: fs.map((f) => f.rule).join(','),
      note: toolNote(fs.map((f) => noteText(f, locale)).join('\n\n'), locale),
    });
  }
  return { marks, issueSheet: issueSheet(report, locale) };
}

function issueSheet(report: Report, locale: Locale): SheetPlan {
  const catalog = getCatalog();
  const t = marksText(locale);
  const headers = t.issueHeaders;
  const cells: PlannedCell[] = [];
  const title = t.issueTitle;
  const summary = t.status(report.ready, report.counts.error, report.counts.warning - report.explained, report.counts.info);
  cells.push({ address: 'A1', value: title, style: { font: 'title', size: 14, bold: true } });
  cells.push({ address: 'A2', value: summary, style: { font: 'body', size: 10, bold: true, color: report.ready ? '107C10' : 'C50F1F' } });
  const cols = 'ABCDEFGHI';
  headers.forEach((h, i) => cells.push({ address: `${cols[i]}3`, value: h, style: { bold: true, fill: 'DCE6F2', border: true, font: 'body', size: 10, align: 'center' } }));
  let row = 4;
  const rowHeights: Record<number, number> = {};
  report.findings.forEach((f, i) => {
    const colors = SEVERITY_COLORS[f.severity];
    const base = { border: true, font: 'body' as const, size: 10, valign: 'top' as const };
    const form = catalog.formById.get(f.form);
    const values: (string | number)[] = [
      i + 1,
      SEVERITY_WORDS[locale][f.severity],
      f.rule,
      form ? `${f.form} ${formName(form, locale)}` : f.form,
      `${indicatorName(f.code, locale)}（${f.code}）`,
      '',
      formatFinding(f, locale),
      formatSuggestion(f, locale) ?? '',
      f.explanation ?? '',
    ];
    // Wrapped text gets a row tall enough to show it (not every reader fits rows on open).
    rowHeights[row] = Math.max(18, ...[3, 4, 6, 8].map((j) => estimateRowHeight(String(values[j]), COLUMNS[j] as number, 10)));
    values.forEach((v, j) => {
      const address = `${cols[j]}${row}`;
      if (j === 5 && f.cell) {
        cells.push({ address, value: `${f.cell.sheet}!${f.cell.address}`, link: cellLink(f.cell.sheet, f.cell.address), style: { ...base, color: '0563C1' } });
      } else {
        cells.push({ address, value: v, style: j === 1 ? { ...base, fill: colors.fill, color: colors.font, bold: true } : { ...base, wrap: j >= 3 } });
      }
    });
    row++;
  });
  for (const s of report.skipped) {
    cells.push({ address: `A${row}`, value: t.notRun(s.rule), style: { font: 'body', size: 10, italic: true } });
    cells.push({ address: `G${row}`, value: formatSkipped(s, locale), style: { font: 'body', size: 10, italic: true } });
    row++;
  }
  return {
    name: SHEETS.issues,
    columns: COLUMNS,
    cells,
    rowHeights,
    merges: ['A1:I1', 'A2:I2'],
    freeze: { rows: 3, cols: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: [1, 3] },
    tabColor: 'C50F1F',
  };
}
