// The configuration as the transfer programs read it: a mistake in it (SITREP_DB=~/sitrep.db) is
// said in one line a problem, as the bot's start says it, rather than thrown with a stack trace.
import type { CliIo } from '../cli-io.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { writeLine } from './cli-lines.js';

/** The configuration, or undefined after saying what is wrong with it. */
export function configOrSay(io: CliIo): Config | undefined {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.text);
    return undefined;
  }
}
