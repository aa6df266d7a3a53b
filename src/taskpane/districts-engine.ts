/**
 * The district reports' part of the core (issue 13), as its own lazy chunk: nobody needs it
 * before the 下级汇总 tab reads its first file, so the way to the first findings of a single
 * report does not carry it. Every entry is the core's own function.
 */
export { batchSummary, checkMergedTotal, districtInput, locate, mergeDistricts, planMergedWorkbook, reconcile } from '../core';
