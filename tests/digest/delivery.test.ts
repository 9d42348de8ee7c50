// The delivery loop with a virtual clock: cursor-exact contents, catch-up after downtime, no
// duplicate after a crash mid-send, retries, pauses and skip_empty.
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { channelGone, rateLimited } from './support/fake-poster.js';
import { ADMIN, harnessesDisposedAfterEach, type Harness } from './support/harness.js';

const harness = harnessesDisposedAfterEach();

const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
const deliveries = (h: Harness) => {
  const sub = h.app.digests.store.subscriptions.byChannel(channel)!;
  return h.app.digests.store.deliveries.forSubscription(sub.id);
};
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('GIVEN a channel subscribed to a daily 08:00 Europe/Paris digest', () => {
  async function subscribed(extra = ''): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
    h.startScheduler();
    expect(await h.subscribe(`schedule:"daily 08:00" timezone:Europe/Paris ${extra}`)).toContain('Digest subscribed');
    return h;
  }

  it('THEN at 08:00 it posts what changed since subscribing, and nothing older', async () => {
    const h = await subscribed();
    h.addEntry({ title: 'Envoys meet in Baku', eventType: 'talks' });
    h.addEntry({ title: 'Drone strike near Sweida', eventType: 'air-strike', start: { year: 2025, month: 7, day: 22 } });
    await h.time.advanceTo('2026-07-06T05:59:00Z');
    expect(h.poster.posts).toHaveLength(0);
    await h.time.advanceTo('2026-07-06T06:00:30Z');
    expect(h.poster.posts).toHaveLength(1);
    const [post] = h.poster.posts;
    expect(post!.at.toISOString()).toBe('2026-07-06T06:00:00.000Z');
    expect(post!.channelId).toBe('c1');
    expect(post!.text).toContain('2 new entries (1 Air/drone strike, 1 Talks/negotiation)');
    // Newest first by date, whatever the order they were added in.
    expect(post!.text.indexOf('Drone strike near Sweida')).toBeLessThan(post!.text.indexOf('Envoys meet in Baku'));
    expect(post!.text).not.toContain('US-mediated Syria–Israel talks in Paris'); // seeded before subscribing
    expect(deliveries(h).map((d) => [d.status, d.kind])).toEqual([['delivered', 'scheduled']]);
  });

  it('WHEN an actor is merged into another THEN the next digest says so, once', async () => {
    const h = await subscribed();
    await h.runText('/actors add name:"T. Barrack" kind:person');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"')).toContain('Merged T. Barrack into Tom Barrack');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    const [, merged, after] = h.poster.texts();
    expect(merged).toContain('1 actor merge');
    expect(merged).toContain('Actors merged');
    expect(merged).toContain('T. Barrack → Tom Barrack: entries that named T. Barrack now name Tom Barrack.');
    expect(after).toContain('Nothing changed since the last digest.');
  });

  it('WHEN months of digests go by THEN the delivery log keeps 90 days, and nothing is posted twice', async () => {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    h.startScheduler({ heartbeatMs: 6 * 3600_000, leaseMs: 13 * 3600_000 });
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.time.advanceTo('2026-10-20T06:30:00Z'); // 107 daily slots, 6 July to 20 October
    expect(h.poster.posts).toHaveLength(107);
    const kept = deliveries(h);
    const oldest = new Date('2026-10-20T06:30:00Z').getTime() - 91 * 24 * 3600_000;
    expect(kept.length).toBeGreaterThanOrEqual(89);
    expect(kept.length).toBeLessThanOrEqual(92);
    expect(kept.every((d) => d.createdAt.getTime() >= oldest)).toBe(true);
    expect(kept.at(-1)!.slot.toISOString()).toBe('2026-10-20T06:00:00.000Z');
    expect(h.logger.lines.some((l) => l.message === 'pruned old rows of the digest delivery log')).toBe(true);
  }, 60_000); // 107 digests composed and delivered: seconds of work, more when the machine is busy

  it('WHEN an entry is added while a digest is being sent THEN it appears in the next digest, exactly once', async () => {
    const h = await subscribed();
    h.addEntry({ title: 'Before the digest' });
    h.poster.during(() => h.addEntry({ title: 'Added during delivery' }));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    const [first, second, third] = h.poster.texts();
    expect(first).toContain('Before the digest');
    expect(first).not.toContain('Added during delivery');
    expect(count(second!, 'Added during delivery')).toBe(1);
    expect(second).not.toContain('Before the digest');
    expect(third).toContain('Nothing changed since the last digest.');
    expect(h.poster.texts().join('\n').split('Added during delivery').length - 1).toBe(1);
  });

  it('THEN corrections say what changed, removals say why, and topics are grouped', async () => {
    const h = await subscribed();
    const corrected = h.addEntry({ title: 'Ceasefire announced', eventType: 'agreement' });
    const removed = h.addEntry({ title: 'Duplicate report' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(corrected, { start: { year: 2025, month: 7, day: 19 }, confidence: 'confirmed' });
    h.removeEntry(removed, 'duplicate of an earlier entry');
    h.addEntry({ title: 'Shelling on the Lebanese border', topic: 'lebanon-israel', eventType: 'shelling' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const text = h.poster.texts()[1]!;
    expect(text).toContain('1 new entry (1 Shelling) · 1 correction · 1 removal');
    expect(text).toContain('Topic: lebanon-israel');
    expect(text).toContain('Topic: syria-israel');
    expect(text).toMatch(/Ceasefire announced — corrected\n[^#]*Changed: confidence reported → confirmed; date 20 Jul 2025 → 19 Jul 2025/);
    expect(text).toMatch(/Duplicate report — removed[\s\S]*Reason: duplicate of an earlier entry/);
  });

  it('THEN an item says where it happened and who gives its fatality figures, and a correction of them says from what to what', async () => {
    const h = await subscribed();
    const shelling = h.addEntry({ title: 'Shelling near Quneitra', eventType: 'shelling', places: ['Quneitra'], fatalities: { best: 2, source: 'Residents, to AFP' } });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    h.editEntry(shelling, { fatalities: { low: 3, best: 4, high: 6, source: 'Health ministry' } });
    expect(await h.runText(`/entry claim id:${shelling} actor:Israel stance:denies date:2025-07-21 outlet:"Army radio"`)).toContain('Israel denies');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const [added, corrected] = h.poster.texts();
    expect(added).toContain('1 new entry (1 Shelling) · 2 reported killed in 1 new entry');
    expect(added).toMatch(/Shelling near Quneitra\n[^#]*Places: Quneitra\n[^#]*Fatalities: 2 — Residents, to AFP\n/);
    expect(corrected).toContain('Changed: claims: + Israel denies · 21 Jul 2025 · Army radio; fatalities 2 → 4 (3 to 6) — Health ministry');
  });

  it('WHEN the previous digest is still being retried at the next slot THEN the next one goes out late, saying why, and is no catch-up', async () => {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    h.startScheduler();
    await h.subscribe('schedule:"0 * * * *" timezone:Europe/Paris');
    h.addEntry({ title: 'Rate limited for a quarter' });
    h.poster.failNext(rateLimited(15 * 60_000));
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    h.addEntry({ title: 'Waiting behind it' });
    // A retry is given up before the next slot, unless that slot is moved before the retry.
    await h.subscribe('schedule:"daily 08:10" timezone:Europe/Paris');
    await h.time.advanceTo('2026-07-06T06:30:00Z'); // the 08:00 digest arrives at 08:15; the 08:10 one waited for it
    const [first, second] = h.poster.texts();
    expect(first).toContain('Rate limited for a quarter');
    expect(second).toContain('Waiting behind it');
    expect(second).toContain('Delayed: the previous digest was still being delivered when this one was due.');
    expect(second).not.toContain('Catch-up');
    expect(second).not.toContain('not running');
    expect(deliveries(h).map((d) => d.kind)).toEqual(['scheduled', 'scheduled']);
  });

  it('WHEN the process was suspended over a slot (no heartbeat ran) THEN the digest is a catch-up and says so', async () => {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    // While suspended, nothing of this process runs: cron tasks are lost, timers fire on waking.
    const wake = new Date('2026-07-06T06:10:00Z').getTime();
    const asleep = () => h.time.now().getTime() >= wake - 11 * 60_000 && h.time.now().getTime() < wake;
    const cron = h.tasks.cron.bind(h.tasks);
    const after = h.tasks.after.bind(h.tasks);
    h.tasks.cron = (expression, zone, run) => cron(expression, zone, (slot) => !asleep() && run(slot));
    h.tasks.after = (ms, run) => after(asleep() ? Math.max(ms, wake - h.time.now().getTime()) : ms, run);
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    h.addEntry({ title: 'Added before the suspension' });
    await h.time.advanceTo('2026-07-06T06:15:00Z');
    expect(h.poster.posts.map((p) => p.at.toISOString())).toEqual(['2026-07-06T06:10:00.000Z']);
    expect(h.poster.texts()[0]).toContain('Catch-up: Sitrep was not running when this digest was due.');
    expect(deliveries(h).map((d) => d.kind)).toEqual(['catch-up']);
  });

  it('WHEN the process was down over several slots THEN it sends exactly one catch-up digest on start', async () => {
    const h1 = await subscribed();
    h1.addEntry({ title: 'Monday entry' });
    await h1.time.advanceTo('2026-07-06T06:01:00Z');
    await h1.scheduler!.stop();
    h1.addEntry({ title: 'Entry while Sitrep was down' });
    await h1.time.advanceTo('2026-07-09T10:00:00Z'); // Tue, Wed and Thu 08:00 passed unattended
    const h2 = harness({ start: '', sharing: h1 });
    h2.startScheduler();
    await h2.time.advance(5 * 60_000);
    expect(h2.poster.posts).toHaveLength(1);
    const text = h2.poster.texts()[0]!;
    expect(text).toContain('Catch-up: Sitrep was not running for 3 scheduled digests; this one covers the whole gap.');
    expect(count(text, 'Entry while Sitrep was down')).toBe(1);
    expect(text).not.toContain('Monday entry');
    expect(deliveries(h2).map((d) => [d.kind, d.missedSlots, d.slot.toISOString()]).at(-1)).toEqual(['catch-up', 2, '2026-07-09T06:00:00.000Z']);
    await h2.time.advanceTo('2026-07-10T06:01:00Z');
    expect(h2.poster.posts).toHaveLength(2);
    expect(h2.poster.texts()[1]).not.toContain('Catch-up');
  });

  it('WHEN the process dies after posting but before confirming THEN the restart does not post it again', async () => {
    const h1 = await subscribed();
    h1.addEntry({ title: 'Posted just before the crash' });
    h1.poster.hangAfterPosting();
    await h1.time.advanceTo('2026-07-06T06:00:30Z');
    expect(h1.poster.posts).toHaveLength(1); // it reached the channel…
    h1.crash(); // …but the process died before recording that
    const h2 = harness({ start: '', sharing: h1 });
    h2.startScheduler();
    await h2.time.advanceTo('2026-07-06T06:10:00Z'); // the dead process's lease expires, h2 takes over
    expect(h2.scheduler!.leading).toEqual(['discord']);
    expect(h2.poster.posts).toHaveLength(0);
    const [row] = deliveries(h2);
    expect(row!.status).toBe('unconfirmed');
    expect(row!.lastError).toMatch(/not reposted to avoid a duplicate/);
    expect(await h2.runText('/digest list', ADMIN)).toContain('unconfirmed (Sitrep stopped while sending)');
    // Its changes were not confirmed delivered: the next digest repeats them, and says why.
    await h2.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h2.poster.posts).toHaveLength(1);
    expect(h2.poster.texts()[0]).toMatch(/The digest of Mon 6 Jul 2026 08:00 CEST may not have arrived .* so its changes are included here\./);
    expect(h2.poster.texts()[0]).toContain('Posted just before the crash');
  });

  it('WHEN a crash left a digest whose every part was recorded as posted THEN the restart confirms it', async () => {
    const h1 = await subscribed();
    h1.addEntry({ title: 'Fully posted' });
    await h1.time.advanceTo('2026-07-06T06:01:00Z');
    const [row] = deliveries(h1);
    // As if the process had died between recording the last part and confirming.
    h1.app.db.prepare("UPDATE digest_deliveries SET status = 'sending', pending_parts = '[]', sender = 'dead-process' WHERE id = ?").run(row!.id);
    h1.app.db.prepare('UPDATE digest_subscriptions SET cursor = ? WHERE id = ?').run(row!.cursorFrom, row!.subscriptionId);
    await h1.scheduler!.stop();
    const h2 = harness({ start: '', sharing: h1 });
    h2.startScheduler({ staleMs: 60_000 });
    await h2.time.advance(3 * 60_000);
    expect(deliveries(h2)[0]!.status).toBe('delivered');
    await h2.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h2.poster.texts()[0]).not.toContain('Fully posted');
  });

  it('WHEN the platform answers 429 once THEN the digest is retried after Retry-After and delivered once', async () => {
    const h = await subscribed();
    h.addEntry({ title: 'Rate limited entry' });
    h.poster.failNext(rateLimited(2_000));
    await h.time.advanceTo('2026-07-06T06:00:01Z');
    expect(h.poster.posts).toHaveLength(0);
    expect(deliveries(h)[0]).toMatchObject({ status: 'retrying', attempts: 1, lastError: 'HTTP 429: rate limited' });
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    expect(h.poster.posts).toHaveLength(1);
    expect(h.poster.posts[0]!.at.toISOString()).toBe('2026-07-06T06:00:02.000Z');
    expect(deliveries(h)).toMatchObject([{ status: 'delivered', attempts: 2 }]);
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()[1]).not.toContain('Rate limited entry');
  });

  it('WHEN retryable failures go on for 12 hours THEN it backs off, gives up without pausing, and the next digest repeats the changes', async () => {
    const h = await subscribed();
    h.addEntry({ title: 'Unlucky entry' });
    const post = h.poster.post.bind(h.poster);
    h.poster.post = async (channelId, view) => {
      if (h.time.now() < new Date('2026-07-06T19:00:00Z')) throw new DeliveryError('retryable', 'HTTP 503: unavailable');
      return post(channelId, view);
    };
    await h.time.advanceTo('2026-07-06T18:30:00Z');
    expect(deliveries(h)).toMatchObject([{ status: 'failed', lastError: 'HTTP 503: unavailable; retried for 12 hours' }]);
    expect(deliveries(h)[0]!.attempts).toBeGreaterThan(140);
    expect(h.app.digests.store.subscriptions.byChannel(channel)!.paused).toBeUndefined();
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()[0]).toContain('could not be delivered');
    expect(h.poster.texts()[0]).toContain('Unlucky entry');
  });

  it('WHEN the platform fails permanently THEN the subscription is paused with the reason, shown in /digest list', async () => {
    const h = await subscribed();
    h.poster.failNext(channelGone());
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.time.activeCronTasks).toBe(0);
    const list = await h.runText('/digest list');
    expect(list).toContain('Paused: Unknown Channel (the channel was deleted)');
    expect(list).toContain('In that channel: Let Sitrep post in this discord channel, then run `/digest subscribe` again. To remove it, run `/digest unsubscribe channel:c1` (from any channel).');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    expect(h.poster.posts).toHaveLength(0);
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    expect(await h.runText('/digest list')).not.toContain('Paused');
    await h.time.advanceTo('2026-07-09T06:01:00Z');
    expect(h.poster.posts).toHaveLength(1);
    // Every reader sees the digest: why the platform refused the last one is for /digest list.
    expect(h.poster.texts()[0]).toContain('The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.');
    expect(h.poster.texts()[0]).not.toContain('Unknown Channel');
  });

  it('WHEN the platform fails permanently THEN the review channel is told once, with the channel, the reason and the fix', async () => {
    const h = await subscribed();
    const reviewDesk = { ...ADMIN, channelId: 'c-review' };
    expect(await h.runText('/review channel', reviewDesk)).toContain('Review channel set');
    h.poster.posts.length = 0;
    h.poster.failNext(channelGone());
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    await h.app.services.review.postPending();
    const [notice, ...more] = h.poster.texts('c-review');
    expect(notice).toContain('Digest paused');
    expect(notice).toContain('Sitrep stopped posting digests in #c1 (channel c1): the platform refused the last one for good (Unknown Channel (the channel was deleted)).');
    expect(notice).toContain('In that channel: Let Sitrep post in this discord channel, then run `/digest subscribe` again. To remove it, run `/digest unsubscribe channel:c1` (from any channel).');
    expect(more).toEqual([]);
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    await h.app.services.review.postPending();
    expect(h.poster.texts('c-review')).toHaveLength(1);
  });

  it('WHEN skip_empty is set THEN quiet days send nothing and busy ones still do', async () => {
    const h = await subscribed('skip_empty:true');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.posts).toHaveLength(0);
    expect(deliveries(h).map((d) => d.status)).toEqual(['skipped']);
    h.addEntry({ title: 'Something at last' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()).toHaveLength(1);
    expect(h.poster.texts()[0]).toContain('Something at last');
  });

  it('THEN a long digest over several topics keeps each topic heading with its entries, and repeats it where they continue', async () => {
    const h = await subscribed();
    for (let i = 0; i < 18; i++) h.addEntry({ title: `Lebanon item ${i}`, topic: 'lebanon-israel' });
    for (let i = 0; i < 5; i++) h.addEntry({ title: `Syria item ${i}`, topic: 'syria-israel' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const parts = h.poster.posts.map((p) => p.view.sections);
    expect(parts.length).toBeGreaterThan(1);
    const heading = (section: { heading?: { text: string }[] }) => section.heading?.map((s) => s.text).join('') ?? '';
    for (const [index, sections] of parts.entries()) {
      // No part ends on a bare topic heading, and each part after the first names the topic it continues.
      expect(heading(sections.at(-1)!), `part ${index + 1}`).not.toMatch(/^Topic: /);
      if (index > 0) expect(heading(sections[0]!), `part ${index + 1}`).toMatch(/^Topic: /);
    }
    const texts = h.poster.texts();
    const all = texts.join('\n');
    expect(count(all, 'Topic: syria-israel\n')).toBe(1);
    for (let i = 0; i < 5; i++) expect(count(all, `Syria item ${i}\n`)).toBe(1);
    // Every entry sits under its own topic's heading, repeated where a topic goes on in the next part.
    for (const text of texts) {
      let topic = '';
      for (const line of text.split('\n')) {
        topic = /^Topic: (\S+)/.exec(line)?.[1] ?? topic;
        if (/^#\d+ Syria item/.test(line)) expect(topic, line).toBe('syria-israel');
        if (/^#\d+ Lebanon item/.test(line)) expect(topic, line).toBe('lebanon-israel');
      }
    }
  });

  it('THEN a topic split across parts is announced again at the top of the next part, as continued', async () => {
    const h = await subscribed();
    for (let i = 0; i < 30; i++) {
      h.addEntry({ title: `Bulk entry number ${i} with a long descriptive title about the talks`, topic: i % 2 ? 'syria-israel' : 'lebanon-israel' });
    }
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const texts = h.poster.texts();
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^Sitrep digest \(continued\)\n\nTopic: syria-israel \(continued\)\n\n#\d+ Bulk entry/);
  });

  it('THEN a long digest is posted as several parts in order, none cut short', async () => {
    const h = await subscribed();
    for (let i = 1; i <= 45; i++) h.addEntry({ title: `Entry number ${i}`, start: { year: 2025, month: 6, day: (i % 28) + 1 } });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const texts = h.poster.texts();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]).toContain('45 new entries');
    const all = texts.join('\n');
    for (let i = 1; i <= 45; i++) expect(count(all, `Entry number ${i}\n`)).toBe(1);
    expect(texts.at(-1)).toContain(`part ${texts.length} of ${texts.length}`);
    expect(deliveries(h)[0]!.messageRefs).toHaveLength(texts.length);
  });
});
