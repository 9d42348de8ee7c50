// Watch messages on a virtual clock, through a recording poster: a change an entry's actor,
// place or topic is watched for reaches the watcher as one direct message listing it, a change
// nobody watches reaches no one, changes within 10 minutes of a message wait and go together in
// the next, and a process started on the same store after a message went out never sends it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { DeliveryError } from '../../src/core/poster.js';
import { Harness } from '../digest/support/harness.js';

const TICK_MS = 30_000;
const MINUTE = 60_000;
const reader: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'c1' };

let h: Harness;
let runner: WatchRunner;
const dms = () => h.poster.posts.filter((p) => p.channelId === 'dm:2002');

function startRunner(harness: Harness): WatchRunner {
  const started = harness.app.startWatchRunner({ tickMs: TICK_MS });
  harness.time.settle = () => started.idle();
  return started;
}

beforeEach(() => {
  h = new Harness({ start: '2026-07-06T05:00:00Z' });
  runner = startRunner(h);
});
afterEach(async () => {
  if (h.app.db.open) await runner.stop(1000);
  await h.dispose();
  h.removeStore();
});

describe('GIVEN someone watching an actor', () => {
  it('WHEN an entry naming the actor is added THEN they get one direct message with it; an entry without the actor sends nothing', async () => {
    await h.run('/watch add actor:Dermer', reader);
    h.addEntry({ title: 'Envoys meet in Baku', actors: [{ actorId: h.actorId('Ron Dermer'), role: 'participant' }] });
    h.addEntry({ title: 'Shelling near Quneitra' });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    const [message] = dms();
    expect(message!.text).toContain('Sitrep — what you watch changed');
    expect(message!.text).toContain('1 new entry');
    expect(message!.text).toContain('Envoys meet in Baku');
    expect(message!.text).toContain('You watch Ron Dermer.');
    expect(message!.text).toContain('/watch stop');
    expect(message!.text).not.toContain('Quneitra');
    await h.time.advance(20 * MINUTE);
    expect(dms()).toHaveLength(1);
  });
});

