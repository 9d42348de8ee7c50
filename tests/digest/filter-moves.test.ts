// GIVEN a channel whose digest is filtered, WHEN a correction moves an entry into or out of what
// its filters cover, THEN the digest tells it as the channel saw it: an entry it never showed is
// new there (and on the card, which counts new entries), one that leaves is a correction that says
// it will not be followed here, and one removed or restored outside the filters is not its news.
import { describe, expect, it } from 'vitest';
import { ADMIN, harnessesDisposedAfterEach, type Harness } from './support/harness.js';
import { DRAWING } from '../support/drawing.js';

const harness = harnessesDisposedAfterEach();

const c2 = { ...ADMIN, channelId: 'c2' };

async function subscribed(): Promise<Harness> {
  const h = harness({ start: '2026-07-06T05:00:00Z' });
  h.startScheduler();
  await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris type:talks');
  await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris actor:"Tom Barrack"', c2);
  return h;
}

describe('GIVEN filtered digests', () => {
  it('WHEN an entry is retyped into a channel’s type THEN its digest lists it as new, and one retyped away as a correction that leaves it', async () => {
    const h = await subscribed();
    const strike = h.addEntry({ title: 'Strike near Daraa', eventType: 'air-strike' });
    const talks = h.addEntry({ title: 'Talks in Amman', eventType: 'talks' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(strike, { eventType: 'talks' });
    h.editEntry(talks, { eventType: 'air-strike' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');

    const [, digest] = h.poster.texts('c1');
    const lines = digest!.split('\n');
    expect(lines).toContain('1 new entry (1 Talks/negotiation) · 1 correction');
    expect(lines).toContain(`#${strike} Strike near Daraa`);
    expect(digest).not.toContain('type Air/drone strike → Talks/negotiation');
    expect(lines).toContain(`#${talks} Talks in Amman — corrected`);
    expect(digest).toContain('Changed: type Talks/negotiation → Air/drone strike');
    expect(digest).toContain('It no longer matches this digest’s filters, so later digests here leave it out.');
    // New entries come first.
    expect(lines.indexOf(`#${strike} Strike near Daraa`)).toBeLessThan(lines.indexOf(`#${talks} Talks in Amman — corrected`));
  });

  it('WHEN an older entry gains a channel’s actor THEN its digest lists it as new', async () => {
    const h = await subscribed();
    const barrack = h.actorId('Tom Barrack');
    const statement = h.addEntry({ title: 'Statement on Sweida', eventType: 'statement' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(statement, { actors: [{ actorId: barrack, role: 'mediator' }] });
    await h.time.advanceTo('2026-07-07T06:01:00Z');

    const [, digest] = h.poster.texts('c2');
    expect(digest).toContain('1 new entry (1 Statement)');
    expect(digest).toContain(`#${statement} Statement on Sweida\n`);
    expect(digest).not.toContain('corrected');
  });

  it('WHEN an entry outside a channel’s type is retyped into it and removed in one period THEN that channel is told nothing', async () => {
    const h = await subscribed();
    const strike = h.addEntry({ title: 'Strike near Daraa', eventType: 'air-strike' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(strike, { eventType: 'talks' });
    h.removeEntry(strike, 'Duplicate');
    await h.time.advanceTo('2026-07-07T06:01:00Z');

    const [, digest] = h.poster.texts('c1');
    expect(digest).toContain('Nothing changed since the last digest.');
  });
});

describe('GIVEN a filtered digest with a card', DRAWING, () => {
  it('WHEN an entry is retyped into its type THEN the card counts it with the new entries', async () => {
    const h = await subscribed();
    const strike = h.addEntry({ title: 'Strike near Daraa', eventType: 'air-strike' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(strike, { eventType: 'talks' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');

    const digest = h.poster.posts.filter((p) => p.channelId === 'c1').at(-1)!.view;
    expect(digest.image?.alt).toContain(': 1 against');
    expect(digest.image?.alt).toContain('Talks/negotiation 1');
  });
});
