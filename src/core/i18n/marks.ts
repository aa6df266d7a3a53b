/**
 * The words of the flagged copy: the three severities (one vocabulary everywhere: 错误,
 * 警告, 提示), the 问题清单 sheet's title, headers and status line.
 */
import type { Severity } from '../report/types';
import type { Locale } from './locale';

const zhCN = {
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  issueTitle: '问题清单',
  issueHeaders: ['序号', '级别', '规则', '表', '指标', '单元格', '问题', '建议值', '说明'],
  status: (ready: boolean, errors: number, open: number, info: number) =>
    `${ready ? '可以报送' : '不可报送'}：错误 ${errors} 个，警告待说明 ${open} 个，提示 ${info} 个`,
  notRun: (rule: string) => `未执行：${rule}`,
  /** The last line of every note the tool writes: says whose note it is and that clearing removes it. */
  noteClosing: '（报表助手标注，清除标记时删除）',
};

const enUS: typeof zhCN = {
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  issueTitle: 'Findings',
  issueHeaders: ['No.', 'Severity', 'Rule', 'Form', 'Indicator', 'Cell', 'Problem', 'Suggestion', 'Explanation'],
  status: (ready: boolean, errors: number, open: number, info: number) =>
    `${ready ? 'Ready to submit' : 'Not ready'}: ${errors} errors, ${open} unexplained warnings, ${info} notes`,
  notRun: (rule: string) => `Not run: ${rule}`,
  noteClosing: '(Note added by the report assistant; removed when marks are cleared)',
};

export function marksText(locale: Locale): typeof zhCN {
  return locale === 'en-US' ? enUS : zhCN;
}
