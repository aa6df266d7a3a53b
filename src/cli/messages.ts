/**
 * Everything the command line prints, in zh-CN and en-US: usage, status lines, the report
 * banner and the words of every error it can meet (by error code). zh-CN is the default;
 * `--lang en-US` or BRA_LANG=en-US switches. A parity test keeps both complete.
 */
import type { Locale } from '../core';

const zhCN = {
  usage: `司法行政报表助手 命令行

用法：
  npm run --silent cli -- templates [--json]
  npm run --silent cli -- template <annual|half-year> --out 文件.xlsx [--unit 单位名称] [--period 2025|2025H1] [--lang en-US]
  npm run --silent cli -- fill 文件.xlsx [--data 数据.csv] [--previous 上年.xlsx] --out 文件.xlsx
  npm run --silent cli -- check 文件.xlsx [--json] [--out 标记副本.xlsx] [--reference 另一报表.xlsx] [--lang en-US]
  npm run --silent cli -- summary 文件.xlsx --out 文件.xlsx [--docx 文件.docx]
  npm run --silent cli -- merge A.xlsx B.xlsx ... --out 合计.xlsx [--unit 单位名称]
  npm run --silent cli -- demo [--out 目录]

退出码：0 无错误；1 工作簿有错误；2 输入无法使用或用法错误。输入文件从不被修改。`,
  usageLine: (message: string) => `用法错误：${message}（运行 npm run cli -- --help 查看用法）`,
  errorLine: (message: string) => `错误：${message}`,
  unexpected: (detail: string) => `处理失败（${detail}）。如果问题持续，请把文件和这行信息发给维护人员。`,
  wrote: (path: string) => `已写入 ${path}`,
  wroteTwo: (a: string, b: string) => `已写入 ${a} 和 ${b}`,
  made: (path: string) => `已生成 ${path}`,
  merged: (n: number, path: string) => `已合并 ${n} 个报表到 ${path}`,
  templateLine: (id: string, name: string, period: string, forms: string) => `${id.padEnd(10)} ${name}（默认报告期 ${period}）：${forms}`,
  listJoin: '、',
  mergedUnit: '合计',
  demo: {
    clean: (path: string, errors: number, warnings: number, explained: number) => `示例：按公开数据填好的报表（${path}）：错误 ${errors} 个，警告 ${warnings} 个（已说明 ${explained} 个）`,
    slips: (path: string) => `示例：埋入 6 处常见差错后（${path}）：\n`,
    written: '已写出：',
    files: ['模板', '示例报表', '含差错报表', '标记副本', '领导参阅', 'Word 文稿'],
  },
  report: {
    noUnit: '（未填单位）',
    annual: '年报',
    halfYear: '半年报',
    ready: (warnings: number, info: number) => `可以报送（${warnings} 个警告均已说明，提示 ${info} 个）`,
    notReady: (errors: number, open: number) => `不可报送：${errors} 个错误，${open} 个警告待说明`,
    headers: ['级别', '规则', '单元格', '指标', '问题'],
    explained: '(已说明)',
    none: '没有发现问题。',
    notRun: (rule: string, reason: string) => `未执行 ${rule}：${reason}`,
  },
  /** The words of every error the command line describes, by code. */
  errors: {
    'usage-unknown-command': '未知命令 {command}（可用：{commands}）',
    'usage-unknown-option': '{command} 不支持选项 {option}',
    'usage-repeated-option': '选项 {option} 重复',
    'usage-needs-value': '选项 {option} 需要一个值',
    'usage-no-value': '选项 {option} 不带值',
    'usage-needs-option': '{command} 需要 {option} 选项',
    'usage-one-file': '{command} 需要且只需要一个工作簿文件',
    'usage-no-files': '{command} 不接受文件参数',
    'usage-template-name': 'template 需要模板名 annual 或 half-year',
    'usage-period': '报告期 {period} 不符合{template}的格式（如 {example}）',
    'usage-fill-needs-input': 'fill 需要 --data 或 --previous（或两者）',
    'usage-merge-two': 'merge 需要至少两个工作簿',
    'usage-lang': '不支持的语言 {lang}（可用：zh-CN、en-US）',
    'output-is-input': '输出文件 {path} 与输入文件相同：输入文件不会被覆盖，请换一个输出文件名',
    'file-not-found': '找不到文件：{path}',
    'file-unreadable': '无法读取文件 {path}（{reason}）',
  } as Record<string, string>,
};

