/**
 * Everything the command line prints, in zh-CN and en-US: usage, status lines, the report
 * banner and the words of every error it can meet (by error code). zh-CN is the default;
 * `--lang en-US` or BRA_LANG=en-US switches. A parity test keeps both complete.
 */
import { interpolate, type Locale } from '../core';

const zhCN = {
  usage: `司法行政报表助手 命令行

用法：
  npm run --silent cli -- templates [--json]
  npm run --silent cli -- template <annual|half-year> --out 文件.xlsx [--unit 单位名称] [--period 2025|2025H1] [--lang en-US] [--force]
  npm run --silent cli -- fill 文件.xlsx [--data 数据.csv] [--previous 上年.xlsx] --out 文件.xlsx [--force]
  npm run --silent cli -- check 文件.xlsx [--json] [--out 标记副本.xlsx] [--reference 另一报表.xlsx] [--lang en-US] [--force]
  npm run --silent cli -- summary 文件.xlsx --out 文件.xlsx [--docx 文件.docx] [--force]
  npm run --silent cli -- check A.xlsx B.xlsx ... [--json]
  npm run --silent cli -- clear 标记副本.xlsx --out 报送文件.xlsx [--force]
  npm run --silent cli -- merge A.xlsx B.xlsx ... --out 合计.xlsx [--unit 单位名称] [--force]
  npm run --silent cli -- demo [--out 目录]

退出码：0 无错误；1 工作簿有错误；2 输入无法使用或用法错误。输入文件从不被修改；已有的输出文件只在加 --force 时被替换。`,
  usageLine: (message: string) => `用法错误：${message}（运行 npm run cli -- --help 查看用法）`,
  errorLine: (message: string) => `错误：${message}`,
  unexpected: (detail: string) => `处理失败（${detail}）。如果问题持续，请把文件和这行信息发给维护人员。`,
  wrote: (path: string) => `已写入 ${path}`,
  cleared: (n: number, path: string) => `已清除 ${n} 处标记，写入 ${path}`,
  wroteTwo: (a: string, b: string) => `已写入 ${a} 和 ${b}`,
  made: (path: string) => `已生成 ${path}`,
  merged: (n: number, path: string) => `已合并 ${n} 个报表到 ${path}`,
  templateLine: (id: string, name: string, period: string, forms: string) => `${id.padEnd(10)} ${name}（默认报告期 ${period}）：${forms}`,
  listJoin: '、',
  mergedUnit: '合计',
  batch: {
    headers: ['文件', '结论', '错误', '警告', '提示'],
    status: { ready: '可以报送', open: '警告待说明', errors: '有错误', unusable: '无法读取' } as Record<'ready' | 'open' | 'errors' | 'unusable', string>,
    explainedOf: (n: number) => `（已说明 ${n}）`,
    total: (files: number, ready: number, errors: number, unusable: number, e: number, w: number) =>
      `合计：${files} 个文件，可以报送 ${ready} 个，有错误 ${errors} 个，无法读取 ${unusable} 个；错误 ${e} 处，警告 ${w} 处`,
  },
  mergeErrors: (list: string) => `以下地区报表有错误，合计中其数据未经核实：${list}`,
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
    'usage-single-only': '选项 {option} 只能用于检查一个工作簿',
    'usage-lang': '不支持的语言 {lang}（可用：zh-CN、en-US）',
    'output-is-input': '输出文件 {path} 就是输入文件 {input}（同一文件或它的链接）：输入文件不会被覆盖，请换一个输出文件名',
    'output-exists': '输出文件 {path} 已存在；如需覆盖请加 --force，或换一个文件名',
    'output-duplicate': '两个输出 {first} 和 {path} 是同一个文件，请为每个输出各起一个文件名',
    'output-is-folder': '输出位置 {path} 是一个文件夹，请写出文件名（如 {path}/结果.xlsx）',
    'output-parent-not-folder': '无法写入 {path}：{parent} 是文件而不是文件夹，请换一个输出位置',
    'output-special': '{path} 不是普通文件（系统目录、设备、管道或断开的链接），请把输出写到普通文件夹中',
    'output-name-too-long': '输出文件名 {path} 太长，请用较短的文件名或文件夹',
    'disk-full': '磁盘空间不足，{path} 未写入；请清理磁盘或换一个位置后重试',
    'no-permission': '没有写入 {path} 的权限；请换一个有写入权限的文件夹，或请管理员开通权限',
    'read-only': '{path} 所在的位置是只读的，无法写入；请换一个可写的文件夹',
    'output-write-failed': '写入 {path} 失败（系统错误 {reason}），该文件未改动；请换一个位置重试',
    'csv-encoding': '无法识别导入文件 {path} 的文字编码；请在 Excel 或 WPS 中打开它，另存为 → CSV UTF-8（逗号分隔）(*.csv)，再导入',
    'file-not-found': '找不到文件：{path}',
    'file-unreadable': '无法读取文件 {path}（{reason}）',
  } as Record<string, string>,
};

type CliText = typeof zhCN;

