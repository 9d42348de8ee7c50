// GIVEN the console writing pictures to SITREP_CHARTS_DIR WHEN a digest with its card is posted
// there THEN the card's alt text is printed under the picture's path, as Discord and Slack give it
// to screen readers; a /chart reply prints it once, under the picture's path, as its text does not say it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER, runConsole } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { Harness } from '../digest/support/harness.js';
import { DRAWING } from '../support/drawing.js';
import { createTestApp } from '../support/test-app.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

function chartsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-console-alt-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function recorded(output: PassThrough): () => string {
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  return () => printed;
}

describe('GIVEN the console writes pictures', DRAWING, () => {
  it('WHEN a digest with its card is posted THEN the card’s alt text follows the picture’s path', async () => {
    const h = new Harness({ start: '2026-07-06T05:00:00Z', platform: 'console', noFakePoster: true });
    cleanup.push(() => h.removeStore(), () => h.dispose());
    const output = new PassThrough();
    const printed = recorded(output);
    h.app.digests.posters.register(new ConsolePoster(output, false, { dir: chartsDir(), logger: h.logger }));
    h.time.settle = () => h.app.digests.deliverer.idle();
    h.startScheduler();
    await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', CONSOLE_CALLER);
    h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const digest = printed().slice(printed().indexOf('Sitrep digest'));
    expect(digest).toContain('Envoys meet in Baku');
    expect(digest).toMatch(/^Picture \(\d+×\d+\): .+\.png\nAlt text: Bar chart of entries added by event type in this channel's first digest, with no digest before it to compare with: 1 entry in all; .+\.$/m);
  });

  it('WHEN a chart is asked for THEN its alt text is printed once, under the picture’s path', async () => {
    const app = createTestApp();
    cleanup.push(() => app.dispose());
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = recorded(output);
    input.end('/chart timeline by:month since:2025-06\n');
    await runConsole({ dispatcher: app.dispatcher, input, output, pictures: { dir: chartsDir(), logger: app.logger } });

    expect(printed()).toMatch(/Picture \(1200×600\): \S+\.png/);
    expect(printed().match(/Bar chart of 9 entries per month/g)).toHaveLength(1);
    expect(printed()).toMatch(/Picture \(1200×600\): \S+\.png\nAlt text: Bar chart of 9 entries per month/);
  });
});
