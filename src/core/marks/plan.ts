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

const COLUMNS = [6, 8, 7, 22, 28, 24, 60, 12, 30];


export const SEVERITY_WORDS: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '待核实', info: '提示' },
  'en-US': { error: 'Error', warning: 'Warning', info: 'Info' },
};

const ISSUE_HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['序号', '级别', '规则', '表', '指标', '单元格', '问题', '建议值', '说明'],
  'en-US': ['No.', 'Severity', 'Rule', 'Form', 'Indicator', 'Cell', 'Problem', 'Suggestion', 'Explanation'],
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
      note: fs.map((f) => noteText(f, locale)).join('\n\n'),
    });
  }
  return { marks, issueSheet: issueSheet(report, locale) };
}

function issueSheet(report: Report, locale: Locale): SheetPlan {
  const catalog = getCatalog();
  const headers = ISSUE_HEADERS[locale];
  const cells: PlannedCell[] = [];
  const title = locale === 'en-US' ? 'Findings' : '问题清单';
  const summary =
    locale === 'en-US'
      ? `${report.ready ? 'Ready to submit' : 'Not ready'}: ${report.counts.error} errors, ${report.counts.warning - report.explained} unexplained warnings, ${report.counts.info} notes`
      : `${report.ready ? '可以报送' : '不可报送'}：错误 ${report.counts.error} 个，待说明 ${report.counts.warning - report.explained} 个，提示 ${report.counts.info} 个`;
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
      form ? `${f.form} ${locale === 'en-US' ? form.nameEn : form.nameZh}` : f.form,
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
    cells.push({ address: `A${row}`, value: locale === 'en-US' ? `Not run: ${s.rule}` : `未执行：${s.rule}`, style: { font: 'body', size: 10, italic: true } });
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
