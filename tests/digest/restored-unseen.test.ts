// An entry a channel was never shown (added and removed within one digest period) and restored
// later is new to that channel: its next digest lists it as a new entry, counted as one in its
// header and card, not as "restored". An entry the channel was shown stays "restored".
import { afterEach, describe, expect, it } from 'vitest';
import { DRAWING } from '../support/drawing.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) await h.dispose();
});

async function subscribed(): Promise<Harness> {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  h.startScheduler();
  expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
  await h.time.advanceTo('2026-07-06T06:01:00Z'); // the first digest: nothing yet
  return h;
}

describe('GIVEN a channel with daily digests', DRAWING, () => {
  it('WHEN an entry added and removed within one period is restored THEN the next digest lists it as new, in its header and card', async () => {
    const h = await subscribed();
    const ghost = h.addEntry({ title: 'Clash near Quneitra', eventType: 'armed-clash' });
    h.removeEntry(ghost, 'posted too early');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.posts.at(-1)!.text).not.toContain('Clash near Quneitra');
    expect(await h.runText(`/entry undo id:${ghost}`)).toContain('Took back');
    const preview = h.app.digests.service.preview({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' });
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    const digest = h.poster.posts.at(-1)!;
    expect(digest.text).toContain('1 new entry (1 Armed clash)');
    expect(digest.text).toContain(`#${ghost} Clash near Quneitra`);
    expect(digest.text).not.toMatch(/restored/i);
    expect(digest.view.image?.alt).toContain('1 against 0; Armed clash 1 (0 before).');
    expect(preview.image?.alt).toBe(digest.view.image?.alt);
  });

  it('WHEN an entry it was shown is removed, then restored THEN the digest after says restored', async () => {
    const h = await subscribed();
    const shown = h.addEntry({ title: 'Clash near Quneitra', eventType: 'armed-clash' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.posts.at(-1)!.text).toContain('1 new entry (1 Armed clash)');
    h.removeEntry(shown, 'duplicate');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    expect(h.poster.posts.at(-1)!.text).toContain('1 removal');
    await h.runText(`/entry undo id:${shown}`);
    await h.time.advanceTo('2026-07-09T06:01:00Z');
    const digest = h.poster.posts.at(-1)!;
    expect(digest.text).toContain('1 restored entry');
    expect(digest.text).toContain(`#${shown} Clash near Quneitra — restored`);
  });
});
