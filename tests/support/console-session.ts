// The interactive console on a pretend terminal, for tests: keys go in, and the test waits for
// what it expects to appear on screen (never for a fixed time), so it holds under any load.
import { PassThrough } from 'node:stream';
import { runConsole, type ConsoleRun } from '../../src/adapters/console/console-adapter.js';
import type { Dispatcher } from '../../src/core/dispatcher.js';
import { CONTROL_SEQUENCE, TerminalScreen } from './terminal-screen.js';

export const KEYS = { up: '\x1b[A', tab: '\t', enter: '\r', ctrlC: '\x03', ctrlD: '\x04' } as const;

const PROMPT = 'sitrep> ';
/** Far longer than any reply takes, yet within vitest's timeout, so a miss reports what was shown. */
const WAIT_LIMIT_MS = 15_000;

export interface ConsoleSession {
  screen: TerminalScreen;
  /** Everything printed so far, without control sequences. */
  printed(): string;
  type(keys: string): void;
  /** Resolves once `check` holds for what is on screen, re-checked on each write. */
  until(check: () => boolean, what: string): Promise<void>;
  /** Types a command and Enter; resolves when its reply holds `expected` and the prompt is back. */
  run(line: string, expected: string): Promise<string>;
  /** Ends the input, as a closed terminal would; resolves when the console has stopped. */
  end(): Promise<void>;
  /** Resolves when the console stops by itself (Ctrl-D, Ctrl-C at an empty prompt). */
  done: Promise<ConsoleRun>;
}

export function startConsole(dispatcher: Dispatcher, options: { historyPath?: string; columns?: number } = {}): ConsoleSession {
  const columns = options.columns ?? 120;
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns });
  const screen = new TerminalScreen(columns);
  let raw = '';
  const waiters = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    raw += text;
    screen.write(text);
    for (const waiter of [...waiters]) waiter();
  });
  const done = runConsole({ dispatcher, input, output, ...(options.historyPath ? { historyPath: options.historyPath } : {}) });
  const printed = () => raw.replace(CONTROL_SEQUENCE, '');

  const until = (check: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`waited for ${what}; the screen shows:\n${screen.lines().join('\n')}`));
      }, WAIT_LIMIT_MS);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(deadline);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
      waiter();
    });

  return {
    screen,
    printed,
    done,
    until,
    type: (keys) => void input.write(keys),
    async run(line, expected) {
      const from = printed().length;
      input.write(`${line}${KEYS.enter}`);
      const reply = () => printed().slice(from);
      await until(() => reply().includes(expected) && screen.cursorLine() === PROMPT.trimEnd(), `a reply holding “${expected}”`);
      return reply();
    },
    async end() {
      input.end();
      await done;
    },
  };
}
