// A transfer program's arguments as `npm run` hands them over: refused when npm took one of the
// program's options for itself (npm-flags.ts) or one is mistyped, else as parseArgs reads them.
import type { ParseArgsConfig } from 'node:util';
import { readArgs, type ArgsRead } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { npmTookOptions, withNearestOption, type NpmScript } from './npm-flags.js';

/** The arguments read, or the exit code once stderr says why not (a mistyped option with `usage`). */
export function readScriptArgs<T extends ParseArgsConfig>(argv: string[], io: CliIo, call: NpmScript, config: T, usage: string): Extract<ArgsRead<T>, { args: unknown }> | { exit: number } {
  const tookByNpm = npmTookOptions(argv, io.env ?? process.env, call);
  if (tookByNpm) {
    writeLine(io.stderr, tookByNpm);
    return { exit: 2 };
  }
  const read = readArgs(config);
  if ('problem' in read) {
    writeLine(io.stderr, `${withNearestOption(read.problem, call.options)}\n${usage}`);
    return { exit: 2 };
  }
  return read;
}
