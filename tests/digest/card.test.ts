// GIVEN a subscribed channel, WHEN its digests go out, THEN each opens with a card: entries added
// by event type in its period beside the period before, as a picture with the figures in its alt
// text; `card:false` leaves it out, and /digest list says so.
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import { digestCard } from '../../src/core/digest/card.js';
import { SqliteDigestChanges } from '../../src/store/digest-changes.js';
import { pngSize } from '../support/png.js';
import { Harness } from './support/harness.js';
import { DRAWING } from '../support/drawing.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) await h.dispose();
});

async function subscribed(extra = ''): Promise<Harness> {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  h.startScheduler();
  expect(await h.subscribe(`schedule:"daily 08:00" timezone:Europe/Paris ${extra}`)).toContain('Digest subscribed');
  return h;
}

describe('digest cards', DRAWING, () => {
  it('open each digest with this period’s entries by type beside the period before', async () => {
    // Protests only: the seed dossier, added when the store was made, has none.
    const h = await subscribed('type:protest');
    await h.time.advanceTo('2026-07-06T05:30:00Z');
    h.addEntry({ title: 'March in Sweida', eventType: 'protest' });
    h.addEntry({ title: 'Sit-in in Damascus', eventType: 'protest' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.addEntry({ title: 'Strike in Daraa', eventType: 'protest' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const [first, second] = h.poster.posts.map((p) => p.view);
    expect(first?.image?.alt).toBe("Bar chart of entries added by event type in this channel's first digest, with no digest before it to compare with: 2 entries in all; Protest 2.");
    expect(second?.image?.alt).toBe("Bar chart of entries added by event type in this digest's period against the period before: 1 against 2; Protest 1 (2 before).");
    expect(second!.image!.table.map((line) => line.map((s) => s.text).join(''))).toEqual([
      'Event type  This period  Before  Change',
      'Protest               1       2      −1',
    ]);
    expect(pngSize(await second!.image!.png())).toEqual(CHART_SIZES.card);
    // A preview compares with the digest last posted, as the next digest will.
    h.addEntry({ title: 'Vigil in Suwayda', eventType: 'protest' });
    h.addEntry({ title: 'March in Daraa', eventType: 'protest' });
    expect(h.app.digests.service.preview({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' }).image?.alt).toContain('2 against 1; Protest 2 (1 before).');
  });

  it('on a channel’s first digest compare with nothing, so its preview and the digest sent later agree', async () => {
    // The seed dossier was added as the channel subscribed: no digest listed it, so it is no "period before".
    const h = await subscribed();
    h.addEntry({ title: 'Clash near Quneitra', eventType: 'armed-clash' });
    const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
    const preview = h.app.digests.service.preview(channel).image;
    await h.time.advance(30 * 60_000);
    expect(await h.runText('/digest send-now')).toContain('Digest sent');
    const sent = h.poster.posts.at(-1)?.view.image;
    const table = (image: typeof sent) => image?.table.map((line) => line.map((s) => s.text).join(''));
    expect(sent?.alt).toBe("Bar chart of entries added by event type in this channel's first digest, with no digest before it to compare with: 1 entry in all; Armed clash 1.");
    expect(table(sent)).toEqual(['Event type   This period  Before  Change', 'Armed clash            1       —       —']);
    expect(preview?.alt).toBe(sent?.alt);
    expect(table(preview)).toEqual(table(sent));
    // The next digest compares with the first.
    h.addEntry({ title: 'Second clash', eventType: 'armed-clash' });
    expect(h.app.digests.service.preview(channel).image?.alt).toContain('1 against 1; Armed clash 1 (1 before).');
  });

  it('count the new entries their digest lists; a range too large to list is counted by the store, alike', async () => {
    const h = await subscribed();
    const changes = h.app.digests.store.changes;
    const start = changes.latestCursor();
    h.addEntry({ title: 'Shelling near Sweida', eventType: 'shelling' });
    h.addEntry({ title: 'March in Sweida', eventType: 'protest' });
    h.removeEntry(h.addEntry({ title: 'Posted twice', eventType: 'protest' }), 'duplicate');
    const middle = changes.latestCursor();
    const dermer = h.actorId('Ron Dermer');
    h.addEntry({ title: 'Sit-in in Damascus', eventType: 'protest', actors: [{ actorId: dermer, role: 'subject' }] });
    h.addEntry({ title: 'Strike in Daraa', eventType: 'protest', topic: 'syria-internal', actors: [{ actorId: dermer, role: 'subject' }] });
    h.editEntry(1, { confidence: 'disputed' });
    const end = changes.latestCursor();
    const periods = {
      current: { cursorFrom: middle, cursorTo: end, from: new Date('2026-07-06T06:00:00Z'), to: new Date('2026-07-07T06:00:00Z') },
      previous: { cursorFrom: start, cursorTo: middle },
    };
    const expected = "Bar chart of entries added by event type in this digest's period against the period before: 2 against 2; Protest 2 (1 before), Shelling 0 (1 before).";
    expect(digestCard(h.app.services.charts, changes, {}, periods).image?.alt).toBe(expected);
    const tooLargeToList = new SqliteDigestChanges(h.app.db, { maxRevisions: 2 });
    expect(tooLargeToList.between(middle, end).oversized).toBeDefined();
    expect(digestCard(h.app.services.charts, tooLargeToList, {}, periods).image?.alt).toBe(expected);
    // A digest of shellings lists none in this period: no card, and the store counts none either.
    for (const counted of [changes, tooLargeToList]) {
      expect(digestCard(h.app.services.charts, counted, { eventType: 'shelling' }, periods)).toEqual({ figures: { filters: '|shelling|', counts: {} } });
    }
    const filters = [{ topic: 'syria-internal' }, { actorId: dermer }, { topic: 'syria-israel', actorId: dermer }, { topic: 'syria-israel', eventType: 'protest' as const }];
    const listed = filters.map((f) => digestCard(h.app.services.charts, changes, f, periods).image?.alt);
    expect(listed).toEqual([
      "Bar chart of entries added by event type in this digest's period against the period before: 1 against 0; Protest 1 (0 before).",
      "Bar chart of entries added by event type in this digest's period against the period before: 2 against 0; Protest 2 (0 before).",
      "Bar chart of entries added by event type in this digest's period against the period before: 1 against 0; Protest 1 (0 before).",
      "Bar chart of entries added by event type in this digest's period against the period before: 1 against 1; Protest 1 (1 before).",
    ]);
    expect(filters.map((f) => digestCard(h.app.services.charts, tooLargeToList, f, periods).image?.alt)).toEqual(listed);
  });

  it('compare with what the previous card counted, recounting only when the filters changed since', async () => {
    const h = await subscribed('type:protest');
    h.addEntry({ title: 'March in Sweida', eventType: 'protest' });
    h.addEntry({ title: 'Talks in Baku', eventType: 'talks' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const row = h.app.db.prepare('SELECT card_figures FROM digest_deliveries ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(JSON.parse(row)).toEqual({ filters: '|protest|', counts: { protest: 1 } });
    // What the previous card counted is read back, not counted again.
    const changes = h.app.digests.store.changes;
    const cursor = changes.latestCursor();
    // (The current range is the whole log, which holds one protest: a card needs a new entry to picture.)
    const current = { cursorFrom: 0, cursorTo: cursor, from: new Date('2026-07-06T06:00:00Z'), to: new Date('2026-07-07T06:00:00Z') };
    const recorded = { cursorFrom: 0, cursorTo: cursor, cardFigures: { filters: '|protest|', counts: { protest: 7 } } };
    expect(digestCard(h.app.services.charts, changes, { eventType: 'protest' }, { current, previous: recorded }).image?.alt).toContain('1 against 7; Protest 1 (7 before).');
    // The channel now follows every type: the previous range is counted again under the new filters.
    expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris type:none')).toContain('Digest updated');
    h.addEntry({ title: 'Strike in Daraa', eventType: 'protest' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.posts.at(-1)?.view.image?.alt).toContain('1 against 2; Protest 1 (1 before), Talks/negotiation 0 (1 before).');
  });

  it('are left out of a digest that adds no entry, which no card presents as a fall; the next card compares with its none', async () => {
    const h = await subscribed();
    const clash = h.addEntry({ title: 'Clash near Quneitra', eventType: 'armed-clash' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.posts.at(-1)?.view.image?.alt).toContain('Armed clash 1');
    h.editEntry(clash, { confidence: 'confirmed' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const corrections = h.poster.posts.at(-1)!;
    expect(corrections.text).toContain('1 correction');
    expect(corrections.view.image).toBeUndefined();
    expect(corrections.text).not.toMatch(/This period|\(1 before\)/);
    h.addEntry({ title: 'Second clash', eventType: 'armed-clash' });
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    expect(h.poster.posts.at(-1)?.view.image?.alt).toContain('1 against 0; Armed clash 1 (0 before).');
  });

  it('are left out with card:false, which /digest list shows', async () => {
    const h = await subscribed('card:false');
    h.addEntry({ title: 'Talks resume' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.posts[0]?.view.image).toBeUndefined();
    expect(await h.runText('/digest list')).toContain('· no card');
  });
});
