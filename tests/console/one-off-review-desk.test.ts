// GIVEN a store whose review channel is the console, with a candidate waiting WHEN a console is run
// once, fed by a pipe (a script, a look at the live store) THEN it prints the replies but no card,
// records none as posted, and leaves the edit of a card it decides to the console a person has
// open: that console, the review desk, posts the card and shows the decision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { CONSOLE_CALLER, runConsole } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { silentLogger } from '../../src/core/logger.js';
import { runCompiled } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';
import { proposeCandidate } from '../sources-queue/support/propose.js';

const POSTED = '── posted in #console ──';
const WAITING_CARD = 'Candidate #1 · syria-israel · waiting for review';

interface ConsoleOnStore {
  app: App;
  poster: ConsolePoster;
  output: PassThrough;
  printed(): string;
}

let dir: string;
let dbPath: string;
const opened: App[] = [];

/** An app on the test's store with the console's poster printing into its own output. */
function consoleOn(options: { reviewDesk?: boolean } = {}): ConsoleOnStore {
  const app = createApp({ dbPath, admins: [], logger: silentLogger, checksInWorker: false, ...(options.reviewDesk === undefined ? {} : { consoleReviewDesk: options.reviewDesk }) });
  opened.push(app);
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const poster = new ConsolePoster(output);
  app.digests.posters.register(poster);
  return { app, poster, output, printed: () => printed };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-one-off-desk-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
  const setup = consoleOn();
  await proposeCandidate(setup.app);
  await setup.app.dispatcher.runText('/review channel', CONSOLE_CALLER);
  setup.app.close();
  opened.splice(opened.indexOf(setup.app), 1);
});
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN the console is the review channel and a candidate waits', () => {
  it('WHEN `/review list` is piped into the console THEN the reply holds no card, and the console a person opens next posts it', async () => {
    const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath }, '/review list\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 candidate waiting');
    expect(run.stdout).not.toContain(POSTED);
    expect(run.stdout).not.toContain(WAITING_CARD);

    const desk = consoleOn();
    expect(await desk.app.services.review.postPending()).toBe(1);
    expect(desk.printed()).toContain(`${POSTED}\nSyria and Israel hold talks in Baku\n${WAITING_CARD}`);
  });

  it('WHEN a candidate whose card the desk posted is rejected by a piped console THEN the piped run prints the reply once, and the desk shows the decision on its card', async () => {
    const desk = consoleOn();
    await desk.app.services.review.postPending();
    expect(desk.printed()).toContain(WAITING_CARD);

    const oneOff = consoleOn({ reviewDesk: false });
    const input = new PassThrough();
    const done = runConsole({ dispatcher: oneOff.app.dispatcher, input, output: oneOff.output, poster: oneOff.poster });
    input.end('/review reject id:1\n');
    await done;
    expect(oneOff.printed()).toContain('Candidate #1 · syria-israel · rejected');
    expect(oneOff.printed()).not.toContain('updated ──');
    expect(oneOff.printed()).not.toContain(POSTED);

    await desk.app.services.review.postPending();
    expect(desk.printed()).toMatch(/── console-1 in #console, updated ──\n[^\n]+\nCandidate #1 · syria-israel · rejected\n/);
  });

  it('WHEN a piped console passes over the review channels THEN it posts nothing there, and the card stays owed to the desk', async () => {
    const oneOff = consoleOn({ reviewDesk: false });
    expect(await oneOff.app.services.review.postPending()).toBe(0);
    expect(oneOff.printed()).toBe('');

    const desk = consoleOn();
    expect(await desk.app.services.review.postPending()).toBe(1);
    expect(desk.printed()).toContain(WAITING_CARD);
  });
});
