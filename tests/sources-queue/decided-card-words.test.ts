// GIVEN candidates decided by an admin on Discord WHEN their cards, the replies about them and the
// entry's history are read THEN the admin is named as people read it (`ana (Discord)`), never by
// the platform's stored id; the history says where the entry came from without repeating who;
// a rejected card does not look like an approval; and the card's link reads `Read on OUTLET`,
// leading to the article.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp, READER } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

/** The seed's entry on the Baku meeting. */
const BAKU_ENTRY = 12;
/** How the stored author of ADMIN would read, raw. */
const RAW_ADMIN = 'discord:1001';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;
/** Candidate numbers by story. */
let ids: { paris: number; sweida: number; baku: number };

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  queue = new QueueApp({ start: NOW });
  channel = new ChannelPoster();
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.app.services.review.postPending();
  const id = (title: string) => queue.app.db.prepare('SELECT id FROM review_candidates WHERE title = ?').pluck().get(title) as number;
  ids = { paris: id(PARIS.title), sweida: id(SWEIDA.title), baku: id(BAKU.title) };
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

/** The channel's card of candidate `id`, as it shows now. */
const channelCard = (id: number): View => [...channel.messages.values()].find((view) => viewText(view).includes(`Candidate #${id} `))!;

describe('GIVEN three candidates carded in the review channel', () => {
  it('WHEN ana approves one and rejects another THEN the cards, /review show and the replies about them name her as ana (Discord)', async () => {
    await queue.run(`/review approve id:${ids.paris}`);
    await queue.run(`/review reject id:${ids.sweida} reason:"not an event"`);

    expect(viewText(channelCard(ids.paris))).toMatch(/Decided +Approved by ana \(Discord\) at 2025-07-20 12:00 UTC → entry #18\n/);
    // The entry records no fatality figure: none given, which is not "none killed".
    expect(viewText(channelCard(ids.paris))).toMatch(/Fatalities +—\n/);
    expect(viewText(channelCard(ids.sweida))).toMatch(/Decided +Rejected by ana \(Discord\) at 2025-07-20 12:00 UTC: not an event\n/);
    const replies = [
      await queue.text(`/review show id:${ids.sweida}`, READER),
      await queue.text(`/review approve id:${ids.sweida}`),
      await queue.text(`/review reject id:${ids.paris}`),
      await queue.text(`/review reopen id:${ids.paris}`),
      await queue.text(`/review reject ids:${ids.paris},${ids.sweida}`),
      await queue.text(`/review attach id:${ids.paris} entry:${BAKU_ENTRY}`),
    ];
    expect(replies[0]).toContain('Rejected by ana (Discord) at 2025-07-20 12:00 UTC: not an event');
    expect(replies[1]).toContain(`Candidate #${ids.sweida} was rejected by ana (Discord) at 2025-07-20 12:00 UTC, so it is not approved.`);
    expect(replies[2]).toContain(`Candidate #${ids.paris} was approved by ana (Discord) at 2025-07-20 12:00 UTC as entry #18.`);
    expect(replies[3]).toContain(`Candidate #${ids.paris} was approved by ana (Discord) at 2025-07-20 12:00 UTC as entry #18, so it is not reopened.`);
    expect(replies[4]).toContain(`#${ids.paris}\` approved as entry #18 by ana (Discord) at 2025-07-20 12:00 UTC, so not rejected`);
    expect(replies[4]).toContain(`#${ids.sweida}\` rejected already by ana (Discord) at 2025-07-20 12:00 UTC`);
    expect(replies[5]).toContain(`Candidate #${ids.paris} is entry #18 already (approved by ana (Discord) at 2025-07-20 12:00 UTC), not #${BAKU_ENTRY}`);
    for (const text of [...replies, viewText(channelCard(ids.paris)), viewText(channelCard(ids.sweida))]) expect(text).not.toContain(RAW_ADMIN);
  });

  it('WHEN ana approves one and attaches another THEN /entry history says each came from the review queue, naming her once, by name', async () => {
    await queue.run(`/review approve id:${ids.paris}`);
    await queue.run(`/review attach id:${ids.baku} entry:${BAKU_ENTRY}`);

    const approved = await queue.text('/entry history id:18', READER);
    expect(approved).toMatch(new RegExp(`· create by ana \\(Discord\\) \\(from the review queue: candidate #${ids.paris}, reported by Levant Wire\\)\\n`));
    const attached = await queue.text(`/entry history id:${BAKU_ENTRY}`, READER);
    expect(attached).toMatch(new RegExp(`· edit by ana \\(Discord\\) — source \\(from the review queue: candidate #${ids.baku}, reported by Levant Wire, attached as further sources\\)\\n`));
    expect(`${approved}\n${attached}`).not.toContain(RAW_ADMIN);
  });

  it('WHEN one is approved, one rejected and one attached THEN each is drawn in a tone of its own, only the approval as a success, in the replies and in the channel', async () => {
    const approved = await queue.run(`/review approve id:${ids.paris}`);
    const rejected = await queue.run(`/review reject id:${ids.sweida}`);
    const attached = await queue.run(`/review attach id:${ids.baku} entry:${BAKU_ENTRY}`);

    expect(approved.tone).toBe('success');
    // Decided, not refused: neither is an error either.
    for (const view of [rejected, attached]) expect(view.tone).not.toMatch(/^(success|error)$/);
    expect(new Set([approved.tone, rejected.tone, attached.tone]).size).toBe(3);
    expect([channelCard(ids.paris), channelCard(ids.sweida), channelCard(ids.baku)].map((view) => view.tone)).toEqual([approved.tone, rejected.tone, attached.tone]);
    expect((await queue.run(`/review show id:${ids.sweida}`, READER)).tone).toBe(rejected.tone);
  });

  it('THEN each card links its article as “Read on Levant Wire”, the address as the link’s target, before and after a decision', async () => {
    const link = (view: View) => view.facts!.find((fact) => fact.label === 'Link')!.value;
    expect(link(channelCard(ids.baku))).toEqual([{ text: 'Read on Levant Wire', href: BAKU.link }]);
    await queue.run(`/review approve id:${ids.baku}`);
    expect(link(channelCard(ids.baku))).toEqual([{ text: 'Read on Levant Wire', href: BAKU.link }]);
    expect(viewText(channelCard(ids.baku))).toMatch(/Link +Read on Levant Wire <https:\/\/levant\.example\/2025\/07\/18\/baku-talks>\n/);
  });
});
