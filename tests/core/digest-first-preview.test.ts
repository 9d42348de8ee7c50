// GIVEN the console, WHEN a newcomer subscribes it to a digest and previews it at once, THEN the
// preview says no digest was sent yet and what the first one will hold (there is no "last digest").
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let posted: string;
const run = async (line: string) => viewText(await app.dispatcher.runText(line, CONSOLE_CALLER));

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-07-06T05:00:00Z'));
  posted = '';
  const channel = new PassThrough();
  channel.on('data', (chunk: Buffer) => (posted += chunk.toString('utf8')));
  app.digests.posters.register(new ConsolePoster(channel));
});
afterEach(() => app.dispose());

describe('GIVEN /digest on the console', () => {
  it('THEN /digest list offers /digest preview', async () => {
    expect(await run('/digest list')).toContain('/digest preview');
    await run('/digest subscribe schedule:"daily 08:00"');
    expect(await run('/digest list')).toContain('/digest preview');
  });

  it('WHEN previewed right after subscribing THEN it says no digest was sent yet and what the first one will hold', async () => {
    expect(await run('/digest subscribe schedule:"daily 08:00"')).toContain('Digest subscribed');
    const preview = await run('/digest preview');
    expect(preview).toContain(
      'No digest has been sent since this channel subscribed. The first one, due Mon 6 Jul 2026 08:00 UTC, will hold the changes made since it subscribed; so far:',
    );
    expect(preview).toContain('Nothing has changed yet.');
    expect(preview).not.toContain('since the last digest');
  });

  it('WHEN something changed before the first digest THEN the preview lists it under the same note', async () => {
    await run('/digest subscribe schedule:"daily 08:00"');
    await run('/entry edit id:3 confidence:claimed');
    const preview = await run('/digest preview');
    expect(preview).toContain('No digest has been sent since this channel subscribed.');
    expect(preview).toContain('1 correction');
    expect(preview).toContain('#3 1974 disengagement agreement establishes the buffer zone — corrected');
  });

  it('WHEN the first digest is sent with nothing changed THEN the posted digest says nothing has changed yet, not "since the last digest"', async () => {
    await run('/digest subscribe schedule:"daily 08:00"');
    expect(await run('/digest send-now')).toContain('Posted in 1 message, saying nothing has changed yet.');
    expect(posted).toContain('Nothing has changed yet.');
    expect(posted).not.toContain('since the last digest');
  });

  it('WHEN a digest has been sent THEN the preview counts from it again', async () => {
    await run('/digest subscribe schedule:"daily 08:00"');
    expect(await run('/digest send-now')).toContain('Digest sent');
    const preview = await run('/digest preview');
    expect(preview).toContain('Nothing changed since the last digest.');
    expect(preview).not.toContain('No digest has been sent');
  });
});
