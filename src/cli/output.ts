/**
 * Safe output files for the command line: nothing is overwritten that should not be, and a
 * write that cannot happen says why, at once.
 *
 * planOutputs runs BEFORE any work: it refuses an output that is one of the inputs (by path,
 * symbolic link or hard link: device + inode), two outputs naming one file, an existing file
 * without --force, a folder, a path under a file, a system folder (/proc, /sys, /dev), and
 * anything else that is not an ordinary file or a new one in a folder that can be written.
 *
 * writeOutput writes to a temporary file in the target's folder, fsyncs it and renames it over
 * the target (or, without --force, links it in place so an existing file is never replaced,
 * even when one appears meanwhile). A failure removes the temporary file and becomes an
 * AppError saying what happened (disk full, no permission, read-only, ...).
 *
 * Why writing into /proc used to spin at 100% CPU: the old writer called
 * mkdirSync(dir, { recursive: true }). For /proc/foo, mkdir("/proc/foo") fails with ENOENT
 * (procfs says "no such file" rather than "not permitted"), so Node's recursive mkdir creates
 * the parent, gets EEXIST for /proc, retries /proc/foo, gets ENOENT again — for ever (seen with
 * strace on Node 20.20). Here folders are created one level at a time, each once, after the
 * system folders are refused by path and by real path; no loop depends on what the file
 * system answers.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../core';
import type { OutputErrorCode } from './messages';

/** The file-system calls used here (tests inject failures). */
export type OutputFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'linkSync'
  | 'unlinkSync'
  | 'mkdirSync'
  | 'lstatSync'
  | 'statSync'
  | 'realpathSync'
  | 'accessSync'
  | 'chmodSync'
>;

/** An AppError about an output file; `params.path` is the path as the user gave it. */
export class OutputError extends AppError {
  override name = 'OutputError';
  constructor(
    override readonly code: OutputErrorCode,
    override readonly params: { path: string } & Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(code, params, options);
  }
}

export interface PlannedOutput {
  /** The path as given (named in messages). */
  path: string;
  /** Where the bytes go: absolute, symbolic links followed. */
  target: string;
  /** The target exists and will be replaced (only with --force). */
  replaces: boolean;
  /** Folders to create before writing, outermost first. */
  create: string[];
}

const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$/i;

function isSystemPath(p: string): boolean {
  if (process.platform === 'win32') return WINDOWS_DEVICE.test(basename(p));
  return SYSTEM_FOLDERS.some((s) => p === s || p.startsWith(s + '/'));
}

/** The errno code of a failed call (not `instanceof Error`: errors may come from another realm). */
function errnoOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** What an errno from writing `path` means to a user. Not an errno: rethrown as it is. */
export function outputErrorOf(e: unknown, path: string): OutputError {
  const code = errnoOf(e);
  const opts = { cause: e };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new OutputError('disk-full', { path }, opts);
    case 'EACCES':
    case 'EPERM':
      return new OutputError('no-permission', { path }, opts);
    case 'EROFS':
      return new OutputError('read-only', { path }, opts);
    case 'EISDIR':
      return new OutputError('output-is-folder', { path }, opts);
    case 'ENOTDIR':
      return new OutputError('output-parent-not-folder', { path, parent: dirname(path) }, opts);
    case 'EEXIST':
      return new OutputError('output-exists', { path }, opts);
    case 'ENAMETOOLONG':
      return new OutputError('output-name-too-long', { path }, opts);
    case 'EINVAL':
    case 'ENXIO':
    case 'ELOOP':
      return new OutputError('output-special', { path }, opts);
    case undefined:
      throw e;
    default:
      return new OutputError('output-write-failed', { path, reason: code }, opts);
  }
}

/** lstat, or undefined when nothing is there (or a folder on the way is a file). */
function lstatOrNone(fs: OutputFs, p: string, path: string): nodeFs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw outputErrorOf(e, path);
  }
}

function statOrNone(fs: OutputFs, p: string): nodeFs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function writableFolder(fs: OutputFs, folder: string, path: string): void {
  try {
    fs.accessSync(folder, nodeFs.constants.W_OK | nodeFs.constants.X_OK);
  } catch (e) {
    throw outputErrorOf(e, path);
  }
}

/**
 * Where `path` would be written, checked: its real target, whether it exists, and the folders
 * to create. Refuses system folders, folders, non-regular files and a path under a file.
 */
function locate(fs: OutputFs, path: string): PlannedOutput & { stat?: nodeFs.Stats } {
  const abs = resolve(path);
  if (isSystemPath(abs)) throw new OutputError('output-special', { path });
  // "out/" names a folder, even one that does not exist yet (resolve would drop the slash).
  if (/[\\/]$/.test(path) || path === '' || path === '.' || path === '..') throw new OutputError('output-is-folder', { path });
  const l = lstatOrNone(fs, abs, path);
  if (l) {
    let target: string;
    try {
      target = fs.realpathSync(abs); // links followed, also a linked folder on the way
    } catch (e) {
      // A link to nothing (or a loop): writing through it would create a file somewhere unexpected.
      throw new OutputError('output-special', { path }, { cause: e });
    }
    if (isSystemPath(target)) throw new OutputError('output-special', { path });
    const stat = statOrNone(fs, target);
    if (!stat) throw new OutputError('output-special', { path });
    return { path, target, replaces: true, create: [], stat };
  }
  // A new file: find the nearest folder that exists (each step shortens the path, so this ends).
  const missing: string[] = [];
  let folder = dirname(abs);
  for (;;) {
    const s = lstatOrNone(fs, folder, path);
    if (s) break;
    const up = dirname(folder);
    if (up === folder) break;
    missing.unshift(basename(folder));
    folder = up;
  }
  let real: string;
  try {
    real = fs.realpathSync(folder);
  } catch (e) {
    throw new OutputError('output-special', { path }, { cause: e });
  }
  if (isSystemPath(real)) throw new OutputError('output-special', { path });
  const fstat = statOrNone(fs, real);
  if (!fstat || !fstat.isDirectory()) throw new OutputError('output-parent-not-folder', { path, parent: folder });
  writableFolder(fs, real, path);
  const create: string[] = [];
  let at = real;
  for (const m of missing) create.push((at = join(at, m)));
  return { path, target: join(at, basename(abs)), replaces: false, create };
}

