// GIVEN candidates' cards in a Discord review channel WHEN a decision's edit of the card fails
// for now (Discord answers 500) THEN a later card pass shows the decision, once; an edit Discord
// refuses for good (the card deleted) is not tried again; a decision made in a process that does
// not post to Discord (the console on the same store) is shown by the one that does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Caller } from '../../src/core/caller.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { recordingLogger } from '../support/test-app.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { openDiscordReviewDesk } from './support/review-desk.js';
import { buttons, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const adminRole = snowflake();
const MINUTE = 60_000;
let feeds: ScriptedFeeds;
let store: ReviewStore;
let app: App;
let h: Harness;
let clock = Date.parse(NOW);

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'decided-card-retries', adminRole, items: [SWEIDA, BAKU, PARIS], now: () => new Date(clock) }));
  ({ feeds, app } = store);
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});

const channel = () => h.fake.guild.channelId;
const embedText = (embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n'));
const cardEdits = (id: string) => h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${id}`);

/** The review channel's card whose text holds `words`, as it is now. */
function card(words: string): MessageBody & { id: string } {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === channel() && m.interaction_metadata === undefined && embedText((m.embeds as Embed[])[0]!).includes(words),
  );
  if (!found) throw new Error(`no card holding ${words} in the review channel`);
  return structuredClone(found) as unknown as MessageBody & { id: string };
}
const candidateId = (words: string) => Number(/Candidate #(\d+)/.exec(embedText(card(words).embeds![0]!))![1]);

describe('GIVEN two pending cards in the review channel', () => {
  it('WHEN the rejection\'s edit of a card meets a Discord outage THEN the next pass after the wait shows the decision, and no pass edits it again', async () => {
    const sweida = card(SWEIDA.title);
    // discord.js tries a failing request four times: the decision's one edit fails.
    h.fake.failChannel(channel(), { status: 500, body: { message: 'Internal Server Error', code: 0 }, times: 4 });
    const rejected = await h.slash('review', { id: candidateId(SWEIDA.title), reason: 'covered' }, { subcommand: 'reject' });
    expect(embedText(rejected.body.embeds![0]!)).toContain('Rejected');
    expect(cardEdits(sweida.id).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect(embedText(card(SWEIDA.title).embeds![0]!)).not.toContain('Rejected by');
    expect(buttons(card(SWEIDA.title)).map((b) => b.label)).toContain('Approve #1');

    // A pass at once waits (the platform is held); one a minute on shows the decision.
    await app.services.review.postPending();
    expect(cardEdits(sweida.id)).toHaveLength(4);
    clock += MINUTE;
    await app.services.review.postPending();
    expect(cardEdits(sweida.id).map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(embedText(card(SWEIDA.title).embeds![0]!)).toContain('Rejected by');
    expect(buttons(card(SWEIDA.title))).toEqual([]);

    clock += 10 * MINUTE;
    await app.services.review.postPending();
    expect(cardEdits(sweida.id)).toHaveLength(5);
  });

  it('WHEN the approval\'s edit is refused for good (the card was deleted) THEN it is not tried again', async () => {
    const baku = card(BAKU.title);
    h.fake.failChannel(channel(), { status: 404, body: { message: 'Unknown Message', code: 10008 }, times: 1 });
    const approved = await h.slash('review', { id: candidateId(BAKU.title) }, { subcommand: 'approve' });
    expect(embedText(approved.body.embeds![0]!)).toMatch(/entry #\d+/);
    expect(cardEdits(baku.id).map((r) => r.status)).toEqual([404]);
    for (let i = 0; i < 3; i++) {
      clock += 10 * MINUTE;
      await app.services.review.postPending();
    }
    expect(cardEdits(baku.id)).toHaveLength(1);
  });

  it('WHEN the console, beside the Discord bot on the same store, rejects a candidate THEN the bot\'s next pass shows the decision on its card', async () => {
    const paris = card(PARIS.title);
    const console_ = createApp({ dbPath: store.dbPath, admins: [], logger: recordingLogger(), now: () => new Date(clock), sourcesAllowPrivate: true });
    try {
      const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
      const rejected = await console_.dispatcher.runText(`/review reject id:${candidateId(PARIS.title)} reason:"off topic"`, operator);
      expect(rejected.tone).not.toBe('error');
    } finally {
      console_.close();
    }
    expect(cardEdits(paris.id)).toHaveLength(0);
    await app.services.review.postPending();
    expect(cardEdits(paris.id).map((r) => r.status)).toEqual([200]);
    expect(embedText(card(PARIS.title).embeds![0]!)).toContain('Rejected by');
  });
});
