/** The command line's only contact with the file system and the terminal. */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../core';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  read(path: string): Uint8Array;
  write(path: string, bytes: Uint8Array | string): void;
  /** True when two paths name the same file (so an output never overwrites an input). */
  same(a: string, b: string): boolean;
}

/** An input file that cannot be read (`file-not-found`, `file-unreadable`); worded in messages.ts. */
export class InputFileError extends AppError {
  override name = 'InputFileError';
}

const canonical = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));

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
  write(path, bytes) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, bytes);
  },
  same: (a, b) => canonical(a) === canonical(b),
};