type CliText = typeof zhCN;

const enUS: CliText = {
  usage: `Bureau Report Assistant — command line

Usage:
  npm run --silent cli -- templates [--json]
  npm run --silent cli -- template <annual|half-year> --out FILE.xlsx [--unit NAME] [--period 2025|2025H1] [--lang en-US]
  npm run --silent cli -- fill FILE.xlsx [--data VALUES.csv] [--previous LAST.xlsx] --out FILE.xlsx
  npm run --silent cli -- check FILE.xlsx [--json] [--out FLAGGED.xlsx] [--reference OTHER.xlsx] [--lang en-US]
  npm run --silent cli -- summary FILE.xlsx --out FILE.xlsx [--docx FILE.docx]
  npm run --silent cli -- merge A.xlsx B.xlsx ... --out TOTAL.xlsx [--unit NAME]
  npm run --silent cli -- demo [--out DIR]

Exit status: 0 no errors; 1 the workbook has errors; 2 unusable input or usage. Input files are never modified.`,
  usageLine: (message: string) => `Usage error: ${message} (run npm run cli -- --help for usage)`,
  errorLine: (message: string) => `Error: ${message}`,
  unexpected: (detail: string) => `Processing failed (${detail}). If it keeps happening, send the file and this line to the maintainers.`,
  wrote: (path: string) => `Wrote ${path}`,
  wroteTwo: (a: string, b: string) => `Wrote ${a} and ${b}`,
  made: (path: string) => `Made ${path}`,
  merged: (n: number, path: string) => `Merged ${n} reports into ${path}`,
  templateLine: (id: string, name: string, period: string, forms: string) => `${id.padEnd(10)} ${name} (default period ${period}): ${forms}`,
  listJoin: ', ',
  mergedUnit: 'Total',
  demo: {
    clean: (path: string, errors: number, warnings: number, explained: number) => `Sample: the report filled with published figures (${path}): ${errors} errors, ${warnings} warnings (${explained} explained)`,
    slips: (path: string) => `Sample: after planting 6 common slips (${path}):\n`,
    written: 'Written:',
    files: ['Template', 'Sample report', 'Report with slips', 'Flagged copy', 'Leadership summary', 'Word document'],
  },
  report: {
    noUnit: '(no unit)',
    annual: 'annual',
    halfYear: 'half-year',
    ready: (warnings: number, info: number) => `Ready to submit (${warnings} warnings explained, ${info} notes)`,
    notReady: (errors: number, open: number) => `Not ready: ${errors} errors, ${open} warnings to explain`,
    headers: ['Severity', 'Rule', 'Cell', 'Indicator', 'Problem'],
    explained: ' (explained)',
    none: 'No findings.',
    notRun: (rule: string, reason: string) => `Not run ${rule}: ${reason}`,
  },
  errors: {
    'usage-unknown-command': 'unknown command {command} (available: {commands})',
    'usage-unknown-option': '{command} does not take {option}',
    'usage-repeated-option': 'option {option} given twice',
    'usage-needs-value': 'option {option} needs a value',
    'usage-no-value': 'option {option} takes no value',
    'usage-needs-option': '{command} needs {option}',
    'usage-one-file': '{command} needs exactly one workbook',
    'usage-no-files': '{command} takes no file',
    'usage-template-name': 'template needs a template name: annual or half-year',
    'usage-period': 'period {period} does not fit the {template} (e.g. {example})',
    'usage-fill-needs-input': 'fill needs --data or --previous (or both)',
    'usage-merge-two': 'merge needs at least two workbooks',
    'usage-lang': 'unsupported language {lang} (available: zh-CN, en-US)',
    'output-is-input': 'the output {path} is an input: inputs are never overwritten; choose another output name',
    'file-not-found': 'file not found: {path}',
    'file-unreadable': 'cannot read {path} ({reason})',
  },
};

export function cliText(locale: Locale): CliText {
  return locale === 'en-US' ? enUS : zhCN;
}
