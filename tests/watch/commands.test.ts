// /watch through the real command layer, as the console runs it: anyone watches an actor (any
// alias), a place (a located area holds the places within it) or a topic for themselves; /watch
// list shows them; /watch stop stops one or all; bad input is refused, naming the option, with
// nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import type { Caller } from '../../src/core/caller.js';
import { Harness } from '../digest/support/harness.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';

let h: Harness;
const reader: Caller = { platform: 'console', userId: 'reader', channelId: 'console' };
const text = async (line: string, caller: Caller = CONSOLE_CALLER) => viewText(await h.run(line, caller)).replaceAll('`', '');

beforeEach(() => {
  h = new Harness({ start: '2026-07-06T05:00:00Z', platform: 'console' });
});
afterEach(async () => {
  await h.dispose();
  h.removeStore();
});

describe('GIVEN a channel where someone manages their watches', () => {
  it('THEN every /watch answer is shown to them alone, not posted to the channel', async () => {
    const member: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'c1' };
    for (const line of ['/watch add actor:Dermer', '/watch list', '/watch resume', '/watch stop actor:Dermer']) {
      expect((await h.run(line, member)).private, line).toBe(true);
    }
  });
});

describe('GIVEN the console', () => {
  it('WHEN someone watches an actor by an alias, a place and a topic THEN /watch list shows the three, each with its id', async () => {
    expect(await text('/watch list', reader)).toContain('You watch nothing yet.');
    expect(await text('/watch add actor:Dermer', reader)).toContain('You now watch the actor Ron Dermer as watch #1.');
    expect(await text('/watch add actor:Barrack', reader)).toContain('when an entry involving it is added, corrected, removed or restored');
    await text('/watch stop actor:Barrack', reader);
    expect(await text('/watch add place:syria', reader)).toMatch(/You now watch the place Syria as watch #2/);
    expect(await text('/watch add topic:SYRIA-ISRAEL', reader)).toContain('You now watch the topic syria-israel as watch #3.');
    expect(await text('/watch add actor:"Ron Dermer"', reader)).toContain('You already watch the actor Ron Dermer as watch #1.');
    const listed = await text('/watch list', reader);
    expect(listed).toContain('You watch 3 things');
    expect(listed).toMatch(/#1 actor Ron Dermer\n\s*#2 place Syria\n\s*#3 topic syria-israel/);
    // Watches are each person's own.
    expect(await text('/watch list')).toContain('You watch nothing yet.');
    // Typed with options alone, /watch adds: /watch actor:X is /watch add actor:X.
    expect(await text('/watch actor:Barrack', reader)).toContain('You now watch the actor Tom Barrack as watch #4.');
  });

  it('WHEN someone watches two places of one name, and one the gazetteer spells otherwise THEN each reads apart (a region named so), after the name typed', async () => {
    expect(await text('/watch add place:Paris', reader)).toContain('You now watch the place Paris as watch #1.');
    expect(await text('/watch add place:"Paris (Texas)"', reader)).toContain('You now watch the place Paris, Texas, United States as watch #2.');
    expect(await text('/watch add place:Sweida', reader)).toContain('You now watch the place Sweida (Suwayda region, Syria) as watch #3.');
    const listed = await text('/watch list', reader);
    expect(listed).toContain('#1 place Paris\n');
    expect(listed).toContain('#2 place Paris, Texas, United States');
    // A seat sharing its governorate's name reads the governorate, whichever spelling names it
    // (`Alepo` is one of GeoNames' alternate names of the city alone).
    expect(await text('/watch add place:Aleppo', reader)).toContain('You now watch the place Aleppo region, Syria as watch #4.');
    expect(await text('/watch add place:Alepo', reader)).toContain('You already watch the place Aleppo region, Syria as watch #4; Alepo (Aleppo region, Syria) is the same place.');
    // Typed in lower case, a name is written as a name; another spelling of a watched place names the watch.
    expect(await text('/watch add place:deraa', reader)).toContain('You now watch the place Deraa (Daraa region, Syria) as watch #5.');
    expect(await text('/watch add place:"Sweida province"', reader)).toContain('You already watch the place Sweida (Suwayda region, Syria) as watch #3; Sweida province is the same place.');
  });

  it('WHEN someone stops a watch by id, by what it follows, then all THEN each goes, and the last stop says no more messages come', async () => {
    for (const line of ['/watch add actor:Dermer', '/watch add place:Paris', '/watch add topic:syria-israel', '/watch add actor:Barrack']) await h.run(line, reader);
    expect(await text('/watch stop id:2', reader)).toContain('You no longer watch Paris.');
    expect(await text('/watch stop actor:"Tom Barrack"', reader)).toContain('You no longer watch Tom Barrack.');
    expect(await text('/watch list', reader)).toMatch(/#1 actor Ron Dermer\n\s*#3 topic syria-israel\n\n/);
    expect(await text('/watch stop', reader)).toContain('You no longer watch Ron Dermer, syria-israel. You watch nothing now: Sitrep sends you no more direct messages.');
    expect(await text('/watch list', reader)).toContain('You watch nothing yet.');
    expect(await text('/watch stop', reader)).toContain('You watch nothing: there was nothing to stop.');
  });

  it('WHEN someone stops a watch by the name /watch list shows THEN it goes, in any case, though the name would not resolve as a new place', async () => {
    for (const line of ['/watch add place:Quneitra', '/watch add place:Sweida', '/watch add actor:Dermer']) await h.run(line, reader);
    const listed = await text('/watch list', reader);
    expect(listed).toContain('#1 place Quneitra region, Syria');
    expect(listed).toContain('#2 place Sweida (Suwayda region, Syria)');
    expect(await text('/watch stop place:"Quneitra region, Syria"', reader)).toContain('You no longer watch Quneitra region, Syria.');
    expect(await text('/watch stop place:"sweida (suwayda region, syria)"', reader)).toContain('You no longer watch Sweida (Suwayda region, Syria).');
    expect(await text('/watch list', reader)).toMatch(/You watch one thing[\s\S]*#3 actor Ron Dermer/);
  });

  it('WHEN a stop names a place that is not one of theirs THEN the refusal lists their watches with the number that stops each', async () => {
    for (const line of ['/watch add place:Quneitra', '/watch add actor:Dermer']) await h.run(line, reader);
    const outcome = await h.app.dispatcher.dispatchText('/watch stop place:Narnia', reader, 'r-stop');
    expect(outcome.view.tone).toBe('error');
    const refusal = viewText(outcome.view).replaceAll('`', '');
    expect(refusal).toContain('No entry has the place Narnia (option place).');
    expect(refusal).toContain('Your watches: #1 Quneitra region, Syria; #2 Ron Dermer.');
    expect(refusal).toContain('Stop one by its number: /watch stop id:1.');
  });

  it('WHEN someone watches a governorate and the city of its name THEN "Daraa" is the governorate and "Daraa city" or "Daraa, Syria" the city, each reply saying how to watch the other', async () => {
    const region = await text('/watch add place:Daraa', reader);
    expect(region).toContain('You now watch the place Daraa region, Syria as watch #1.');
    expect(region).toContain('That is the region, city and all; for the city alone: /watch add place:"Daraa city".');
    const city = await text('/watch add place:"Daraa city"', reader);
    expect(city).toContain('You now watch the place Daraa, Syria as watch #2.');
    expect(city).toContain('That is the city alone; for the region, city and all: /watch add place:"Daraa region".');
    expect(await text('/watch add place:"Daraa, Syria"', reader)).toContain('You already watch the place Daraa, Syria as watch #2.');
    expect(await text('/watch add place:"Aleppo city"', reader)).toContain('You now watch the place Aleppo, Syria as watch #3.');
    expect(await text('/watch add place:"Damascus, Syria"', reader)).toContain('You now watch the place Damascus, Damascus Governorate, Syria as watch #4.');
    expect(await text('/watch add place:Damascus', reader)).toContain('You already watch the place Damascus, Damascus Governorate, Syria as watch #4; Damascus is the same place.');
    expect(await text('/watch add place:"Quneitra region, Syria"', reader)).toContain('You now watch the place Quneitra region, Syria as watch #5.');
  });

  it('WHEN the input is wrong THEN the reply says which option and what is close, and nothing is written', async () => {
    await h.run('/watch add actor:Dermer', reader);
    const before = storeFingerprint(h.app.db);
    const refused = async (line: string, option: string | undefined) => {
      const outcome = await h.app.dispatcher.dispatchText(line, reader, `r-${line}`);
      expect(outcome.view.tone).toBe('error');
      expect(outcome.refusedOption).toBe(option);
      return viewText(outcome.view).replaceAll('`', '');
    };
    expect(await refused('/watch add actor:Dermr', 'actor')).toContain('Closest known names: Dermer');
    expect(await refused('/watch add topic:syria-isreal', 'topic')).toContain('Closest topics: syria-israel.');
    expect(await refused('/watch add place:Narnia', 'place')).toContain('No entry has the place Narnia (option place).');
    expect(await refused('/watch add', 'actor')).toContain('Say what to watch: /watch add takes one of actor, place or topic.');
    expect(await refused('/watch add actor:Dermer topic:syria-israel', 'topic')).toContain('One watch at a time');
    expect(await refused('/watch stop id:9', 'id')).toContain('You do not watch #9 (option id).');
    expect(await refused('/watch stop topic:syria-israel', 'topic')).toContain('Your watches: #1 Ron Dermer.');
    expect(storeFingerprint(h.app.db)).toEqual(before);
  });

  it('WHEN nothing is paused THEN /watch resume says there is nothing to resume', async () => {
    await h.run('/watch add actor:Dermer', reader);
    expect(await text('/watch resume', reader)).toContain('Your watches are not paused: nothing to resume.');
  });
});

describe('GIVEN the console operator watching a topic', () => {
  it('WHEN an entry of it is added THEN the watch message prints on the console', async () => {
    const term = new Harness({ start: '2026-07-06T05:00:00Z', noFakePoster: true });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    term.app.digests.posters.register(new ConsolePoster(output));
    const runner = term.app.startWatchRunner({ tickMs: 30_000 });
    term.time.settle = () => runner.idle();
    try {
      await term.run('/watch add topic:syria-israel', CONSOLE_CALLER);
      term.addEntry({ title: 'Envoys meet in Baku' });
      await term.time.advance(30_000);
      expect(printed).toContain('── direct message for operator ──');
      expect(printed).toContain('Envoys meet in Baku');
    } finally {
      await runner.stop(1000);
      await term.dispose();
      term.removeStore();
    }
  });
});
