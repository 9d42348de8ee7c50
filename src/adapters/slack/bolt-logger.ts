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
