// A digest printed on the console with its card, then its entry corrected: the message is printed
// again, updated, and keeps what the console printed for the card (the picture's path and its
// figures), as Discord and Slack keep the picture on the message they edit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { DRAWING } from '../support/drawing.js';
import { recordingLogger } from '../support/test-app.js';
import { Harness } from './support/harness.js';
import { cleanupEachTest, settleAll } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

/** What the console printed under each `── … ──` line, in order. */
function printedBlocks(output: PassThrough): () => { head: string; body: string }[] {
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return () =>
    printed
      .split(/\n── /)
      .slice(1)
      .map((block) => ({ head: block.slice(0, block.indexOf(' ──')), body: block.slice(block.indexOf('──\n') + 3) }));
}

async function consoleDigest(poster: (output: PassThrough, dir: string, h: Harness) => ConsolePoster) {
  const h = new Harness({ start: '2026-07-06T05:00:00Z', platform: 'console', noFakePoster: true });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-console-charts-'));
  cleanup.push(() => h.removeStore(), () => h.dispose(), () => rmSync(dir, { recursive: true, force: true }));
  const output = new PassThrough();
  const blocks = printedBlocks(output);
  h.app.digests.posters.register(poster(output, dir, h));
  settleAll(h);
  h.startScheduler();
  expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', CONSOLE_CALLER)).toContain('Sitrep posted a confirmation');
  const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported' });
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  const digest = blocks().find((b) => b.body.startsWith('Sitrep digest'))!;
  expect(digest.body).toContain('Envoys meet in Baku');
  await h.runText(`/entry edit id:${id} confidence:confirmed`, CONSOLE_CALLER);
  await h.time.advance(2 * 60_000);
  const updated = blocks().filter((b) => b.head.endsWith('in #console, updated'));
  return { digest, updated };
}

describe('GIVEN a digest printed on the console with its card', () => {
  it('WHEN an entry it listed is corrected THEN the updated message keeps the picture line and the Data table', DRAWING, async () => {
    const { digest, updated } = await consoleDigest((output, dir, h) => new ConsolePoster(output, false, { dir, logger: h.logger }));
    const picture = digest.body.match(/^Picture \(\d+×\d+\): .+\.png.*$/m)?.[0];
    expect(picture).toBeDefined();
    const data = digest.body.slice(digest.body.indexOf('\nData\n'));
    expect(data).toMatch(/^\nData\n +`?Event type +This period +Before +Change/);
    expect(updated).toHaveLength(1);
    const text = updated[0]!.body;
    expect(text).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(text).toContain(picture!);
    expect(text).toContain(data.trim());
  });

  it('WHEN the console writes no pictures THEN the updated message adds none either', async () => {
    const { digest, updated } = await consoleDigest((output) => new ConsolePoster(output));
    expect(digest.body).not.toContain('Picture');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.body).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(updated[0]!.body).not.toMatch(/Picture|\nData\n/);
  });

  it('WHEN the message was printed by an earlier process THEN the update gives the picture by its alt text, which holds its figures', async () => {
    const output = new PassThrough();
    const blocks = printedBlocks(output);
    const poster = new ConsolePoster(output, false, { dir: tmpdir(), logger: recordingLogger() });
    const alt = 'Bar chart of entries added by event type in this digest’s period against the period before: 3 against 1; Talks/negotiation 3 (1 before).';
    await poster.update('console', ['console-7'], { title: 'Sitrep digest', tone: 'normal', sections: [], postedPicture: { filename: 'digest-card.png', alt } });
    expect(blocks()[0]!.body).toContain(`Picture (as first printed): ${alt}`);
  });
});
