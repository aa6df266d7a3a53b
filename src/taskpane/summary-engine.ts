/**
 * The leadership summary's part of the core, as its own lazy chunk: nobody needs it before
 * 领导参阅 is asked for, so the page's way to its first findings does not carry it.
 */
export { buildSummary, narrate, summarySheetPlan } from '../core';
