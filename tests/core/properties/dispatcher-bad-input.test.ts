// Property tests of the promise "bad input gets a clear error and loses nothing", for every
// caller kind: generated command lines (runText, as Slack and the console send them) and
// generated split requests (run, as Discord sends them, or as a forged request could).
// Runs are bounded and seeded: a failure prints its seed and path, and FUZZ_SEED / FUZZ_RUNS
// replay or widen a run (`FUZZ_SEED=123 FUZZ_RUNS=2000 npx vitest run tests/core/properties`).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { prepareForAdminCommands } from '../../support/admin-commands.js';
import { ADMIN_RULES, CALLERS, expectPromiseKept } from './bad-input-promise.js';
import { anyText, commandLine, splitRequest } from './command-inputs.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_126);
/** Per caller and property; six callers and three properties keep the file near 15 s on 2 cores. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const settings = { seed: SEED, numRuns: RUNS } as const;

describe.each(CALLERS)('GIVEN hostile input from a $label', (who) => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp(ADMIN_RULES);
    // Gives /entry undo and /actors unmerge something to take back, so those paths run too.
    prepareForAdminCommands(app.services);
  });
  afterAll(() => app.dispose());

  it('WHEN a command line built from the specs is typed THEN the reply is an answer or a clear refusal, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, fc.option(fc.stringMatching(/^[0-9a-f]{1,8}$/)), async (line, requestId) => {
        await expectPromiseKept(app, who, JSON.stringify(line), () => app.dispatcher.runText(line, who.caller, requestId ?? undefined));
      }),
      settings,
    );
  });

  it('WHEN any text at all is typed THEN the reply is an answer or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (line) => {
        await expectPromiseKept(app, who, JSON.stringify(line), () => app.dispatcher.runText(line, who.caller));
      }),
      settings,
    );
  });

  it('WHEN split options of any type arrive THEN the reply is an answer or a clear refusal, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(splitRequest, async (request) => {
        const shown = JSON.stringify(request, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
        await expectPromiseKept(app, who, shown, () => app.dispatcher.run({ ...request, caller: who.caller }));
      }),
      settings,
    );
  });
});
