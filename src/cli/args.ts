/**
 * Argument parsing as a pure function: argv in, a command or a usage error out. No I/O,
 * no exit; tests call it directly.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command =
  | { name: 'help' }
  | { name: 'templates'; json: boolean }
  | { name: 'template'; template: 'annual' | 'half-year'; out: string; unit?: string; period?: string; lang?: string }
  | { name: 'fill'; file: string; data?: string; previous?: string; out: string }
  | { name: 'check'; file: string; json: boolean; out?: string; reference?: string; lang?: string }
  | { name: 'summary'; file: string; out: string; docx?: string; lang?: string }
  | { name: 'merge'; files: string[]; out: string; unit?: string }
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
  '--help': { takesValue: false },
};

const ALLOWED: Record<string, string[]> = {
  templates: ['--json'],
  template: ['--out', '--unit', '--period', '--lang'],
  fill: ['--data', '--previous', '--out'],
  check: ['--json', '--out', '--reference', '--lang'],
  summary: ['--out', '--docx', '--lang'],
  merge: ['--out', '--unit'],
  demo: ['--out'],
};

export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { name: 'help' };
  const allowed = ALLOWED[name];
  if (!allowed) throw new UsageError(`未知命令 ${name}（可用：${Object.keys(ALLOWED).join('、')}）`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a.startsWith('--')) {
      const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const spec = FLAGS[flag];
      if (!spec || !allowed.includes(flag)) throw new UsageError(`${name} 不支持选项 ${flag}`);
      if (flags.has(flag)) throw new UsageError(`选项 ${flag} 重复`);
      if (spec.takesValue) {
        const v = inline ?? rest[++i];
        if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`选项 ${flag} 需要一个值`);
        flags.set(flag, v);
      } else {
        if (inline !== undefined) throw new UsageError(`选项 ${flag} 不带值`);
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
    if (v === undefined) throw new UsageError(`${name} 需要 ${f} 选项`);
    return v;
  };
  const opt = <K extends string>(k: K, f: string): { [P in K]?: string } => {
    const v = str(f);
    return (v === undefined ? {} : { [k]: v }) as { [P in K]?: string };
  };
  const one = () => {
    if (positional.length !== 1) throw new UsageError(`${name} 需要且只需要一个工作簿文件`);
    return positional[0] as string;
  };
  switch (name) {
    case 'templates':
      if (positional.length) throw new UsageError('templates 不接受文件参数');
      return { name, json: flags.has('--json') };
    case 'template': {
      const t = positional[0];
      if (positional.length !== 1 || (t !== 'annual' && t !== 'half-year')) throw new UsageError('template 需要模板名 annual 或 half-year');
      const period = str('--period');
      if (period !== undefined && !(t === 'annual' ? /^\d{4}$/ : /^\d{4}H1$/).test(period)) {
        throw new UsageError(`报告期 ${period} 不符合 ${t === 'annual' ? '年报（如 2025）' : '半年报（如 2025H1）'} 的格式`);
      }
      return { name, template: t, out: need('--out'), ...opt('unit', '--unit'), ...opt('period', '--period'), ...opt('lang', '--lang') };
    }
    case 'fill': {
      const file = one();
      if (!flags.has('--data') && !flags.has('--previous')) throw new UsageError('fill 需要 --data 或 --previous（或两者）');
      return { name, file, out: need('--out'), ...opt('data', '--data'), ...opt('previous', '--previous') };
    }
    case 'check':
      return { name, file: one(), json: flags.has('--json'), ...opt('out', '--out'), ...opt('reference', '--reference'), ...opt('lang', '--lang') };
    case 'summary':
      return { name, file: one(), out: need('--out'), ...opt('docx', '--docx'), ...opt('lang', '--lang') };
    case 'merge':
      if (positional.length < 2) throw new UsageError('merge 需要至少两个工作簿');
      return { name, files: positional, out: need('--out'), ...opt('unit', '--unit') };
    default:
      return { name: 'demo', outDir: str('--out') ?? 'out' };
  }
}

export const USAGE = `司法行政报表助手 命令行

用法：
  npm run --silent cli -- templates [--json]
  npm run --silent cli -- template <annual|half-year> --out FILE.xlsx [--unit 单位名称] [--period 2025|2025H1]
  npm run --silent cli -- fill FILE.xlsx [--data VALUES.csv] [--previous LAST.xlsx] --out FILE.xlsx
  npm run --silent cli -- check FILE.xlsx [--json] [--out FLAGGED.xlsx] [--reference OTHER.xlsx]
  npm run --silent cli -- summary FILE.xlsx --out FILE.xlsx [--docx FILE.docx]
  npm run --silent cli -- merge A.xlsx B.xlsx ... --out TOTAL.xlsx [--unit 单位名称]
  npm run --silent cli -- demo [--out 目录]

退出码：0 无错误；1 工作簿有错误；2 输入无法使用或用法错误。输入文件从不被修改。`;
