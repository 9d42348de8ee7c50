// /digest subscribe, unsubscribe, list, preview and send-now through the dispatcher.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { channelGone } from './support/fake-poster.js';
import { viewText } from '../support/view-text.js';
import { ADMIN, Harness, READER } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
/** Without code marks, however the text renderer shows code spans. */
const unmarked = (text: string) => text.replaceAll('`', '');
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(timezone?: string): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z', ...(timezone ? { timezone } : {}) });
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}

describe('GIVEN /digest subscribe', () => {
  it('THEN only admins may subscribe, unsubscribe or send now; anyone may list and preview', async () => {
    const h = harness();
    for (const sub of ['subscribe schedule:"daily 08:00"', 'unsubscribe', 'send-now']) {
      expect(await h.runText(`/digest ${sub}`, READER)).toContain(`\`/digest ${sub.split(' ')[0]}\` is for Sitrep admins only.`);
    }
    await h.subscribe('schedule:"daily 08:00"');
    expect(await h.runText('/digest list', READER)).toContain('daily at 08:00 (UTC)');
    expect(await h.runText('/digest preview', READER)).toContain('Digest preview');
  });

  it('WHEN the schedule or the time zone is invalid THEN the reply names the option and what is accepted', async () => {
    const h = harness();
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 8am"'))).toContain(
      'Option schedule of /digest subscribe must be daily HH:MM, weekly DAY HH:MM or a 5-field cron expression — got daily 8am: 8am is not a time of day like 08:00 (24-hour clock).',
    );
    expect(unmarked(await h.runText('/digest subscribe schedule:"*/5 * * * *"'))).toContain('it runs more often than every 15 minutes');
    expect(unmarked(await h.runText('/digest subscribe schedule:hourly'))).toContain(
      'must be daily HH:MM, weekly DAY HH:MM or a 5-field cron expression — got hourly.\nExamples: daily 08:00 · weekly mon 09:00 · 0 8 * * 1-5 (weekdays at 08:00) · 0 * * * * (every hour).',
    );
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Pariss'))).toContain(
      'Option timezone of /digest subscribe must be an IANA time zone such as Europe/Paris or America/New_York — got Europe/Pariss.',
    );
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:EST'))).toContain(
      'must be an IANA time zone such as Europe/Paris or America/New_York — got EST.\nAbbreviations such as EST are not accepted: name the region, so daylight saving time is right. Did you mean America/New_York?',
    );
    expect(unmarked(await h.runText('/digest subscribe schedule:"5/15 * * * *"'))).toContain('minute field: 5/15 needs a range before the step; write 5-59/15.');
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" topic:atlantis'))).toMatch(/There is no topic atlantis \(option topic\)[\s\S]*Topics: syria-israel/);
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" actor:Nobodyatall'))).toContain('No actor is called Nobodyatall (option actor).');
    expect(h.app.digests.service.list({ platform: 'discord', workspaceId: 'g1' })).toEqual([]);
  });

  it('WHEN the time zone is a renamed one, a city alone or a fixed offset THEN the name typed is kept, the zone suggested, the offset refused', async () => {
    const h = harness();
    expect(await h.subscribe('schedule:"daily 08:00" timezone:europe/kyiv')).toContain('Schedule: daily at 08:00 (Europe/Kyiv)');
    expect(await h.runText('/digest list')).toContain('Schedule: daily at 08:00 (Europe/Kyiv)');
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Paris'))).toContain('got Paris.\nClosest time zones: Europe/Paris.');
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Etc/GMT+5'))).toContain(
      'got Etc/GMT+5.\nFixed offsets such as Etc/GMT+5 are not accepted, nor are other offsets (+02:00) and abbreviations (EST, CET): name the region, so daylight saving time is right.\nEtc/GMT+5 is UTC−5 all year, not UTC+5: Etc/ names reverse the sign.',
    );
    expect(await h.runText('/digest list')).toContain('Schedule: daily at 08:00 (Europe/Kyiv)');
  });

  it('THEN the zone defaults to SITREP_TZ, and the list shows the next run in the channel’s zone', async () => {
    const h = harness('America/New_York');
    const reply = await h.subscribe('schedule:"weekly mon 09:00" topic:syria-israel type:talks actor:"Ron Dermer" skip_empty:true');
    expect(reply).toContain('Digest subscribed');
    const list = await h.runText('/digest list');
    expect(list).toContain('Channel c1 (this channel)');
    expect(list).toContain('Schedule: weekly on Monday at 09:00 (America/New_York)');
    expect(list).toContain('Filters: topic syria-israel · type Talks/negotiation · actor Ron Dermer · skips empty digests');
    expect(list).toContain('Next digest: Mon 6 Jul 2026 09:00 EDT');
  });

  it('WHEN a channel subscribes again THEN its one subscription is updated, and the list covers only this workspace', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    expect(await h.subscribe('schedule:"daily 18:30" timezone:Europe/Paris')).toContain('Digest updated');
    await h.subscribe('schedule:"daily 07:00"', { ...ADMIN, channelId: 'c2' });
    await h.subscribe('schedule:"daily 07:00"', { ...ADMIN, workspaceId: 'g2', channelId: 'c9' });
    const list = await h.runText('/digest list', { ...ADMIN, channelId: 'c2' });
    expect(list).toContain('2 subscriptions.');
    expect(list).toContain('Schedule: daily at 18:30 (Europe/Paris)');
    expect(list).toContain('Next digest: Mon 6 Jul 2026 18:30 CEST');
    expect(list).toContain('Channel c2 (this channel)');
    expect(list).not.toContain('c9');
  });

  it('WHEN a channel subscribes again with only a new schedule THEN its zone and filters are kept, the reply says so, and none drops a filter', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 08:00" timezone:Asia/Tokyo topic:syria-israel actor:Dermer skip_empty:true card:false');
    const reply = unmarked(await h.subscribe('schedule:"daily 09:00"'));
    expect(reply).toContain('Digest updated');
    expect(reply).toContain('Schedule: daily at 09:00 (Asia/Tokyo)');
    expect(reply).toContain('Filters: topic syria-israel · actor Ron Dermer · skips empty digests · no card');
    expect(reply).toContain(
      'Kept as they were: time zone Asia/Tokyo · topic syria-israel · actor Ron Dermer · skips empty digests · no card. Give an option again to change it; topic:none, type:none or actor:none drops that filter.',
    );
    const dropped = unmarked(await h.subscribe('schedule:"daily 09:00" topic:none actor:none type:talks card:true'));
    expect(dropped).toContain('Filters: type Talks/negotiation · skips empty digests');
    expect(dropped).toContain('Kept as they were: time zone Asia/Tokyo · skips empty digests.');
    expect(await h.subscribe('schedule:"daily 09:00" type:none skip_empty:false')).toContain('Filters: everything\n');
  });
});

