// Reads a program's arguments with node:util's parseArgs. A mistyped option comes back as a
// one-line reason to print with the usage: a person made it, so a stack trace would not help.
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeLine } from './cli-io.js';

export type ArgsRead<T extends ParseArgsConfig> = { args: ReturnType<typeof parseArgs<T>> } | { problem: string };

export function readArgs<T extends ParseArgsConfig>(config: T): ArgsRead<T> {
  try {
    return { args: parseArgs(config) };
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    // "Unknown option '--x'. To specify a positional argument…": the first sentence says it.
    return { problem: `${(error as Error).message.split('. ')[0]}.` };
  }
}

/**
 * A program that takes one FILE and --help: the file's absolute path, or the exit code after the
 * usage (and the reason, for a mistyped option) went to `stderr`.
 */
export function readOneFile(argv: string[], usage: string, stderr: Writable): { file: string } | { exit: number } {
  const read = readArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if ('problem' in read) {
    writeLine(stderr, `${read.problem}\n${usage}`);
    return { exit: 2 };
  }
  const { values, positionals } = read.args;
  if (values.help || positionals.length !== 1) {
    writeLine(stderr, usage);
    return { exit: values.help ? 0 : 2 };
  }
  return { file: resolve(positionals[0]!) };
}
