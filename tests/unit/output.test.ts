/**
 * Safe output files, on real temporary folders: nothing is overwritten that should not be, and
 * a write that cannot happen says why at once (within a second, also under /proc).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OutputError, planOutputs, writeOutput, type OutputFs } from '../../src/cli/output';
import { outputMessage, OUTPUT_CODES, type CliErrorCode } from '../../src/cli/messages';
import { AppError } from '../../src/core/errors';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(join(tmpdir(), 'bra-out-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (...names: string[]) => join(dir, ...names);
const put = (name: string, text: string) => (fs.writeFileSync(p(name), text), p(name));
const files = () => fs.readdirSync(dir).sort();

/** The error a call throws (an OutputError), with how long the call took. */
function refusal(f: () => unknown): { code: string; params: Record<string, unknown>; ms: number; error: OutputError } {
  const t = Date.now();
  try {
    f();
  } catch (e) {
    if (e instanceof OutputError) return { code: e.code, params: e.params, ms: Date.now() - t, error: e };
    throw e;
  }
  throw new Error('not refused');
}

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('planOutputs: refused before any work', () => {
  test('a new file in an existing folder is fine; missing folders are planned, not made', () => {
    const [a, b] = planOutputs([p('a.xlsx'), p('new', 'deeper', 'b.docx')], [], false);
    expect(a).toMatchObject({ path: p('a.xlsx'), replaces: false, create: [] });
    expect(b?.create.map((c) => c.slice(fs.realpathSync(dir).length))).toEqual(['/new', '/new/deeper']);
    expect(files()).toEqual([]);
  });

  test('an existing file is refused without --force and planned for replacing with it', () => {
    const f = put('out.xlsx', 'old');
    expect(refusal(() => planOutputs([f], [], false))).toMatchObject({ code: 'output-exists', params: { path: f } });
    expect(planOutputs([f], [], true)).toEqual([{ path: f, target: fs.realpathSync(f), replaces: true, create: [] }]);
    expect(fs.readFileSync(f, 'utf8')).toBe('old');
  });

  test('the input itself, by the same or another spelling of its path, even with --force', () => {
    const f = put('in.xlsx', 'input');
    expect(refusal(() => planOutputs([f], [f], true))).toMatchObject({ code: 'output-is-input', params: { path: f, input: f } });
    const other = join(dir, '.', 'sub', '..', 'in.xlsx');
    expect(refusal(() => planOutputs([other], [f], true)).code).toBe('output-is-input');
  });

  test('a hard link of the input (same device and inode, another path)', () => {
    const f = put('in.xlsx', 'input');
    fs.linkSync(f, p('hard.xlsx'));
    expect(refusal(() => planOutputs([p('hard.xlsx')], [f], true))).toMatchObject({ code: 'output-is-input', params: { path: p('hard.xlsx'), input: f } });
  });

  test('a symbolic link to the input, and an input that is a link to the output', () => {
    const f = put('in.xlsx', 'input');
    fs.symlinkSync(f, p('link.xlsx'));
    expect(refusal(() => planOutputs([p('link.xlsx')], [f], true)).code).toBe('output-is-input');
    expect(refusal(() => planOutputs([f], [p('link.xlsx')], true)).code).toBe('output-is-input');
    fs.symlinkSync(dir, p('dirlink'));
    expect(refusal(() => planOutputs([p('dirlink', 'in.xlsx')], [f], true)).code).toBe('output-is-input');
  });

  test('--out and --docx naming the same file, new or existing, by path or by link', () => {
    expect(refusal(() => planOutputs([p('s.xlsx'), p('s.xlsx')], [], true))).toMatchObject({ code: 'output-duplicate', params: { path: p('s.xlsx'), first: p('s.xlsx') } });
    put('s.xlsx', 'x');
    fs.linkSync(p('s.xlsx'), p('s.docx'));
    expect(refusal(() => planOutputs([p('s.xlsx'), p('s.docx')], [], true)).code).toBe('output-duplicate');
    expect(refusal(() => planOutputs([p('s.xlsx'), undefined, p('s.docx')], [], false)).code).toBe('output-exists');
  });

  test('a folder, a path under a file, a broken link, a pipe', () => {
    fs.mkdirSync(p('folder'));
    expect(refusal(() => planOutputs([p('folder')], [], true)).code).toBe('output-is-folder');
    expect(refusal(() => planOutputs([p('new-folder') + '/'], [], true)).code).toBe('output-is-folder');
    expect(refusal(() => writeOutput(p('new-folder') + '/', 'x')).code).toBe('output-is-folder');
    expect(refusal(() => planOutputs([''], [], true)).code).toBe('output-is-folder');
    put('file.txt', 'x');
    expect(refusal(() => planOutputs([p('file.txt', 'out.xlsx')], [], true))).toMatchObject({ code: 'output-parent-not-folder', params: { parent: p('file.txt') } });
    expect(refusal(() => planOutputs([p('file.txt', 'a', 'b', 'out.xlsx')], [], true)).code).toBe('output-parent-not-folder');
    fs.symlinkSync(p('nowhere.xlsx'), p('broken.xlsx'));
    expect(refusal(() => planOutputs([p('broken.xlsx')], [], true)).code).toBe('output-special');
    execFileSync('mkfifo', [p('fifo')]);
    expect(refusal(() => planOutputs([p('fifo')], [], true)).code).toBe('output-special');
  });

  test.each(['/proc/self/x.xlsx', '/proc/foo/bar/x.xlsx', '/proc/self/status', '/sys/x.xlsx', '/dev/null', '/dev/shm/x.xlsx', '/proc'])(
    'a system folder: %s is refused within a second',
    (target) => {
      const r = refusal(() => planOutputs([target], [], true));
      expect([r.code, r.params]).toEqual(['output-special', { path: target }]);
      expect(r.ms).toBeLessThan(1000);
    },
  );

  test('a link into /proc is a system folder too', () => {
    fs.symlinkSync('/proc/self', p('proc'));
    expect(refusal(() => planOutputs([p('proc', 'x', 'y.xlsx')], [], true)).code).toBe('output-special');
    expect(refusal(() => writeOutput(p('proc', 'x', 'y.xlsx'), 'x', { force: true })).code).toBe('output-special');
  });
});

