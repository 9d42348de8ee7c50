// GIVEN a /review clear confirmation on a platform with buttons WHEN the queue changes before its
// Reject button is pressed THEN nothing is rejected and the queue as it stands is asked about
// again, naming what is new; pressed as shown, exactly the candidates shown are rejected, the
// answer is for the admin alone and takes the question's place; pressed again, nothing more goes.
// A /review reopen of more than 500 says how to reopen them in turns, never to reject.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeInline } from '../../src/core/interaction/carrier.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { ChannelPoster } from './support/channel-poster.js';
import type { QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { watchingTownWire } from './support/town-wire.js';

/** Twelve crossings Levant Wire reported from July 14th to 17th, and two Mideast Eye reports later, dated July 15th. */
const CROSSINGS = Array.from({ length: 12 }, (_, i) => `Zel${String.fromCharCode(97 + i)}ovka`);
const LATE = ['Kharbuta', 'Ruwayda'];
const item = (prefix: string, place: string, day: number): ScriptedItem => ({
  guid: `${prefix}-${place}`,
  title: `Convoy turned back at the ${place} border crossing`,
  link: `https://${prefix}.example/${place}`,
  published: `2025-07-${day}T08:00:00Z`,
});

let feeds: ScriptedFeeds;
let queue: QueueApp;
let memory: MemoryPlatform;

beforeEach(async () => {
  // Source #1, the town wire: 25 candidates published on July 19th, which a clear before the 19th leaves.
  ({ feeds, queue } = await watchingTownWire(new ChannelPoster()));
  feeds.serve('/levant.xml', 'Levant Wire', CROSSINGS.map((place, i) => item('levant', place, 14 + (i % 4))));
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:2');
  memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const waitingIds = () => queue.app.services.review.pending({}, 100, 0).items.map((candidate) => candidate.id).sort((a, b) => a - b);
const numbers = (ids: readonly number[]) => ids.map((id) => `#${id}`).join(', ');

/** Mideast Eye is added and checked: two more candidates dated July 15th join the queue. */
async function twoMoreProposed(): Promise<number[]> {
  const before = waitingIds();
  feeds.serve('/eye.xml', 'Mideast Eye', LATE.map((place) => item('eye', place, 15)));
  await queue.run(`/sources add url:${feeds.url('/eye.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:3');
  return waitingIds().filter((id) => !before.includes(id));
}

describe('GIVEN 12 candidates published before July 19th waiting, among 37', () => {
  it('WHEN two more are proposed before Reject 12 is pressed THEN nothing is rejected and the 14 are asked about, the two named as new; Reject 14 rejects exactly those', async () => {
    const shown = waitingIds().slice(-12);
    const asked = await memory.command('/review clear before:2025-07-19', 'ana');
    expect(asked.text).toMatch(/^Review queue: reject 12 candidates\?/);
    expect(asked.text).toContain(`would be rejected: ${numbers(shown)}. Nothing was rejected yet.`);
    const added = await twoMoreProposed();
    expect(added).toHaveLength(2);

    const reasked = await memory.press(asked, 'Reject 12', 'ana');
    expect(reasked.text).toMatch(/^Review queue: reject 14 candidates\?/);
    expect(reasked.text).toContain(`The queue changed since you were asked: 14 candidates would now be rejected (${numbers(added)} new).`);
    expect(reasked.text).toContain('Nothing was rejected yet.');
    expect(reasked.private).toBe(true);
    expect(waitingIds()).toHaveLength(39);

    const pressed = await memory.press(reasked, 'Reject 14', 'ana');
    expect(pressed.text).toMatch(/^Rejected 14 candidates\n/);
    expect(pressed.text).toContain(numbers([...shown, ...added]));
    expect(pressed.buttons).toEqual([]);
    expect(waitingIds()).toHaveLength(25);
  });

  it('WHEN Reject 12 is pressed as shown THEN those 12 are rejected, the answer is private; pressed again, nothing more is rejected', async () => {
    const shown = waitingIds().slice(-12);
    const asked = await memory.command('/review clear before:2025-07-19', 'ana');
    const pressed = await memory.press(asked, 'Reject 12', 'ana');
    expect(pressed.text).toMatch(/^Rejected 12 candidates\n/);
    expect(pressed.text).toContain(`that was waiting: ${numbers(shown)}.`);
    expect(pressed.private).toBe(true);
    expect(waitingIds()).toHaveLength(25);

    const again = await memory.press(asked, 'Reject 12', 'ana');
    expect(again.text).toMatch(/^Review queue: nothing to clear\n/);
    expect(waitingIds()).toHaveLength(25);
  });

  it('WHEN three of the 12 are reopened after the press and the old button is pressed again THEN they are not rejected: the three are asked about first', async () => {
    const shown = waitingIds().slice(-12);
    const asked = await memory.command('/review clear before:2025-07-19', 'ana');
    await memory.press(asked, 'Reject 12', 'ana');
    const back = shown.slice(0, 3);
    await queue.run(`/review reopen ids:${back[0]}-${back[2]}`);

    const reasked = await memory.press(asked, 'Reject 12', 'ana');
    expect(reasked.text).toMatch(/^Review queue: reject 3 candidates\?/);
    expect(reasked.text).toContain('The queue changed since you were asked: 3 candidates would now be rejected.');
    expect(reasked.buttons.map((button) => button.label)).toContain('Reject 3');
    expect(waitingIds()).toEqual(expect.arrayContaining(back));
  });

  it('WHEN the confirmation names a topic, a source and the day THEN its button carries them and the set shown in Discord’s 100 characters, up to six-digit numbers', async () => {
    const discordLike = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime(), { buttonLength: 100 });
    const asked = await discordLike.command('/review clear before:2025-07-19 topic:syria-israel source:2', 'ana');
    const button = asked.buttons.find((b) => b.label === 'Reject 12')!;
    expect(button.carrier).toMatch(/^s1:r:d::::review\.clear:before=2025-07-19&topic=syria-israel&source#2&shown=\d+-[0-9a-f]{8}$/);
    const sixDigits = { before: '2025-07-19', topic: 'syria-israel', source: 2, shown: '999999-0123abcd' };
    expect(encodeInline({ action: { kind: 'run', invocation: { command: 'review', subcommand: 'clear', args: sixDigits } }, audience: 'admins' }, 100)).toBeDefined();
  });
});

describe('GIVEN more candidates named than one command takes', () => {
  it('WHEN /review reopen names 520 THEN the refusal says how to reopen them in turns, not to reject', async () => {
    const refused = await queue.refused('/review reopen ids:1-520');
    expect(refused).toContain('Option `ids` names 520 candidates, more than 500 at a time; nothing was changed.');
    expect(refused).toContain('Name at most 500 at a time: `/review reopen ids:1-500`, then `/review reopen ids:501-520`');
    expect(refused).not.toContain('reject');
    expect(await queue.refused('/review reopen ids:1-2000')).toContain('`/review reopen ids:1-500`, then `/review reopen ids:501-1000`, and so on');
  });

  it('WHEN /review reject names 30 THEN the refusal points to /review clear', async () => {
    const refused = await queue.refused('/review reject ids:1-30');
    expect(refused).toContain('Option `ids` names 30 candidates, more than 25 at a time; nothing was changed.');
    expect(refused).toContain('/review clear');
  });
});