describe('GIVEN SITREP_TZ as typed in the environment', () => {
  it('THEN subscriptions store it spelled canonically', async () => {
    const h = harness('europe/paris');
    await h.subscribe('schedule:"daily 08:00"');
    expect(await h.runText('/digest list')).toContain('Schedule: daily at 08:00 (Europe/Paris)');
  });

  it('WHEN it is an abbreviation THEN the zone it stands for is used, and the log says so', async () => {
    const h = harness('EST');
    await h.subscribe('schedule:"daily 08:00"');
    expect(await h.runText('/digest list')).toContain('Schedule: daily at 08:00 (America/Panama)');
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.message.startsWith('SITREP_TZ EST is an abbreviation'))).toBe(true);
  });

  it('WHEN it is a fixed offset THEN it is kept, and the log says which way its sign goes', async () => {
    const h = harness('Etc/GMT+5');
    await h.subscribe('schedule:"daily 08:00"');
    expect(await h.runText('/digest list')).toContain('(Etc/GMT+5)');
    const warning = h.logger.lines.find((l) => l.level === 'warn' && l.message.startsWith('SITREP_TZ Etc/GMT+5'));
    expect(warning?.message).toContain('is UTC−5 all year, not UTC+5');
  });
});

describe('GIVEN a channel whose digest was paused because the channel was deleted', () => {
  async function paused(): Promise<Harness> {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', { ...ADMIN, channelId: 'c2' });
    await h.subscribe('schedule:"daily 09:00" timezone:Europe/Paris');
    h.poster.failNext(channelGone());
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    return h;
  }

  it('THEN /digest list says how to remove it, and an admin removes it from another channel by its id', async () => {
    const h = await paused();
    expect(await h.runText('/digest list')).toContain(
      'In that channel: Let Sitrep post in this discord channel, then run `/digest subscribe` again. To remove it, run `/digest unsubscribe channel:c2` (from any channel).',
    );
    expect(await h.runText('/digest unsubscribe channel:c2', READER)).toContain('`/digest unsubscribe` is for Sitrep admins only.');
    expect(await h.runText('/digest unsubscribe channel:c2')).toContain('Channel c2 will receive no more digests.');
    const list = await h.runText('/digest list');
    expect(list).toContain('1 subscription.');
    expect(list).not.toContain('c2');
    expect(await h.runText('/digest unsubscribe channel:c2')).toContain('Channel c2 has no digest to stop in this workspace.');
  });

  it('THEN another workspace’s subscription cannot be removed from here', async () => {
    const h = await paused();
    await h.subscribe('schedule:"daily 07:00"', { ...ADMIN, workspaceId: 'g2', channelId: 'c9' });
    expect(await h.runText('/digest unsubscribe channel:c9')).toContain('Channel c9 has no digest to stop in this workspace.');
    expect(await h.runText('/digest list', { ...ADMIN, workspaceId: 'g2', channelId: 'c9' })).toContain('Channel c9 (this channel)');
  });

  it('WHEN the channel is back and an admin sends its digest now THEN the reply says it stays paused and how to resume', async () => {
    const h = await paused();
    h.addEntry({ title: 'Posted on request' });
    const reply = await h.runText('/digest send-now', { ...ADMIN, channelId: 'c2' });
    expect(reply).toContain('Posted in 1 message. This channel’s digest stays paused, so no scheduled digest follows: run `/digest subscribe` here again to resume it.');
    expect(reply).not.toContain('The next digest starts from here');
    expect(h.poster.texts('c2')).toHaveLength(1);
  });
});

