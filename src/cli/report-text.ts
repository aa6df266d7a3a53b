/** How a report reads on a terminal and as JSON (the contract of rules.md). */
import { SEVERITY_WORDS, formatFinding, formatSkipped, indicatorName, periodLabel, type Locale, type Report } from '../core';
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
  const open = report.counts.warning - report.explained;
  if (locale === 'en-US') {
    return report.ready
      ? `Ready to submit (${report.counts.warning} warnings explained, ${report.counts.info} notes)`
      : `Not ready: ${report.counts.error} errors, ${open} warnings to explain`;
  }
  return report.ready
    ? `可以报送（${report.counts.warning} 个核实项均已说明，提示 ${report.counts.info} 个）`
    : `不可报送：${report.counts.error} 个错误，${open} 个待说明`;
}

export function reportText(report: Report, locale: Locale = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  const head = `${report.unit || (zh ? '（未填单位）' : '(no unit)')}  ${periodLabel(report.period ?? '', locale)}  ${report.template === 'half-year' ? (zh ? '半年报' : 'half-year') : zh ? '年报' : 'annual'}`;
  const rows = [zh ? ['级别', '规则', '单元格', '指标', '问题'] : ['Severity', 'Rule', 'Cell', 'Indicator', 'Problem']];
  for (const f of report.findings) {
    const sev = SEVERITY_WORDS[locale][f.severity] + (f.severity === 'warning' && f.explanation ? (zh ? '(已说明)' : ' (explained)') : '');
    rows.push([sev, f.rule, f.cell ? `${f.cell.sheet}!${f.cell.address}` : '', indicatorName(f.code, locale), formatFinding(f, locale)]);
  }
  const lines = [head, banner(report, locale), ''];
  lines.push(report.findings.length ? renderTable(rows) : zh ? '没有发现问题。' : 'No findings.');
  for (const s of report.skipped) lines.push(`${zh ? '未执行' : 'Not run'} ${s.rule}：${formatSkipped(s, locale)}`);
  return lines.join('\n');
}
