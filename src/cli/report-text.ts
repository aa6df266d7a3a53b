/** How a report reads on a terminal and as JSON (the contract of rules.md). */
import { SEVERITY_WORDS, formatFinding, formatSkipped, indicatorName, periodLabel, type Locale, type Report } from '../core';
import { cliText } from './messages';
import { renderTable } from './table';

export function reportJson(report: Report, locale: Locale = 'zh-CN'): object {
  return {
    ready: report.ready,
    counts: report.counts,
    explained: report.explained,
    template: report.template,
    unit: report.unit,
    period: report.period,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      code: f.code,
      form: f.form,
      sheet: f.cell?.sheet ?? '',
      cell: f.cell?.address ?? '',
      message: formatFinding(f, locale),
      ...(f.suggestion ? { suggestion: f.suggestion.value, ...(f.suggestion.approx ? { approx: true } : {}) } : {}),
      ...(f.explanation ? { explanation: f.explanation } : {}),
    })),
    skipped: report.skipped.map((s) => ({ rule: s.rule, reason: formatSkipped(s, locale) })),
  };
}

export function banner(report: Report, locale: Locale = 'zh-CN'): string {
  const t = cliText(locale).report;
  return report.ready ? t.ready(report.counts.warning, report.counts.info) : t.notReady(report.counts.error, report.counts.warning - report.explained);
}

export function reportText(report: Report, locale: Locale = 'zh-CN'): string {
  const t = cliText(locale).report;
  const head = `${report.unit || t.noUnit}  ${periodLabel(report.period ?? '', locale)}  ${report.template === 'half-year' ? t.halfYear : t.annual}`;
  const rows = [t.headers];
  for (const f of report.findings) {
    const sev = SEVERITY_WORDS[locale][f.severity] + (f.severity === 'warning' && f.explanation ? t.explained : '');
    rows.push([sev, f.rule, f.cell ? `${f.cell.sheet}!${f.cell.address}` : '', indicatorName(f.code, locale), formatFinding(f, locale)]);
  }
  const lines = [head, banner(report, locale), ''];
  lines.push(report.findings.length ? renderTable(rows) : t.none);
  for (const s of report.skipped) lines.push(t.notRun(s.rule, formatSkipped(s, locale)));
  return lines.join('\n');
}
