/**
 * The command line: parse, run one command, map what went wrong to an exit code and one
 * line on stderr. Exit 0: no errors; 1: the workbook has errors; 2: unusable input or usage.
 * `run` never exits the process, so tests call it directly.
 */
import { parseArgs, UsageError, USAGE, type Command } from './args';
import { InputFileError, nodeIo, type Io } from './io';
import { runCommand } from './commands';
import { ImportError, NotATemplateError } from '../core';
import { XlsxInputError } from '../hosts/xlsx';

export async function run(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}（运行 npm run cli -- --help 查看用法）`);
      return 2;
    }
    throw e;
  }
  if (command.name === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    return await runCommand(command, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputFileError || e instanceof XlsxInputError || e instanceof NotATemplateError || e instanceof ImportError) {
      io.err(`错误：${e.message.split('\n')[0]}`);
      return 2;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(`错误：处理失败（${msg}）。如果问题持续，请把文件和这行信息发给维护人员。`);
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
