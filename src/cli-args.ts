// Reads a program's arguments with node:util's parseArgs. A mistyped option comes back as a
// one-line reason to print with the usage: a person made it, so a stack trace would not help.
import { parseArgs, type ParseArgsConfig } from 'node:util';

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