const sameFile = (a: nodeFs.Stats | undefined, b: nodeFs.Stats | undefined) => a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

/**
 * Checks every output before any work is done; returns where each goes. Throws an OutputError:
 * output-is-input (always, --force or not), output-duplicate, output-is-folder, output-special,
 * output-parent-not-folder, output-exists (without --force), no-permission, read-only.
 * `undefined` entries (an option not given) are skipped.
 */
export function planOutputs(
  outputs: readonly (string | undefined)[],
  inputs: readonly (string | undefined)[],
  force: boolean,
  fs: OutputFs = nodeFs,
): PlannedOutput[] {
  const ins = inputs
    .filter((i): i is string => i !== undefined)
    .map((i) => {
      const abs = resolve(i);
      let real = abs;
      try {
        real = fs.realpathSync(abs);
      } catch {
        // a missing input is reported when it is read
      }
      return { path: i, abs, real, stat: statOrNone(fs, abs) };
    });
  const planned: (PlannedOutput & { stat?: nodeFs.Stats })[] = [];
  for (const path of outputs) {
    if (path === undefined) continue;
    const abs = resolve(path);
    // By path first: also when neither exists yet, and before anything else is said about it.
    const byPath = ins.find((i) => i.abs === abs || i.real === abs);
    if (byPath) throw new OutputError('output-is-input', { path, input: byPath.path });
    const o = locate(fs, path);
    const input = ins.find((i) => i.real === o.target || sameFile(i.stat, o.stat));
    if (input) throw new OutputError('output-is-input', { path, input: input.path });
    const twin = planned.find((p) => p.target === o.target || sameFile(p.stat, o.stat));
    if (twin) throw new OutputError('output-duplicate', { path, first: twin.path });
    if (o.stat) {
      if (o.stat.isDirectory()) throw new OutputError('output-is-folder', { path });
      if (!o.stat.isFile()) throw new OutputError('output-special', { path });
      if (!force) throw new OutputError('output-exists', { path });
      writableFolder(fs, dirname(o.target), path);
    }
    planned.push(o);
  }
  return planned.map(({ path, target, replaces, create }) => ({ path, target, replaces, create }));
}

function tempName(target: string): string {
  const base = basename(target).slice(0, 80);
  return join(dirname(target), `.${base}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Link-free file systems (FAT, some shares) answer one of these to linkSync. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `bytes` to `path` through a temporary file in the same folder, fsynced, then renamed
 * over the target. Without `force` an existing file is never replaced (the temporary file is
 * hard-linked in place, which fails if the target exists). Missing folders are created, one
 * level at a time. Throws OutputError; never leaves the temporary file behind.
 */
export function writeOutput(path: string, bytes: Uint8Array | string, options: { force?: boolean; fs?: OutputFs } = {}): void {
  const fs = options.fs ?? nodeFs;
  const force = options.force ?? false;
  const o = locate(fs, path);
  if (o.stat?.isDirectory()) throw new OutputError('output-is-folder', { path });
  if (o.stat && !o.stat.isFile()) throw new OutputError('output-special', { path });
  if (o.stat && !force) throw new OutputError('output-exists', { path });
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  for (const folder of o.create) {
    try {
      fs.mkdirSync(folder);
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST' || !statOrNone(fs, folder)?.isDirectory()) throw outputErrorOf(e, path);
    }
  }
  const tmp = tempName(o.target);
  let fd: number | undefined;
  let written = false;
  try {
    fd = fs.openSync(tmp, 'wx', 0o666);
    if (o.stat) {
      try {
        fs.chmodSync(tmp, o.stat.mode & 0o7777); // a replaced file keeps its permissions
      } catch {
        // not every file system keeps modes; the content matters
      }
    }
    for (let off = 0; off < data.length; ) {
      const n = fs.writeSync(fd, data, off, data.length - off);
      if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
      off += n;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (force) fs.renameSync(tmp, o.target);
    else {
      try {
        fs.linkSync(tmp, o.target);
        written = true;
        fs.unlinkSync(tmp);
      } catch (e) {
        if (written || !NO_HARD_LINKS.has(errnoOf(e) ?? '')) throw e;
        if (statOrNone(fs, o.target)) throw new OutputError('output-exists', { path });
        fs.renameSync(tmp, o.target);
      }
    }
    written = true;
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the close error adds nothing
      }
    }
    if (!written) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // never created, or already gone
      }
    }
    if (e instanceof OutputError) throw e;
    if (written) return; // in place; only removing the temporary name failed
    throw outputErrorOf(e, path);
  }
}