describe('GIVEN a subscribed channel', () => {
  it('THEN preview shows what the next digest would hold and records nothing; send-now sends it and moves the cursor', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    h.addEntry({ title: 'Talks in Baku' });
    const preview = await h.run('/digest preview');
    expect(preview.private).toBe(true);
    expect(viewText(preview)).toContain('Talks in Baku');
    expect(viewText(preview)).toContain('Preview — nothing was sent.');
    expect(h.poster.posts).toHaveLength(0);
    expect(await h.runText('/digest send-now')).toContain('Posted in 1 message. The next digest starts from here.');
    expect(h.poster.texts()[0]).toContain('Talks in Baku');
    expect(await h.runText('/digest preview')).toContain('Nothing changed since the last digest.');
    expect(await h.runText('/digest list')).toMatch(/Last digest: delivered — sent on request, Mon 6 Jul 2026 07:00 CEST, 1 message/);
    // Sent again with nothing new, the digest only says so: the reply says that is all it posted.
    await h.time.advance(60_000);
    expect(await h.runText('/digest send-now')).toContain('Posted in 1 message, saying nothing changed since the last digest. The next digest starts from here.');
  });

  it('WHEN send-now follows the subscription within the minute THEN the digest says the changes since then, not a period from a time to the same time', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.runText('/digest send-now');
    const [sent] = h.poster.texts();
    expect(sent).toContain('Changes since Mon 6 Jul 2026 07:00 CEST, a moment ago.');
    expect(sent).not.toContain('Changes from');
  });

  it('THEN unsubscribe stops it, and commands for a channel without a digest say how to start one', async () => {
    const h = harness();
    await h.subscribe('schedule:"daily 08:00"');
    expect(await h.runText('/digest unsubscribe')).toContain('This channel will receive no more digests.');
    expect(await h.runText('/digest unsubscribe')).toContain('This channel has no digest to stop.');
    expect(await h.runText('/digest preview')).toContain('Start one with `/digest subscribe schedule:"daily 08:00"`.');
    expect(await h.runText('/digest send-now')).toContain('This channel has no digest to send.');
    expect(await h.runText('/digest list')).toContain('No channel in this workspace has a digest yet.');
  });
});

describe('GIVEN the console', () => {
  let app: TestApp;
  afterEach(() => app.dispose());

  it('THEN its poster prints the digest, so a digest can be seen with no platform tokens', async () => {
    app = createTestApp();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    app.digests.posters.register(new ConsolePoster(output));
    const console: Caller = CONSOLE_CALLER;
    await app.dispatcher.runText('/digest subscribe schedule:"daily 08:00"', console);
    app.services.editor.addEntry(
      { topic: 'syria-israel', title: 'Printed on the console', summary: '', eventType: 'statement', start: { year: 2025, month: 7, day: 27 }, confidence: 'claimed', places: [], actors: [], sources: [{ outlet: 'AFP' }], tags: [] },
      { by: 'console:operator', at: new Date().toISOString() },
    );
    expect(viewText(await app.dispatcher.runText('/digest send-now', console))).toContain('Digest sent');
    expect(printed).toContain('── posted in #console ──');
    expect(printed).toContain('Printed on the console');
    expect(printed).toContain('1 new entry (1 Statement)');
  });
});