describe('GIVEN someone watching an actor, and an entry they never saw', () => {
  it('WHEN a correction adds the actor to it THEN it reaches them as a new entry, not as a correction of something they never saw', async () => {
    const id = h.addEntry({ title: 'Shelling near Quneitra' });
    await h.run('/watch add actor:Dermer', reader);
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(0);
    h.editEntry(id, { actors: [{ actorId: h.actorId('Ron Dermer'), role: 'subject' }] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    const [message] = dms();
    expect(message!.text).toContain('1 new entry');
    expect(message!.text).toContain('Shelling near Quneitra');
    expect(message!.text).not.toContain('— corrected');
    expect(message!.text).not.toContain('Changed:');
  });
});

describe('GIVEN someone watching an actor since merged into another', () => {
  it('THEN /watch list and their messages name it as digests do: the actor kept, and the one they watched', async () => {
    await h.runText('/actors add name:"T. Barrack" kind:person');
    expect(await h.runText('/watch add actor:"T. Barrack"', reader)).toContain('You now watch the actor T. Barrack');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    expect(await h.runText('/watch list', reader)).toContain('#1 actor Tom Barrack (was T. Barrack)');
    h.addEntry({ title: 'Barrack in Damascus', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'participant' }] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('You watch Tom Barrack (was T. Barrack).');
  });
});

describe('GIVEN someone watching a country', () => {
  it('WHEN an entry at a place within it is added THEN the message reaches them', async () => {
    await h.run('/watch add place:Syria', reader);
    h.addEntry({ title: 'Clashes in the south', places: ['Sweida province'] });
    h.addEntry({ title: 'Talks in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('Clashes in the south');
    expect(dms()[0]!.text).not.toContain('Talks in Paris');
  });
});

describe('GIVEN a message sent a minute ago', () => {
  it('WHEN more changes come within 10 minutes THEN they wait, and go together in one message, corrections saying what changed', async () => {
    await h.run('/watch add topic:syria-israel', reader);
    const first = h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    const sentAt = dms()[0]!.at.getTime();

    await h.time.advance(MINUTE);
    h.editEntry(first, { confidence: 'confirmed' });
    await h.time.advance(2 * MINUTE);
    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(5 * MINUTE);
    expect(dms()).toHaveLength(1);

    await h.time.advance(3 * MINUTE);
    expect(dms()).toHaveLength(2);
    const bundled = dms()[1]!;
    expect(bundled.at.getTime() - sentAt).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(bundled.at.getTime() - sentAt).toBeLessThanOrEqual(10 * MINUTE + TICK_MS);
    expect(bundled.text).toContain('1 new entry · 1 correction');
    expect(bundled.text).toContain('Ceasefire announced');
    expect(bundled.text).toMatch(/Envoys meet in Baku — corrected[\s\S]*Changed: confidence reported → confirmed/);
  });
});

describe('GIVEN a message delivered by a process that then stopped', () => {
  it('WHEN another process starts on the same store THEN it does not send it again, and sends the next change once', async () => {
    await h.run('/watch add actor:Dermer', reader);
    const dermer = [{ actorId: h.actorId('Ron Dermer'), role: 'participant' as const }];
    h.addEntry({ title: 'Envoys meet in Baku', actors: dermer });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    h.crash();

    const next = new Harness({ start: '', sharing: h });
    const nextRunner = startRunner(next);
    try {
      await next.time.advance(3 * MINUTE);
      expect(next.poster.posts).toHaveLength(0);
      // The crashed process's lease has not run out: the log says this one stands by, then takes over.
      expect(next.logger.lines.some((l) => /^\w+ watch messages are sent by another process; standing by$/.test(l.message))).toBe(true);
      next.addEntry({ title: 'Ceasefire announced', actors: dermer });
      await next.time.advance(10 * MINUTE);
      expect(next.logger.lines.some((l) => /^sending \w+ watch messages$/.test(l.message))).toBe(true);
      expect(next.poster.posts.map((p) => p.channelId)).toEqual(['dm:2002']);
      expect(next.poster.posts[0]!.text).toContain('Ceasefire announced');
      expect(next.poster.posts[0]!.text).not.toContain('Envoys meet in Baku');
    } finally {
      await nextRunner.stop(1000);
      await next.dispose();
    }
  });
});

describe('GIVEN an entry someone watches', () => {
  it('WHEN an admin undoes a correction, then removes the entry THEN each reaches them, saying what changed and why it went', async () => {
    await h.run('/watch add topic:syria-israel', reader);
    const id = h.addEntry({ title: 'Envoys meet in Baku' });
    h.editEntry(id, { confidence: 'confirmed' });
    await h.time.advance(TICK_MS);
    await h.run(`/entry undo id:${id}`);
    await h.time.advance(10 * MINUTE + TICK_MS);
    await h.run(`/entry remove id:${id} reason:"Duplicate of an earlier report"`);
    await h.time.advance(10 * MINUTE + TICK_MS);
    expect(dms().map((m) => m.text.split('\n')[1])).toEqual(['1 new entry', '1 correction', '1 removal']);
    expect(dms()[1]!.text).toContain('Changed: confidence confirmed → reported');
    expect(dms()[2]!.text).toContain('Reason: Duplicate of an earlier report');
  });
});

describe('GIVEN watches paused because the platform refused a message', () => {
  it('WHEN the person resumes THEN changes from then on reach them, and those made while paused do not', async () => {
    await h.run('/watch add topic:syria-israel', reader);
    h.poster.failNext(new DeliveryError('permanent', 'Discord answered 403 (50007: Cannot send messages to this user)'));
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    h.addEntry({ title: 'Talks stall' });
    await h.time.advance(15 * MINUTE);
    expect(dms()).toHaveLength(0);
    expect(await h.runText('/watch list', reader)).toContain('Paused: Sitrep could not send you a direct message (Discord answered 403 (50007: Cannot send messages to this user))');

    expect(await h.runText('/watch resume', reader)).toContain('Your watches are on again');
    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('Ceasefire announced');
    expect(dms()[0]!.text).not.toContain('Talks stall');
    expect(await h.runText('/watch list', reader)).not.toContain('Paused');
  });
});

describe('GIVEN someone watching an actor named by many entries at once', () => {
  it('WHEN more change than a message lists THEN the rest are named by id with the command that shows each, not sent to /timeline', async () => {
    await h.run('/watch add actor:Dermer', reader);
    const dermer = [{ actorId: h.actorId('Ron Dermer'), role: 'participant' as const }];
    const ids = Array.from({ length: 24 }, (_, i) => h.addEntry({ title: `Envoy visit ${i + 1}`, actors: dermer }));
    await h.time.advance(TICK_MS);
    const text = dms().map((m) => m.text).join('\n');
    expect(text).toContain('24 new entries');
    expect(text).toContain('Not listed: 4 new entries past the 20 a message lists');
    // Listed newest first: the four oldest are the ones named.
    expect(text).toContain(`#${ids[0]}–#${ids[3]}`);
    expect(text).toMatch(/Each: `?\/entry show ID/);
    expect(text).not.toContain('/timeline');
  });
});

describe('GIVEN an entry someone watches that was added and removed between two of their messages', () => {
  it('WHEN it is restored THEN their next message lists it as new, not restored; one they were shown and that went stays "restored"', async () => {
    await h.run('/watch add topic:syria-israel', reader);
    const shown = h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);

    const ghost = h.addEntry({ title: 'Clash near Quneitra' });
    h.removeEntry(ghost, 'posted too early');
    h.removeEntry(shown, 'duplicate');
    await h.time.advance(10 * MINUTE + TICK_MS);
    expect(dms()).toHaveLength(2);
    expect(dms()[1]!.text).not.toContain('Clash near Quneitra');

    await h.run(`/entry undo id:${ghost}`);
    await h.run(`/entry undo id:${shown}`);
    await h.time.advance(10 * MINUTE + TICK_MS);
    expect(dms()).toHaveLength(3);
    const message = dms()[2]!.text;
    expect(message.split('\n')[1]).toBe('1 new entry · 1 restored entry');
    expect(message).toContain(`#${ghost} Clash near Quneitra`);
    expect(message).not.toContain('Clash near Quneitra — restored');
    expect(message).toContain(`#${shown} Envoys meet in Baku — restored`);
  });

  it('WHEN the entry had been removed before they began watching THEN its restoration stays "restored"', async () => {
    const older = h.addEntry({ title: 'Clash near Quneitra' });
    h.removeEntry(older, 'posted too early');
    await h.run('/watch add topic:syria-israel', reader);
    await h.run(`/entry undo id:${older}`);
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain(`#${older} Clash near Quneitra — restored`);
  });
});

describe('GIVEN someone watching an actor and a governorate, whose name holds a comma', () => {
  it('WHEN an entry involving both is added THEN the message keeps the two names apart, and its footer names the entry to show', async () => {
    await h.run('/watch add actor:Dermer', reader);
    expect(await h.runText('/watch add place:Quneitra', reader)).toContain('You now watch the place Quneitra region, Syria as watch #2.');
    const id = h.addEntry({ title: 'Dermer tours the line', places: ['Quneitra'], actors: [{ actorId: h.actorId('Ron Dermer'), role: 'participant' }] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    const text = dms()[0]!.text.replaceAll('`', '');
    expect(text).toContain('You watch Ron Dermer; Quneitra region, Syria.');
    expect(text).toContain('Involves what you watch: Ron Dermer; Quneitra region, Syria');
    expect(text).toContain(`Details: /entry show ${id} · Your watches: /watch list`);
  });

  it('WHEN several entries change THEN the footer says how to show any of them', async () => {
    await h.run('/watch add actor:Dermer', reader);
    const dermer = [{ actorId: h.actorId('Ron Dermer'), role: 'participant' as const }];
    h.addEntry({ title: 'Envoys meet in Baku', actors: dermer });
    h.addEntry({ title: 'Talks stall', actors: dermer });
    await h.time.advance(TICK_MS);
    expect(dms()[0]!.text.replaceAll('`', '')).toContain('Details: /entry show ID · Your watches: /watch list');
  });
});

describe('GIVEN someone watching the city of Daraa, not its governorate', () => {
  it('WHEN an entry at the city and one elsewhere in the governorate are added THEN the message lists the one at the city', async () => {
    expect(await h.runText('/watch add place:"Daraa city"', reader)).toContain('You now watch the place Daraa, Syria as watch #1.');
    h.addEntry({ title: 'Protest in Daraa', places: ['Daraa'] });
    h.addEntry({ title: 'Shelling across the province', places: ['Daraa province'] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('Protest in Daraa');
    expect(dms()[0]!.text).not.toContain('Shelling across the province');
  });
});

describe('GIVEN someone watching two actors since merged into one', () => {
  it('THEN /watch list and their messages show one watch, and stopping it stops both', async () => {
    await h.runText('/actors add name:"T. Barrack" kind:person');
    await h.run('/watch add actor:"T. Barrack"', reader);
    await h.run('/watch add actor:"Tom Barrack"', reader);
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const listed = await h.runText('/watch list', reader);
    expect(listed).toContain('You watch one thing');
    expect(listed).toContain('#2 actor Tom Barrack');
    expect(listed).not.toContain('T. Barrack');
    expect(await h.runText('/watch add actor:"Tom Barrack"', reader)).toContain('You already watch the actor Tom Barrack as watch #2.');
    h.addEntry({ title: 'Barrack in Damascus', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'participant' }] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('You watch Tom Barrack.');
    expect(dms()[0]!.text).not.toContain('Involves what you watch');
    expect(await h.runText('/watch stop actor:"Tom Barrack"', reader)).toContain('You no longer watch Tom Barrack. You watch nothing now');
    expect(await h.runText('/watch list', reader)).toContain('You watch nothing yet.');
  });
});

describe('GIVEN someone watching an actor an admin then renames', () => {
  it('THEN their messages name the actor as it is called now, and as they watched it', async () => {
    await h.run('/watch add actor:Dermer', reader);
    await h.runText('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"');
    h.addEntry({ title: 'Envoys meet in Baku', actors: [{ actorId: h.actorId('Ronald Dermer'), role: 'participant' }] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain('You watch Ronald Dermer (was Ron Dermer).');
  });
});
