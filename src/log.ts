// The process logger: pino, JSON lines on stderr so piped console output stays clean.
import pino from 'pino';
import type { Logger } from './core/logger.js';

export function createLogger(level: string): Logger & pino.Logger {
  return pino({ level, base: { app: 'sitrep' } }, pino.destination(2));
}
