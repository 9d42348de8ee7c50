// The console operator on a seeded store for each test of a file, at a fixed clock: the replies
// of the commands typed, as text, and the app for what they stored.
import { afterEach, beforeEach } from 'vitest';
import type { Caller } from '../../../src/core/caller.js';
import type { View } from '../../../src/core/view.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { viewText } from '../../support/view-text.js';

const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };

export interface OperatorDesk {
  readonly app: TestApp;
  /** The reply to a command line. */
  run(line: string): Promise<View>;
  /** The reply to a command line, as text. */
  text(line: string): Promise<string>;
}

/**
 * `first`: commands run before each test (an entry to edit), each expected to be answered as
 * given. `admins`: who else may change the dossier (SITREP_ADMINS syntax), beside the operator.
 */
export function operatorDesk(first: readonly [line: string, reply: string][] = [], at = '2026-12-05T10:00:00Z', admins = ''): OperatorDesk {
  let app: TestApp;
  const desk: OperatorDesk = {
    get app() {
      return app;
    },
    run: (line) => app.dispatcher.runText(line, operator),
    text: async (line) => viewText(await desk.run(line)),
  };
  beforeEach(async () => {
    const clock = new Date(at);
    app = createTestApp(admins, () => clock);
    for (const [line, reply] of first) {
      const said = await desk.text(line);
      if (!said.includes(reply)) throw new Error(`${line} answered:\n${said}`);
    }
  });
  afterEach(() => app.dispose());
  return desk;
}
