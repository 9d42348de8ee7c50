// What start-up warns of (a variable set under a name Sitrep does not read, actors whose names now
// read as one) and what it tells while it works (upgrading the store). A person starting the
// console at a terminal reads each as one line; piped runs and services keep JSON log lines, as
// the rest of their log is, for whatever collects it.
import type { Logger } from './core/logger.js';

export interface StartupWarningsOut {
  logger: Pick<Logger, 'warn'>;
  /** Whether LOG_LEVEL lets warnings through: above warn, none is shown either way. */
  warnEnabled: boolean;
  /** The terminal a person reads, when the console is interactive; undefined when piped or a service. */
  terminal?: { write(text: string): unknown };
}

/** Where start-up both warns and tells what it does: its notices are info lines in the log. */
export interface StartupNoticesOut extends StartupWarningsOut {
  logger: Pick<Logger, 'warn' | 'info'>;
}

export function reportStartupWarnings(warnings: readonly string[], { logger, warnEnabled, terminal }: StartupWarningsOut): void {
  for (const warning of warnings) {
    // The logger applies LOG_LEVEL itself; the terminal is asked first.
    if (!terminal) logger.warn({}, warning);
    else if (warnEnabled) terminal.write(`Warning: ${warning}\n`);
  }
}

/**
 * What start-up is doing, as it does it (an upgrade that takes a minute): at a terminal a line of
 * its own, shown as warnings are, since the console logs nothing below them by default; in the
 * log an info line with `context`, which services log by default and piped runs leave out.
 */
export function reportStartupNotice(notice: string, context: object, { logger, warnEnabled, terminal }: StartupNoticesOut): void {
  if (!terminal) logger.info(context, notice);
  else if (warnEnabled) terminal.write(`${notice}\n`);
}
