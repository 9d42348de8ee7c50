// Subscribing a channel again: with the settings it already has nothing is posted in the channel
// (and the reply says so); a subscribed channel changes a filter without repeating its schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { Harness } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}
const unmarked = (text: string) => text.replaceAll('`', '');
const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };

describe('GIVEN a channel subscribed to a digest', () => {
  it.each([
    ['the same options', 'schedule:"daily 09:00" type:none', 'schedule:"daily 09:00" type:none'],
    ['every setting spelled out', 'schedule:"daily 09:00" timezone:Europe/Paris topic:syria-israel', 'schedule:"daily 09:00" timezone:europe/paris topic:syria-israel skip_empty:false card:true'],
    ['only the schedule', 'schedule:"weekly mon 09:00" timezone:Europe/Paris actor:"Ron Dermer"', 'schedule:"weekly Monday 09:00"'],
    ['the actor again', 'schedule:"daily 09:00" actor:"Ron Dermer"', 'schedule:"daily 09:00" actor:"Ron Dermer"'],
  ])('WHEN it subscribes again with %s THEN nothing is posted in the channel and the reply says nothing changed', async (_, first, again) => {
    const h = harness();
    await h.subscribe(first);
    const before = h.app.digests.store.subscriptions.byChannel(channel);
    const reply = await h.runText(`/digest subscribe ${again}`);
    expect(reply).toContain('Digest unchanged');
    expect(reply).toContain('This channel’s digest already has these settings, so nothing changed and nothing was posted in the channel.');
    expect(reply).not.toContain('Digest updated');
    expect(h.poster.posts).toEqual([]);
    expect(h.poster.confirmations).toHaveLength(1);
    expect(h.app.digests.store.subscriptions.byChannel(channel)).toEqual(before);
  });

  it('WHEN it gives only a topic THEN its schedule is kept, the reply names it, and the channel is told of the change', async () => {
    const h = harness();
    await h.subscribe('schedule:"weekly mon 09:00" timezone:Europe/Paris');
    const reply = await h.subscribe('topic:syria-israel');
    expect(reply).toContain('Digest updated');
    expect(unmarked(reply)).toContain('Kept as they were: schedule weekly on Monday at 09:00 · time zone Europe/Paris.');
    expect(reply).toContain('Filters: topic syria-israel');
    expect(h.poster.confirmations.at(-1)!.text).toContain('From now on, Sitrep posts a digest of the syria-israel dossier here');
    expect(await h.runText('/digest list')).toContain('Schedule: weekly on Monday at 09:00 (Europe/Paris)');
  });

  it('WHEN its schedule is a cron expression and it gives only a type THEN the schedule kept is named in words', async () => {
    const h = harness();
    await h.subscribe('schedule:"0 8 * * 1-5"');
    expect(unmarked(await h.subscribe('type:talks'))).toContain('Kept as they were: schedule at 08:00 on Monday to Friday ·');
  });

  it('WHEN it was paused THEN subscribing again with the same settings resumes it, and says so in the channel', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 09:00"');
    const sub = h.app.digests.store.subscriptions.byChannel(channel)!;
    h.app.digests.store.subscriptions.pause(sub.id, 'channel gone', h.time.now());
    const reply = await h.subscribe('schedule:"daily 09:00"');
    expect(reply).toContain('Digest resumed');
    expect(h.app.digests.store.subscriptions.byChannel(channel)!.paused).toBeUndefined();
  });

  it('WHEN a refused delivery paused it and it subscribes again THEN the reply says it is resumed, telling the failure as past', async () => {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    h.addEntry({ title: 'Clash near Quneitra' });
    h.poster.failNext(new DeliveryError('permanent', 'Missing Permissions (403)'));
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    expect(await h.runText('/digest list')).toContain('Last digest: failed');

    const reply = await h.subscribe('');
    expect(reply).toContain('Digest resumed');
    expect(reply).toContain(
      'This channel’s digest was paused since Mon 6 Jul 2026 08:00 CEST (Missing Permissions (403)): it is resumed, with these settings. Its next digest includes what changed since the last one delivered here.',
    );
    expect(reply).not.toContain('now uses these settings');
    expect(reply).not.toContain('Last digest: failed');
  });
});

describe('GIVEN a channel with no digest', () => {
  it('WHEN it gives a filter without a schedule THEN the refusal says a schedule is needed because there is none to keep', async () => {
    const h = harness();
    const reply = unmarked(await h.runText('/digest subscribe topic:syria-israel'));
    expect(reply).toContain('/digest subscribe needs option schedule: this channel has no digest yet, so there is no schedule to keep.');
    expect(h.poster.posts).toEqual([]);
    expect(h.app.digests.store.subscriptions.byChannel(channel)).toBeUndefined();
  });
});
