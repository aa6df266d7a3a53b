/**
 * `check A.xlsx B.xlsx …`: the per-file lines and the total, as data (no I/O, no wording).
 * Exit status per file: 0 no errors, 1 errors, 2 unusable (could not be opened or is not a
 * report); the batch's status is the highest. A file that failed carries its error as a
 * code and params (an AppError's, or `file-unusable` with the message for anything else).
 */
import { isAppError, type ErrorParams } from '../errors';
import type { Counts, Report } from '../report/types';

export type ExitStatus = 0 | 1 | 2;

export type BatchResult = { file: string; report: Report } | { file: string; error: unknown };

export interface BatchLine {
  file: string;
  exit: ExitStatus;
  /** `ready` (can be sent), `open` (no errors, warnings to explain), `errors`, `unusable`. */
  status: 'ready' | 'open' | 'errors' | 'unusable';
  report?: Report;
  error?: { code: string; params: ErrorParams };
}

export interface BatchTotal {
  files: number;
  ready: number;
  withErrors: number;
  unusable: number;
  /** Findings over all readable files. */
  counts: Counts;
  exit: ExitStatus;
}

export interface BatchSummary {
  lines: BatchLine[];
  total: BatchTotal;
}

export function batchSummary(results: readonly BatchResult[]): BatchSummary {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  let ready = 0;
  let withErrors = 0;
  let unusable = 0;
  let exit: ExitStatus = 0;
  const lines = results.map((r): BatchLine => {
    if ('report' in r) {
      const rep = r.report;
      counts.error += rep.counts.error;
      counts.warning += rep.counts.warning;
      counts.info += rep.counts.info;
      const hasErrors = rep.counts.error > 0;
      if (rep.ready) ready++;
      if (hasErrors) withErrors++;
      const e: ExitStatus = hasErrors ? 1 : 0;
      if (e > exit) exit = e;
      return { file: r.file, exit: e, status: hasErrors ? 'errors' : rep.ready ? 'ready' : 'open', report: rep };
    }
    unusable++;
    exit = 2;
    const error = isAppError(r.error)
      ? { code: r.error.code, params: r.error.params }
      : { code: 'file-unusable', params: { message: r.error instanceof Error ? r.error.message : String(r.error) } };
    return { file: r.file, exit: 2, status: 'unusable', error };
  });
  return { lines, total: { files: results.length, ready, withErrors, unusable, counts, exit } };
}