const enUS: CliText = {
  usage: `Bureau Report Assistant — command line

Usage:
  npm run --silent cli -- templates [--json]
  npm run --silent cli -- template <annual|half-year> --out FILE.xlsx [--unit NAME] [--period 2025|2025H1] [--lang en-US] [--force]
  npm run --silent cli -- fill FILE.xlsx [--data VALUES.csv] [--previous LAST.xlsx] --out FILE.xlsx [--force]
  npm run --silent cli -- check FILE.xlsx [--json] [--out FLAGGED.xlsx] [--reference OTHER.xlsx] [--lang en-US] [--force]
  npm run --silent cli -- summary FILE.xlsx --out FILE.xlsx [--docx FILE.docx] [--force]
  npm run --silent cli -- check A.xlsx B.xlsx ... [--json]
  npm run --silent cli -- clear FLAGGED.xlsx --out CLEAN.xlsx [--force]
  npm run --silent cli -- merge A.xlsx B.xlsx ... --out TOTAL.xlsx [--unit NAME] [--force]
  npm run --silent cli -- demo [--out DIR]

Exit status: 0 no errors; 1 the workbook has errors; 2 unusable input or usage. Input files are never modified; an existing output is replaced only with --force.`,
  usageLine: (message: string) => `Usage error: ${message} (run npm run cli -- --help for usage)`,
  errorLine: (message: string) => `Error: ${message}`,
  unexpected: (detail: string) => `Processing failed (${detail}). If it keeps happening, send the file and this line to the maintainers.`,
  wrote: (path: string) => `Wrote ${path}`,
  cleared: (n: number, path: string) => `Cleared ${n} marks, wrote ${path}`,
  wroteTwo: (a: string, b: string) => `Wrote ${a} and ${b}`,
  made: (path: string) => `Made ${path}`,
  merged: (n: number, path: string) => `Merged ${n} reports into ${path}`,
  templateLine: (id: string, name: string, period: string, forms: string) => `${id.padEnd(10)} ${name} (default period ${period}): ${forms}`,
  listJoin: ', ',
  mergedUnit: 'Total',
  batch: {
    headers: ['File', 'Result', 'Errors', 'Warnings', 'Info'],
    status: { ready: 'ready', open: 'warnings to explain', errors: 'has errors', unusable: 'unreadable' },
    explainedOf: (n: number) => ` (${n} explained)`,
    total: (files: number, ready: number, errors: number, unusable: number, e: number, w: number) =>
      `Total: ${files} files, ${ready} ready, ${errors} with errors, ${unusable} unreadable; ${e} errors, ${w} warnings`,
  },
  mergeErrors: (list: string) => `These district reports have errors; their figures in the total are unverified: ${list}`,
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
    'usage-single-only': 'option {option} works only when checking one workbook',
    'usage-lang': 'unsupported language {lang} (available: zh-CN, en-US)',
    'output-is-input': 'The output {path} is the input {input} (the same file or a link to it): inputs are never overwritten; choose another output file name',
    'output-exists': 'The output file {path} already exists; add --force to replace it, or choose another file name',
    'output-duplicate': 'The outputs {first} and {path} are the same file; give each output its own file name',
    'output-is-folder': 'The output {path} is a folder; give a file name (e.g. {path}/result.xlsx)',
    'output-parent-not-folder': 'Cannot write {path}: {parent} is a file, not a folder; choose another place for the output',
    'output-special': '{path} is not an ordinary file (a system folder, a device, a pipe or a broken link); write the output into an ordinary folder',
    'output-name-too-long': 'The output name {path} is too long; use a shorter file or folder name',
    'disk-full': 'The disk is full, so {path} was not written; free some space or choose another place and try again',
    'no-permission': 'No permission to write {path}; choose a folder you may write to, or ask an administrator for permission',
    'read-only': '{path} is on a read-only drive or folder; choose a folder that can be written',
    'output-write-failed': 'Writing {path} failed (system error {reason}); the file is unchanged; try another place',
    'csv-encoding': 'The text encoding of the import file {path} is not recognised; open it in Excel or WPS, Save As → CSV UTF-8 (Comma delimited) (*.csv), and import that',
    'file-not-found': 'file not found: {path}',
    'file-unreadable': 'cannot read {path} ({reason})',
  },
};

/** The codes of the output and input-encoding errors (src/cli/output.ts, src/cli/decode.ts). */
export const OUTPUT_CODES = [
  'output-is-input', 'output-exists', 'output-duplicate', 'output-is-folder', 'output-parent-not-folder', 'output-special',
  'output-name-too-long', 'disk-full', 'no-permission', 'read-only', 'output-write-failed',
] as const;
export type OutputErrorCode = (typeof OUTPUT_CODES)[number];
export type CliErrorCode = OutputErrorCode | 'csv-encoding';

/** The words of an error code of the command line's own (usage, files, outputs), or undefined. */
export function cliErrorText(code: string, params: Record<string, string | number>, locale: Locale): string | undefined {
  const template = cliText(locale).errors[code];
  return template === undefined ? undefined : interpolate(template, params);
}

/** The user's words for an output or encoding error. */
export function outputMessage(code: CliErrorCode, params: Record<string, string | number>, locale: Locale): string {
  return cliErrorText(code, params, locale) ?? code;
}

export function cliText(locale: Locale): CliText {
  return locale === 'en-US' ? enUS : zhCN;
}