describe('writeOutput', () => {
  test('writes through a temporary file and leaves only the target', () => {
    writeOutput(p('out.xlsx'), new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(p('out.xlsx'))]).toEqual([1, 2, 3]);
    expect(files()).toEqual(['out.xlsx']);
  });

  test('creates missing folders', () => {
    writeOutput(p('a', 'b', 'out.txt'), '说明');
    expect(fs.readFileSync(p('a', 'b', 'out.txt'), 'utf8')).toBe('说明');
  });

  test('without force an existing file is kept; with force it is replaced, its permissions kept', () => {
    const f = put('out.xlsx', 'old');
    fs.chmodSync(f, 0o640);
    expect(refusal(() => writeOutput(f, 'new')).code).toBe('output-exists');
    expect(fs.readFileSync(f, 'utf8')).toBe('old');
    expect(files()).toEqual(['out.xlsx']);
    writeOutput(f, 'new', { force: true });
    expect(fs.readFileSync(f, 'utf8')).toBe('new');
    expect(fs.statSync(f).mode & 0o777).toBe(0o640);
    expect(files()).toEqual(['out.xlsx']);
  });

  test('without force, a file that appears after planning is still not replaced', () => {
    planOutputs([p('race.xlsx')], [], false);
    put('race.xlsx', 'theirs');
    expect(refusal(() => writeOutput(p('race.xlsx'), 'mine')).code).toBe('output-exists');
    expect(fs.readFileSync(p('race.xlsx'), 'utf8')).toBe('theirs');
    expect(files()).toEqual(['race.xlsx']);
  });

  test('through a symbolic link, the file it points at is written and the link stays', () => {
    put('real.xlsx', 'old');
    fs.symlinkSync(p('real.xlsx'), p('link.xlsx'));
    writeOutput(p('link.xlsx'), 'new', { force: true });
    expect(fs.lstatSync(p('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(p('real.xlsx'), 'utf8')).toBe('new');
  });

  test('without hard links (FAT, some shares) a new file is still written, an existing one still kept', () => {
    const noLinks: OutputFs = { ...fs, linkSync: () => { throw errno('EPERM'); } };
    writeOutput(p('fat.xlsx'), 'one', { fs: noLinks });
    expect(fs.readFileSync(p('fat.xlsx'), 'utf8')).toBe('one');
    expect(refusal(() => writeOutput(p('fat.xlsx'), 'two', { fs: noLinks })).code).toBe('output-exists');
    expect(fs.readFileSync(p('fat.xlsx'), 'utf8')).toBe('one');
    expect(files()).toEqual(['fat.xlsx']);
  });

  test('a full disk (ENOSPC on the second write): disk-full, the temporary file removed, the old file intact', () => {
    const f = put('out.xlsx', 'old');
    let calls = 0;
    const full: OutputFs = {
      ...fs,
      writeSync: ((fd: number, buf: Uint8Array, off: number) => {
        if (++calls > 1) throw errno('ENOSPC');
        return fs.writeSync(fd, buf, off, 10);
      }) as OutputFs['writeSync'],
    };
    const r = refusal(() => writeOutput(f, new Uint8Array(100_000), { force: true, fs: full }));
    expect([r.code, r.params]).toEqual(['disk-full', { path: f }]);
    expect(r.error).toBeInstanceOf(AppError);
    expect(calls).toBe(2);
    expect(files()).toEqual(['out.xlsx']);
    expect(fs.readFileSync(f, 'utf8')).toBe('old');
  });

  test('a write that makes no progress stops (no spin)', () => {
    const stuck: OutputFs = { ...fs, writeSync: (() => 0) as OutputFs['writeSync'] };
    const r = refusal(() => writeOutput(p('x.xlsx'), 'abc', { fs: stuck }));
    expect([r.code, r.params]).toEqual(['output-write-failed', { path: p('x.xlsx'), reason: 'EIO' }]);
    expect(files()).toEqual([]);
  });

  test.each([
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EROFS', 'read-only'],
    ['EDQUOT', 'disk-full'],
    ['EISDIR', 'output-is-folder'],
    ['ENOTDIR', 'output-parent-not-folder'],
    ['EIO', 'output-write-failed'],
  ])('%s when the temporary file is opened: %s, nothing left behind', (code, expected) => {
    const failing: OutputFs = { ...fs, openSync: (() => { throw errno(code); }) as OutputFs['openSync'] };
    expect(refusal(() => writeOutput(p('x.xlsx'), 'abc', { fs: failing })).code).toBe(expected);
    expect(files()).toEqual([]);
  });

  test('a rename that fails removes the temporary file', () => {
    const failing: OutputFs = { ...fs, renameSync: () => { throw errno('EACCES'); } };
    expect(refusal(() => writeOutput(p('x.xlsx'), 'abc', { force: true, fs: failing })).code).toBe('no-permission');
    expect(files()).toEqual([]);
  });

  test.each(['/proc/self/x.xlsx', '/proc/foo/bar/x.xlsx', '/proc/self/status', '/sys/kernel/x.xlsx', '/dev/full'])(
    'into a system folder: %s is refused within a second, nothing created',
    (target) => {
      const r = refusal(() => writeOutput(target, 'x', { force: true }));
      expect(r.code).toBe('output-special');
      expect(r.ms).toBeLessThan(1000);
    },
  );
});

/**
 * A real read-only folder and a real full disk: small tmpfs mounts. As root, chmod does not stop
 * a write, so a read-only mount is the honest test; it needs mount privileges (root in this
 * container). Without them these two cases are skipped (the injected errno cases above still run).
 */
const CAN_MOUNT = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(join(tmpdir(), 'bra-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmdirSync(probe);
  }
})();

(CAN_MOUNT ? describe : describe.skip)('real mounts (root only)', () => {
  let mnt: string;
  beforeEach(() => fs.mkdirSync((mnt = p('mnt'))));
  afterEach(() => execFileSync('umount', [mnt], { stdio: 'ignore' }));

  test('a read-only folder: read-only, refused when planning and when writing', () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', mnt]);
    const r = refusal(() => planOutputs([join(mnt, 'x.xlsx')], [], false));
    expect([r.code, r.params]).toEqual(['read-only', { path: join(mnt, 'x.xlsx') }]);
    expect(refusal(() => writeOutput(join(mnt, 'sub', 'x.xlsx'), 'x')).code).toBe('read-only');
  });

  test('a full disk: disk-full, no temporary file left, exactly as before', () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    fs.writeFileSync(join(mnt, 'keep.txt'), 'keep');
    const r = refusal(() => writeOutput(join(mnt, 'big.xlsx'), new Uint8Array(1_000_000)));
    expect(r.code).toBe('disk-full');
    expect(fs.readdirSync(mnt)).toEqual(['keep.txt']);
  });
});

test('every code has a zh-CN and an en-US line, with every placeholder filled', () => {
  const params = { path: 'a.xlsx', input: 'b.xlsx', first: 'c.xlsx', parent: 'd', reason: 'EIO' };
  for (const code of [...OUTPUT_CODES, 'csv-encoding'] as CliErrorCode[]) {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const text = outputMessage(code, params, locale);
      expect([code, locale, /\{\w+\}|\n/.test(text), text.length > 10]).toEqual([code, locale, false, true]);
    }
  }
  expect(outputMessage('output-exists', params, 'zh-CN')).toBe('输出文件 a.xlsx 已存在；如需覆盖请加 --force，或换一个文件名');
});
