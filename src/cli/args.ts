/**
 * Argument parsing as a pure function: argv in, a command or a usage error out. No I/O,
 * no exit; tests call it directly.
 */
import { AppError, type ErrorParams } from '../core';

/** A command line that cannot be run; its words are in messages.ts under `usage-…` codes. */
export class UsageError extends AppError {
  override name = 'UsageError';
  constructor(code: string, params: ErrorParams = {}) {
    super(code, params);
  }
}

export type Command =
  | { name: 'help' }
  | { name: 'templates'; json: boolean }
  | { name: 'template'; template: 'annual' | 'half-year'; out: string; unit?: string; period?: string; force: boolean }
  | { name: 'fill'; file: string; data?: string; previous?: string; out: string; force: boolean }
  | { name: 'check'; files: string[]; json: boolean; out?: string; reference?: string; districts?: string[]; force: boolean }
  | { name: 'summary'; file: string; out: string; docx?: string; force: boolean }
  | { name: 'merge'; files: string[]; out: string; unit?: string; force: boolean }
  | { name: 'clear'; file: string; out: string; force: boolean }
  | { name: 'demo'; outDir: string };

const FLAGS: Record<string, { takesValue: boolean }> = {
  '--json': { takesValue: false },
  '--out': { takesValue: true },
  '--unit': { takesValue: true },
  '--period': { takesValue: true },
  '--data': { takesValue: true },
  '--previous': { takesValue: true },
  '--reference': { takesValue: true },
  '--docx': { takesValue: true },
  '--lang': { takesValue: true },
  '--force': { takesValue: false },
  /** Takes every following argument up to the next option. */
  '--districts': { takesValue: true },
  '--help': { takesValue: false },
};

const ALLOWED: Record<string, string[]> = {
  templates: ['--json', '--lang'],
  template: ['--out', '--unit', '--period', '--lang', '--force'],
  fill: ['--data', '--previous', '--out', '--lang', '--force'],
  check: ['--json', '--out', '--reference', '--districts', '--lang', '--force'],
  summary: ['--out', '--docx', '--lang', '--force'],
  merge: ['--out', '--unit', '--lang', '--force'],
  clear: ['--out', '--lang', '--force'],
  demo: ['--out', '--lang'],
};

export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { name: 'help' };
  const allowed = ALLOWED[name];
  if (!allowed) throw new UsageError('usage-unknown-command', { command: name, commands: Object.keys(ALLOWED).join(', ') });
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a.startsWith('--')) {
      const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const spec = FLAGS[flag];
      if (!spec || !allowed.includes(flag)) throw new UsageError('usage-unknown-option', { command: name, option: flag });
      if (flags.has(flag)) throw new UsageError('usage-repeated-option', { option: flag });
      if (flag === '--districts') {
        const list = inline !== undefined ? [inline] : [];
        while (i + 1 < rest.length && !(rest[i + 1] as string).startsWith('--')) list.push(rest[++i] as string);
        if (list.length === 0) throw new UsageError('usage-needs-value', { option: flag });
        lists.set(flag, list);
        flags.set(flag, list.join('\u0000'));
      } else if (spec.takesValue) {
        const v = inline ?? rest[++i];
        if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError('usage-needs-value', { option: flag });
        flags.set(flag, v);
      } else {
        if (inline !== undefined) throw new UsageError('usage-no-value', { option: flag });
        flags.set(flag, true);
      }
    } else positional.push(a);
  }
  const str = (f: string) => {
    const v = flags.get(f);
    return typeof v === 'string' ? v : undefined;
  };
  const need = (f: string) => {
    const v = str(f);
    if (v === undefined) throw new UsageError('usage-needs-option', { command: name, option: f });
    return v;
  };
  const opt = <K extends string>(k: K, f: string): { [P in K]?: string } => {
    const v = str(f);
    return (v === undefined ? {} : { [k]: v }) as { [P in K]?: string };
  };
  const force = flags.has('--force');
  const list = (f: string) => lists.get(f);
  const one = () => {
    if (positional.length !== 1) throw new UsageError('usage-one-file', { command: name });
    return positional[0] as string;
  };
  switch (name) {
    case 'templates':
      if (positional.length) throw new UsageError('usage-no-files', { command: name });
      return { name, json: flags.has('--json') };
    case 'template': {
      const t = positional[0];
      if (positional.length !== 1 || (t !== 'annual' && t !== 'half-year')) throw new UsageError('usage-template-name');
      const period = str('--period');
      if (period !== undefined && !(t === 'annual' ? /^\d{4}$/ : /^\d{4}H1$/).test(period)) {
        throw new UsageError('usage-period', { period, template: t, example: t === 'annual' ? '2025' : '2025H1' });
      }
      return { name, template: t, out: need('--out'), ...opt('unit', '--unit'), ...opt('period', '--period'), force };
    }
    case 'fill': {
      const file = one();
      if (!flags.has('--data') && !flags.has('--previous')) throw new UsageError('usage-fill-needs-input');
      return { name, file, out: need('--out'), ...opt('data', '--data'), ...opt('previous', '--previous'), force };
    }
    case 'check': {
      if (positional.length === 0) throw new UsageError('usage-one-file', { command: name });
      const several = positional.length > 1;
      for (const f of ['--out', '--reference', '--districts']) if (several && flags.has(f)) throw new UsageError('usage-single-only', { option: f });
      const districts = list('--districts');
      return { name, files: positional, json: flags.has('--json'), ...opt('out', '--out'), ...opt('reference', '--reference'), ...(districts ? { districts } : {}), force };
    }
    case 'summary':
      return { name, file: one(), out: need('--out'), ...opt('docx', '--docx'), force };
    case 'clear':
      return { name, file: one(), out: need('--out'), force };
    case 'merge':
      if (positional.length < 2) throw new UsageError('usage-merge-two');
      return { name, files: positional, out: need('--out'), ...opt('unit', '--unit'), force };
    default:
      return { name: 'demo', outDir: str('--out') ?? 'out' };
  }
}

/** The language asked for on the command line (`--lang X` / `--lang=X`), if any, before parsing. */
export function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}
