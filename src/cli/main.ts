/**
 * The command line: parse, run one command, map what went wrong to an exit code and one
 * line on stderr, in the user's language. Exit 0: no errors; 1: the workbook has errors;
 * 2: unusable input or usage. `run` never exits the process, so tests call it directly.
 */
import { localeFrom, type Locale } from '../core';
import { langArg, parseArgs, type Command } from './args';
import { describe } from './describe';
import { nodeIo, type Io } from './io';
import { cliText } from './messages';

type Runnable = Exclude<Command, { name: 'help' }>;

/** Each command in its own module, loaded when asked for (the Word writer only for summary/demo). */
async function dispatch(c: Runnable, io: Io, locale: Locale, today: Date): Promise<number> {
  switch (c.name) {
    case 'templates':
      return (await import('./commands/templates')).run(c, io, locale, today);
    case 'template':
      return (await import('./commands/template')).run(c, io, locale, today);
    case 'fill':
      return (await import('./commands/fill')).run(c, io, locale);
    case 'check':
      return (await import('./commands/check')).run(c, io, locale);
    case 'summary':
      return (await import('./commands/summary')).run(c, io, locale);
    case 'merge':
      return (await import('./commands/merge')).run(c, io, locale);
    case 'clear':
      return (await import('./commands/clear')).run(c, io, locale);
    case 'demo':
      return (await import('./commands/demo')).run(c, io, locale);
  }
}

/** The command line's language: `--lang`, else BRA_LANG, else zh-CN. */
export function cliLocale(argv: readonly string[], env: Record<string, string | undefined> = process.env): Locale {
  return localeFrom(langArg(argv) ?? env['BRA_LANG'] ?? 'zh-CN');
}

export async function run(argv: readonly string[], io: Io = nodeIo, today: Date = new Date()): Promise<number> {
  const locale = cliLocale(argv);
  try {
    const command = parseArgs(argv);
    if (command.name === 'help') {
      io.out(cliText(locale).usage);
      return 0;
    }
    return await dispatch(command, io, locale, today);
  } catch (e) {
    io.err(describe(e, locale));
    return 2;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
