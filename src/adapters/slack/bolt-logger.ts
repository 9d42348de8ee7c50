// Bolt and its Socket Mode client log through the app's logger, tagged so their lines stand out.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

function text(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
}

/** Bolt's debug chatter is dropped; the rest goes to our logger with `source: 'bolt'`. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info({ source: name }, text(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: name }, text(parts)),
    error: (...parts: unknown[]) => logger.error({ source: name }, text(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (newName: string) => {
      name = newName;
    },
  };
}

/**
 * Bolt's lines while the adapter starts: its retries of auth.test log a warning each, which on
 * a start that fails would print before the one line saying why. They are held until the
 * adapter has started, and dropped if it could not.
 */
export class StartupHold implements Logger {
  private held: [keyof Logger, object, string][] | undefined = [];
  private dropping = false;

  constructor(private readonly logger: Logger) {}

  info(context: object, message: string): void {
    this.line('info', context, message);
  }

  warn(context: object, message: string): void {
    this.line('warn', context, message);
  }

  error(context: object, message: string): void {
    this.line('error', context, message);
  }

  /** Started: what was held is logged, and later lines go straight through. */
  started(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const [level, context, message] of held) this.logger[level](context, message);
  }

  /** Could not start: the refusal says why; what was held, and anything after, is dropped. */
  failed(): void {
    this.held = undefined;
    this.dropping = true;
  }

  private line(level: keyof Logger, context: object, message: string): void {
    if (this.dropping) return;
    if (this.held) this.held.push([level, context, message]);
    else this.logger[level](context, message);
  }
}
