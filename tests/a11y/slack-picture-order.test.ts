// GIVEN a digest that opens with its card, and a chart with a note above its picture, WHEN they
// reach Slack, THEN the picture comes where the view has it: under the title and intro, before
// the entries, as the console prints it; so a reader meets the card first, not after the entries.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAWING } from '../support/drawing.js';
import { blocksOf, shownText, startHarness, type Harness } from '../slack/harness.js';

const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0CHAN';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}`, uploadReadyWaitsMs: [5, 5] });
  expect(shownText(await h.command('/digest subscribe schedule:"daily 08:00"', { userId: ADMIN, channelId: CHANNEL }))).toContain('Digest subscribed');
  for (let i = 0; i < 3; i += 1) {
    h.app.services.editor.addEntry(
      { topic: 'syria-israel', title: `New entry ${i}`, summary: '', eventType: 'statement', start: { year: 2025, month: 7, day: 1 }, confidence: 'reported', places: [], actors: [], sources: [], tags: [] },
      { by: 'test', at: new Date().toISOString() },
    );
  }
});
afterAll(async () => {
  await h?.close();
});

/** What a reader meets, block by block: the image by its alt text's start, the rest by their text. */
function order(blocks: readonly types.KnownBlock[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'image') return 'picture';
    if (b.type === 'header') return `header: ${b.text.text}`;
    if (b.type === 'section') return `section: ${b.text?.text ?? ''}`;
    if (b.type === 'context') return 'notes';
    return b.type;
  });
}
const entryAt = (seen: string[]) => seen.findIndex((s) => s.startsWith('section: *#'));
const blocksIn = (call: { args: Record<string, unknown> }) => call.args.blocks as types.KnownBlock[];

describe('a digest’s card on Slack', DRAWING, () => {
  it('/digest preview shows the card under the intro, before the first entry', async () => {
    const seen = order(blocksOf(await h.command('/digest preview', { userId: ADMIN, channelId: CHANNEL })));
    expect(seen[0]).toBe('header: Digest preview');
    expect(seen[1]).toMatch(/^section: No digest has been sent since this channel subscribed/);
    expect(seen[2]).toBe('picture');
    expect(entryAt(seen)).toBe(3);
  });

  it('posted to the channel, its first message opens with the card too', async () => {
    const view = await h.app.dispatcher.runText('/digest preview', { platform: 'slack', userId: ADMIN, workspaceId: 'T0TEST', channelId: CHANNEL });
    await h.adapter.poster.post('C0POSTED', view);
    const [first] = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0POSTED');
    const seen = order(blocksIn(first!));
    expect(seen.indexOf('picture')).toBeGreaterThan(0);
    expect(seen.indexOf('picture')).toBeLessThan(entryAt(seen));
  });
});

describe('a chart on Slack', DRAWING, () => {
  it('shows its picture under the notes above it, before the line under the answer and its button', async () => {
    const seen = order(blocksOf(await h.command('/chart timeline topic:syria-israel until:2099-01-01')));
    expect(seen[0]).toMatch(/^header: Entries per /);
    const picture = seen.indexOf('picture');
    expect(seen.slice(1, picture).some((s) => s.includes('is after today'))).toBe(true);
    expect(seen.slice(picture + 1)).toEqual(['actions']);
  });
});
