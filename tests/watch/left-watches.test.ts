// Watch messages for someone with several watches: each entry says which of them it involves, and
// a correction that takes an entry out of all of them says that later changes to it are not sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { LEFT_WATCHES } from '../../src/core/watch/message.js';
import type { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { Harness } from '../digest/support/harness.js';

const TICK_MS = 30_000;
const MINUTE = 60_000;
const reader: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'c1' };

let h: Harness;
let runner: WatchRunner;
const dms = () => h.poster.posts.filter((p) => p.channelId === 'dm:2002');

beforeEach(() => {
  h = new Harness({ start: '2026-07-06T05:00:00Z' });
  runner = h.app.startWatchRunner({ tickMs: TICK_MS });
  h.time.settle = () => runner.idle();
});
afterEach(async () => {
  if (h.app.db.open) await runner.stop(1000);
  await h.dispose();
  h.removeStore();
});

describe('GIVEN someone watching the place Sweida and the actor Ron Dermer', () => {
  async function watching() {
    await h.run('/watch add place:Sweida', reader);
    await h.run('/watch add actor:Dermer', reader);
    const dermer = h.actorId('Ron Dermer');
    const both = h.addEntry({ title: 'Envoy visits Sweida', places: ['Sweida'], actors: [{ actorId: dermer, role: 'participant' }] });
    h.addEntry({ title: 'Shelling near Sweida', places: ['Sweida'] });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    return { both, text: dms()[0]!.text };
  }

  it('WHEN entries involving them are added THEN each says which watch it involves', async () => {
    const { text } = await watching();
    expect(text).toMatch(/Envoy visits Sweida[^#]*Involves what you watch: Sweida \(Suwayda region, Syria\); Ron Dermer\n/);
    expect(text).toMatch(/Shelling near Sweida[^#]*Involves what you watch: Sweida \(Suwayda region, Syria\)\n/);
    expect(text).not.toContain(LEFT_WATCHES);
  });

  it('WHEN a correction takes an entry out of both THEN the next message says later changes to it are not sent', async () => {
    const { both } = await watching();
    h.editEntry(both, { actors: [], places: ['Paris'] });
    await h.time.advance(11 * MINUTE);
    expect(dms()).toHaveLength(2);
    const text = dms()[1]!.text;
    expect(text).toContain('Envoy visits Sweida — corrected');
    expect(text).toContain(LEFT_WATCHES);
    expect(text).not.toContain('Involves what you watch');
  });
});
