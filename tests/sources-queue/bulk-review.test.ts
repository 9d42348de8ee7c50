// GIVEN a busy queue WHEN an admin decides many cards at once THEN several numbers and ranges are
// rejected or reopened in one command, each named in the reply; a clear of more than 10 shows
// them and asks first (a button on the platforms, confirm:true typed), and names the one command
// that puts them all back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { ChannelPoster } from './support/channel-poster.js';
import type { QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { watchingTownWire } from './support/town-wire.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;

beforeEach(async () => {
  ({ feeds, queue } = await watchingTownWire(new ChannelPoster()));
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const waiting = () => queue.app.services.review.pending({}, 100, 0).items.map((candidate) => candidate.id).sort((a, b) => a - b);

describe('GIVEN 25 candidates waiting', () => {
  it('WHEN several are rejected by number and range THEN each is named, unknown and handled ones say why, and one command reopens them', async () => {
    const [a, b, c, d, e] = waiting();
    await queue.run(`/review reject id:${e}`);
    const reply = await queue.text(`/review reject ids:${a},${b}-${d},${e},9999`);
    expect(reply).toMatch(/^Rejected 4 candidates of 6/);
    expect(reply).toContain('2 candidates named were not rejected: each says why below.');
    expect(reply).toContain(`\`#${c}\` rejected`);
    expect(reply).toContain(`\`#${e}\` rejected already by`);
    expect(reply).toContain('`#9999` there is no candidate of this number');
    expect(reply).toContain(`\`/review reopen ids:${a}-${d}\` puts them back in the queue`);
    expect(waiting()).not.toContain(b);

    const reopened = await queue.text(`/review reopen ids:${a}-${e}`);
    expect(reopened).toMatch(/^Reopened 5 candidates of 5/);
    expect(waiting()).toHaveLength(25);
    expect(await queue.refused('/review reject ids:3,x')).toContain('Option `ids` names candidates by number — got `x`.');
  });

  it('WHEN /review clear would reject more than 10 THEN nothing is rejected until confirmed, and its reply reopens them all', async () => {
    const asked = await queue.text('/review clear before:2025-07-20');
    expect(asked).toMatch(/^Review queue: reject 25 candidates\?/);
    expect(asked).toContain('Nothing was rejected yet.');
    expect(asked).toContain('`/review clear before:2025-07-20 confirm:true`');
    expect(waiting()).toHaveLength(25);

    const ids = waiting();
    const cleared = await queue.text('/review clear before:2025-07-20 confirm:true');
    expect(cleared).toMatch(/^Rejected 25 candidates/);
    expect(cleared).toContain(`All of them back in the queue: \`/review reopen ids:${ids[0]}-${ids[24]}\``);
    expect(waiting()).toHaveLength(0);
    expect(await queue.text(`/review reopen ids:${ids[0]}-${ids[24]}`)).toMatch(/^Reopened 25 candidates of 25/);
    expect(waiting()).toEqual(ids);
  });

  it('WHEN the confirmation is shown on a platform with buttons THEN pressing Reject 25 clears them', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
    const asked = await memory.command('/review clear before:2025-07-20', 'ana');
    expect(asked.buttons.map((button) => button.label)).toContain('Reject 25');
    const pressed = await memory.press(asked, 'Reject 25', 'ana');
    expect(pressed.text).toMatch(/Rejected 25 candidates/);
    expect(waiting()).toHaveLength(0);
  });
});
