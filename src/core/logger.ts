// The logging port: pino satisfies it, tests can pass a recorder.
export interface Logger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
