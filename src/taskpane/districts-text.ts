/**
 * The words of the 下级汇总 tab (adding up the districts' reports), in both languages. The
 * per-file status words and the total line are the command line's batch words (`check A B …`),
 * so a clerk who uses both reads the same thing. Finding messages come from the core, already
 * formatted by the caller.
 */
import type { Locale } from '../core';

export type DistrictStatus = 'ready' | 'open' | 'errors' | 'unusable';

export interface DistrictsText {
  chooseFiles: string;
  dropHint: string;
  dropLabel: string;
  empty: string;
  /** Progress label while the files are read and checked one by one. */
  reading: (done: number, total: number) => string;
  status: Record<Exclude<DistrictStatus, 'errors'>, string>;
  statusErrors: (errors: number) => string;
  /** Warnings of a file after its status, with how many are explained (0 warnings → nothing). */
  warnings: (warnings: number, explained: number) => string;
  /** The batch's total line (the command line's words). */
  batchTotal: (files: number, ready: number, withErrors: number, unusable: number, errors: number, warnings: number) => string;
  refusedTitle: string;
  withErrors: (list: string) => string;
  listJoin: string;
  lineUnit: (unit: string, file: string) => string;
  totalUnit: string;
  downloadTotal: string;
  totalHint: string;
  busyTotal: string;
  totalFile: (period: string) => string;
  totalDone: (file: string) => string;
  totalHeading: string;
  totalCounts: (errors: number, warnings: number) => string;
  totalNone: string;
  severity: Record<'error' | 'warning' | 'info', string>;
  reconcile: string;
  reconcileHint: Record<'excel' | 'file', string>;
  busyReconcile: string;
  reconcileHeading: string;
  reconcileSame: (districts: number) => string;
  reconcileDiffers: (count: number, districts: number) => string;
  /** The city report's label in messages, in Excel mode (the open workbook has no file name). */
  thisWorkbook: string;
  needDistricts: string;
  noneReadable: string;
  needReport: string;
}

const zhCN: DistrictsText = {
  chooseFiles: '选择各地区报表（可多选）',
  dropHint: '也可以把多个 .xlsx 文件一起拖到这里。文件只在本机浏览器中处理，不会上传。',
  dropLabel: '各地区报表',
  empty: '尚未选择各地区报表。',
  reading: (done, total) => `正在逐个校验 ${done}/${total}`,
  status: { ready: '可以报送', open: '警告待说明', unusable: '无法读取' },
  statusErrors: (errors) => `有错误 ${errors}`,
  warnings: (warnings, explained) => (warnings > 0 ? `，警告 ${warnings}${explained > 0 ? `（已说明 ${explained}）` : ''}` : ''),
  batchTotal: (files, ready, withErrors, unusable, errors, warnings) =>
    `合计：${files} 个文件，可以报送 ${ready} 个，有错误 ${withErrors} 个，无法读取 ${unusable} 个；错误 ${errors} 处，警告 ${warnings} 处`,
  refusedTitle: '不能汇总',
  withErrors: (list) => `以下地区报表有错误，合计中其数据未经核实：${list}`,
  listJoin: '、',
  lineUnit: (unit, file) => `${unit}（${file}）`,
  totalUnit: '合计',
  downloadTotal: '下载合计表（.xlsx）',
  totalHint: '合计表按模板相加各地区数据，比率由合计数重新计算，并附“分地区对比”工作表。',
  busyTotal: '正在生成合计表…',
  totalFile: (period) => `下级汇总-${period}.xlsx`,
  totalDone: (file) => `已下载 ${file}（含“分地区对比”工作表）。`,
  totalHeading: '合计表的校验结果',
  totalCounts: (errors, warnings) => `合计表：错误 ${errors} 个，警告 ${warnings} 个`,
  totalNone: '合计表没有发现问题。',
  severity: { error: '错误', warning: '警告', info: '提示' },
  reconcile: '与本级报表核对',
  reconcileHint: {
    excel: '把当前工作簿中的本级报表与各地区合计逐项核对：件数须相等，金额在舍入误差内。',
    file: '把上方打开的本级报表与各地区合计逐项核对：件数须相等，金额在舍入误差内。',
  },
  busyReconcile: '正在核对…',
  reconcileHeading: '本级与下级核对',
  reconcileSame: (districts) => `本级报表与所辖 ${districts} 个地区的合计一致。`,
  reconcileDiffers: (count, districts) => `${count} 项与所辖 ${districts} 个地区的合计不一致：`,
  thisWorkbook: '当前工作簿',
  needDistricts: '请先选择各地区报表。',
  noneReadable: '没有可以汇总的报表：所选文件都无法读取。',
  needReport: '请先在上方打开本级报表（.xlsx），再与各地区合计核对。',
};

const enUS: DistrictsText = {
  chooseFiles: 'Choose the district reports (several)',
  dropHint: 'Or drop several .xlsx files here. The files are processed in this browser only; nothing is uploaded.',
  dropLabel: 'District reports',
  empty: 'No district reports chosen yet.',
  reading: (done, total) => `Checking one by one ${done}/${total}`,
  status: { ready: 'ready', open: 'warnings to explain', unusable: 'unreadable' },
  statusErrors: (errors) => `has errors ${errors}`,
  warnings: (warnings, explained) => (warnings > 0 ? `, ${plural(warnings, 'warning', 'warnings')}${explained > 0 ? ` (${explained} explained)` : ''}` : ''),
  batchTotal: (files, ready, withErrors, unusable, errors, warnings) =>
    `Total: ${files} files, ${ready} ready, ${withErrors} with errors, ${unusable} unreadable; ${errors} errors, ${warnings} warnings`,
  refusedTitle: 'Cannot add these up',
  withErrors: (list) => `These district reports have errors; their figures in the total are unverified: ${list}`,
  listJoin: ', ',
  lineUnit: (unit, file) => `${unit} (${file})`,
  totalUnit: 'Total',
  downloadTotal: 'Download the total (.xlsx)',
  totalHint: 'The total adds the districts’ figures as the template says, recomputes the rates from the sums and has a “By district” sheet.',
  busyTotal: 'Building the total…',
  totalFile: (period) => `districts-total-${period}.xlsx`,
  totalDone: (file) => `Downloaded ${file} (with the “By district” sheet).`,
  totalHeading: 'Check of the total',
  totalCounts: (errors, warnings) => `The total: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`,
  totalNone: 'No findings in the total.',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  reconcile: 'Reconcile with the city report',
  reconcileHint: {
    excel: 'Compares the city’s own report in this workbook with the sum of its districts: counts must be equal, amounts within rounding.',
    file: 'Compares the city’s own report opened above with the sum of its districts: counts must be equal, amounts within rounding.',
  },
  busyReconcile: 'Reconciling…',
  reconcileHeading: 'City and districts',
  reconcileSame: (districts) => `The city report agrees with the sum of its ${plural(districts, 'district', 'districts')}.`,
  reconcileDiffers: (count, districts) => `${plural(count, 'indicator differs', 'indicators differ')} from the sum of the ${plural(districts, 'district', 'districts')}:`,
  thisWorkbook: 'this workbook',
  needDistricts: 'Choose the district reports first.',
  noneReadable: 'Nothing to add up: none of the chosen files can be read.',
  needReport: 'Open the city’s own report (.xlsx) above first, then reconcile it with the districts.',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function districtsText(locale: Locale): DistrictsText {
  return locale === 'en-US' ? enUS : zhCN;
}
