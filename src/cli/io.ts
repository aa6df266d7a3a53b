/**
 * The command line's only contact with the file system and the terminal. Outputs are
 * planned before any work (an output that is an input, by path, link or hard link, is always
 * refused; an existing file only with --force) and written through a temporary file in the
 * same folder, then renamed (src/cli/output.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../core';
import { planOutputs, writeOutput } from './output';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  read(path: string): Uint8Array;
  /** Refuses, before anything is done, outputs that cannot or may not be written. */
  planOutputs(outputs: readonly (string | undefined)[], inputs: readonly (string | undefined)[], force: boolean): void;
  write(path: string, bytes: Uint8Array | string, force: boolean): void;
  /** Progress of a long batch (on a terminal only). */
  progress?(done: number, total: number): void;
}

/** An input file that cannot be read (`file-not-found`, `file-unreadable`); worded in messages.ts. */
export class InputFileError extends AppError {
  override name = 'InputFileError';
}

export const nodeIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  read(path) {
    if (!existsSync(path)) throw new InputFileError('file-not-found', { path });
    try {
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      throw new InputFileError('file-unreadable', { path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  },
  planOutputs(outputs, inputs, force) {
    planOutputs(outputs, inputs, force);
  },
  write(path, bytes, force) {
    writeOutput(path, bytes, { force });
  },
  progress(done, total) {
    // A bar on stderr when it is a terminal and the batch is more than a few files.
    if (!process.stderr.isTTY || total <= 3) return;
    const width = 30;
    const full = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(full)}${' '.repeat(width - full)}] ${done}/${total}${done === total ? '\n' : ''}`);
  },
};
