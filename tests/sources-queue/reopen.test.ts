// GIVEN candidates waiting for review WHEN an admin rejects by mistake (a stray Reject, or
// /review clear with the wrong day) THEN a day after today is refused before anything is
// rejected, and /review reopen puts a rejected candidate back in the queue, its card drawn again
// with its buttons (or posted where it had none); an approved one stays an entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { READER, type QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { watchingTownWire } from './support/town-wire.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;

beforeEach(async () => {
  channel = new ChannelPoster();
  // The check's own pass posts the cards of 20; the other 5 wait for the next pass.
  ({ feeds, queue } = await watchingTownWire(channel));
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const waiting = () => queue.app.services.review.pending({}, 100, 0).total;
/** The card in the channel of the candidate titled for `town`, as it shows now. */
const cardOf = (town: string) => [...channel.messages.values()].find((view) => view.title === `Local officials meet in ${town}`);
const idOf = (town: string) => queue.app.services.review.pending({}, 100, 0).items.find((c) => c.title.endsWith(town))!.id;
const buttonsOf = (town: string) => (cardOf(town)?.buttons ?? []).map((button) => button.label);

describe('GIVEN 25 candidates waiting, published on 19 July (today is 20 July, UTC)', () => {
  it('WHEN /review clear is given a day after today THEN it is refused, naming today and its zone, and nothing is rejected', async () => {
    const refused = await queue.refused('/review clear before:2030-01-01');
    expect(refused).toContain('Option `before` is in the future — got `1 Jan 2030`; today is 20 Jul 2025 (UTC).');
    expect(refused).toContain('Give a day up to today: the candidates published before it are rejected');
    expect(await queue.refused('/review clear before:2025-07-21')).toContain('today is 20 Jul 2025 (UTC)');
    expect(waiting()).toBe(25);

    const cleared = await queue.text('/review clear before:2025-07-20 confirm:true');
    expect(cleared).toMatch(/^Rejected 25 candidates/);
    expect(cleared).toContain('one rejected by mistake goes back in the queue with `/review reopen id:N`');
  });

  it('WHEN a candidate rejected by mistake is reopened THEN it waits again, its card is drawn again with its buttons, and it can be approved', async () => {
    const id = idOf('Qarbabad');
    const rejected = await queue.text(`/review reject id:${id}`);
    expect(rejected).toContain(`Rejected by mistake: \`/review reopen id:${id}\` puts it back in the queue`);
    expect(buttonsOf('Qarbabad')).toEqual([]);

    expect(await queue.text(`/review reopen id:${id}`, READER)).toContain('`/review reopen` is for Sitrep admins only.');
    const reopened = await queue.text(`/review reopen id:${id}`);
    expect(reopened).toContain(`Candidate #${id} · syria-israel · waiting for review`);
    expect(reopened).toContain('Reopened: waiting for review again; its cards in the review channel are drawn again with their buttons.');
    expect(waiting()).toBe(25);
    expect(await queue.text('/review list page:3')).toContain('Local officials meet in Qarbabad');

    await queue.app.services.review.postPending();
    expect(buttonsOf('Qarbabad')).toEqual([`Approve #${id}`, `Edit #${id}`, `Reject #${id}`, `Attach #${id} to entry`]);
    expect(viewText(cardOf('Qarbabad')!)).toContain('waiting for review');
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
  });

  it('WHEN /review clear rejects every one, some before their card was posted, and two are reopened THEN the posted card is drawn again and the other one is posted', async () => {
    expect(channel.messages.size).toBe(20);
    const posted = idOf('Qaraabad');
    const unposted = idOf('Qaryabad');
    expect(cardOf('Qaryabad')).toBeUndefined();
    await queue.run('/review clear before:2025-07-20 confirm:true');
    await queue.app.services.review.postPending();
    expect(channel.messages.size).toBe(20);

    await queue.run(`/review reopen id:${posted}`);
    await queue.run(`/review reopen id:${unposted}`);
    // The clear's 20 cards took this minute's budget of cards drawn again.
    queue.advance(60_000);
    await queue.app.services.review.postPending();

    expect(channel.messages.size).toBe(21);
    expect(buttonsOf('Qaraabad')).toEqual([`Approve #${posted}`, `Edit #${posted}`, `Reject #${posted}`, `Attach #${posted} to entry`]);
    expect(buttonsOf('Qaryabad')).toEqual([`Approve #${unposted}`, `Edit #${unposted}`, `Reject #${unposted}`, `Attach #${unposted} to entry`]);
    expect(waiting()).toBe(2);
  });

  it('WHEN an approved or a waiting candidate is reopened THEN nothing changes: the approved one names /entry remove', async () => {
    const id = idOf('Qarcabad');
    await queue.run(`/review approve id:${id}`);
    const refused = await queue.refused(`/review reopen id:${id}`);
    expect(refused).toContain(`Candidate #${id} was approved by ana (Discord) at 2025-07-20 12:00 UTC as entry #18, so it is not reopened.`);
    expect(refused).toContain('To take the entry down: `/entry remove id:18 reason:"…"`');

    const other = idOf('Qardabad');
    expect(await queue.text(`/review reopen id:${other}`)).toContain(`Candidate #${other} is waiting for review already; nothing was changed.`);
  });
});
