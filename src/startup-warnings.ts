// What start-up warns of (a variable set under a name Sitrep does not read). A person starting the
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

export function reportStartupWarnings(warnings: readonly string[], { logger, warnEnabled, terminal }: StartupWarningsOut): void {
  for (const warning of warnings) {
    // The logger applies LOG_LEVEL itself; the terminal is asked first.
    if (!terminal) logger.warn({}, warning);
    else if (warnEnabled) terminal.write(`Warning: ${warning}\n`);
  }
}
