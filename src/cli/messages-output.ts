/**
 * ===== Locale table: command-line output and input-encoding errors =====
 * The AppError codes thrown by src/cli/output.ts (planOutputs, writeOutput) and
 * src/cli/decode.ts (decodeCsv). One line each, saying what to do. Option names such as
 * --force appear only here, on the command line. To be merged into the central locale tables.
 */
import { interpolate, type Locale } from '../i18n/locale';

export type OutputErrorCode =
  | 'output-is-input'
  | 'output-exists'
  | 'output-duplicate'
  | 'output-is-folder'
  | 'output-parent-not-folder'
  | 'output-special'
  | 'output-name-too-long'
  | 'disk-full'
  | 'no-permission'
  | 'read-only'
  | 'output-write-failed';

export type CliErrorCode = OutputErrorCode | 'csv-encoding';

export const OUTPUT_MESSAGES: Record<CliErrorCode, Record<Locale, string>> = {
  'output-is-input': {
    'zh-CN': '输出文件 {path} 就是输入文件 {input}（同一文件或它的链接）：输入文件不会被覆盖，请换一个输出文件名',
    'en-US': 'The output {path} is the input {input} (the same file or a link to it): inputs are never overwritten; choose another output file name',
  },
  'output-exists': {
    'zh-CN': '输出文件 {path} 已存在；如需覆盖请加 --force，或换一个文件名',
    'en-US': 'The output file {path} already exists; add --force to replace it, or choose another file name',
  },
  'output-duplicate': {
    'zh-CN': '两个输出 {first} 和 {path} 是同一个文件，请为每个输出各起一个文件名',
    'en-US': 'The outputs {first} and {path} are the same file; give each output its own file name',
  },
  'output-is-folder': {
    'zh-CN': '输出位置 {path} 是一个文件夹，请写出文件名（如 {path}/结果.xlsx）',
    'en-US': 'The output {path} is a folder; give a file name (e.g. {path}/result.xlsx)',
  },
  'output-parent-not-folder': {
    'zh-CN': '无法写入 {path}：{parent} 是文件而不是文件夹，请换一个输出位置',
    'en-US': 'Cannot write {path}: {parent} is a file, not a folder; choose another place for the output',
  },
  'output-special': {
    'zh-CN': '{path} 不是普通文件（系统目录、设备、管道或断开的链接），请把输出写到普通文件夹中',
    'en-US': '{path} is not an ordinary file (a system folder, a device, a pipe or a broken link); write the output into an ordinary folder',
  },
  'output-name-too-long': {
    'zh-CN': '输出文件名 {path} 太长，请用较短的文件名或文件夹',
    'en-US': 'The output name {path} is too long; use a shorter file or folder name',
  },
  'disk-full': {
    'zh-CN': '磁盘空间不足，{path} 未写入；请清理磁盘或换一个位置后重试',
    'en-US': 'The disk is full, so {path} was not written; free some space or choose another place and try again',
  },
  'no-permission': {
    'zh-CN': '没有写入 {path} 的权限；请换一个有写入权限的文件夹，或请管理员开通权限',
    'en-US': 'No permission to write {path}; choose a folder you may write to, or ask an administrator for permission',
  },
  'read-only': {
    'zh-CN': '{path} 所在的位置是只读的，无法写入；请换一个可写的文件夹',
    'en-US': '{path} is on a read-only drive or folder; choose a folder that can be written',
  },
  'output-write-failed': {
    'zh-CN': '写入 {path} 失败（系统错误 {reason}），该文件未改动；请换一个位置重试',
    'en-US': 'Writing {path} failed (system error {reason}); the file is unchanged; try another place',
  },
  'csv-encoding': {
    'zh-CN': '无法识别导入文件 {path} 的文字编码；请在 Excel 或 WPS 中打开它，另存为 → CSV UTF-8（逗号分隔）(*.csv)，再导入',
    'en-US': 'The text encoding of the import file {path} is not recognised; open it in Excel or WPS, Save As → CSV UTF-8 (Comma delimited) (*.csv), and import that',
  },
};

/** The user's words for one of these errors. */
export function outputMessage(code: CliErrorCode, params: Record<string, string | number>, locale: Locale): string {
  return interpolate(OUTPUT_MESSAGES[code][locale], params);
}
