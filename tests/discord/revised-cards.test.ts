// GIVEN candidates' cards in a Discord review channel WHEN the feed revises an item THEN the next
// check draws the pending candidate's card again in place (the new headline, summary and toll,
// the buttons kept, nothing posted anew), and a decided candidate's card keeps its decision.
// Another outlet's reports joining the story are listed on the card in one edit a few minutes
// after the first of them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { buttons, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const adminRole = snowflake();
let feeds: ScriptedFeeds;
let store: ReviewStore;
let app: App;
let h: Harness;
let clock = new Date(NOW);

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'revised-cards', adminRole, items: [SWEIDA, BAKU], now: () => clock }));
  ({ feeds, app } = store);
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const channel = () => h.fake.guild.channelId;
const embedText = (embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n'));
const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel()}/messages`);
const cardEdits = (id: string) => h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${id}`);

/** The review channel's card whose text holds `words`. */
function card(words: string): MessageBody & { id: string } {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === channel() && m.interaction_metadata === undefined && embedText((m.embeds as Embed[])[0]!).includes(words),
  );
  if (!found) throw new Error(`no card holding ${words} in the review channel`);
  return structuredClone(found) as unknown as MessageBody & { id: string };
}

describe('GIVEN two pending cards in the review channel', () => {
  it('WHEN the feed revises one item, and another after its candidate was rejected THEN the pending card is drawn again in place and the rejected one keeps its decision', async () => {
    const baku = card(BAKU.title);
    const sweida = card(SWEIDA.title);
    const sweidaId = Number(/Candidate #(\d+)/.exec(embedText(sweida.embeds![0]!))![1]);
    await h.slash('review', { id: sweidaId, reason: 'covered' }, { subcommand: 'reject' });
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${sweida.id}`);
    const posts = channelPosts().length;
    const sweidaEdits = cardEdits(sweida.id).length;

    const bakuRevised = { ...BAKU, title: 'Syria and Israel hold second round of talks in Baku', summary: 'Syrian and Israeli officials met again in Baku, two diplomats said.' };
    feeds.serve('/levant.xml', 'Levant Wire', [{ ...SWEIDA, title: 'Ceasefire in Sweida holds' }, bakuRevised]);
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });

    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${baku.id}`);
    expect(edit.status).toBe(200);
    const redrawn = card(bakuRevised.title);
    expect(redrawn.id).toBe(baku.id);
    const text = embedText(redrawn.embeds![0]!);
    expect(text).toContain('Revised by its feed at 2025-07-20 12:00 UTC');
    expect(text).toContain('met again in Baku');
    expect(text).not.toContain(BAKU.title);
    expect(buttons(redrawn).map((b) => b.label)).toEqual(['Approve #2', 'Edit #2', 'Reject #2', 'Attach #2 to entry']);
    expect(channelPosts()).toHaveLength(posts);
    // The rejected candidate's card is not drawn again: it still says who rejected it.
    expect(cardEdits(sweida.id)).toHaveLength(sweidaEdits);
    expect(embedText(card(SWEIDA.title).embeds![0]!)).toContain('Rejected by');

    // Other outlets' reports of the story: listed on the card in one edit, five minutes after the first joined.
    const report = { ...BAKU_ELSEWHERE, title: 'Syria and Israel hold second round of talks in Baku, officials say' };
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [report]);
    await h.slash('sources', { url: feeds.url('/med.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
    const joinEdits = cardEdits(baku.id).length;
    const joined = await h.slash('sources', { id: 2 }, { subcommand: 'check' });
    expect(embedText(joined.body.embeds![0]!)).toContain('same story → candidate #');
    const second = { ...BAKU_ELSEWHERE, guid: 'gulf-baku-2', link: 'https://gulf.example/baku-talks', title: 'Syria, Israel hold second round of Baku talks, sources say' };
    feeds.serve('/gulf.xml', 'Gulf Courier', [second]);
    await h.slash('sources', { url: feeds.url('/gulf.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
    clock = new Date(clock.getTime() + 4 * 60_000);
    expect(embedText((await h.slash('sources', { id: 3 }, { subcommand: 'check' })).body.embeds![0]!)).toContain('same story → candidate #');
    expect(cardEdits(baku.id)).toHaveLength(joinEdits);
    clock = new Date(clock.getTime() + 60_000);
    await app.services.review.postPending();
    expect(cardEdits(baku.id)).toHaveLength(joinEdits + 1);
    const listed = embedText(card(bakuRevised.title).embeds![0]!);
    expect(listed).toContain(report.title);
    expect(listed).toContain(second.title);
    await app.services.review.postPending();
    expect(cardEdits(baku.id)).toHaveLength(joinEdits + 1);
    const reworded = 'Israel and Syria hold a second round of talks in Baku, diplomats say';
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [{ ...report, title: reworded }]);
    const storyEdit = cardEdits(baku.id).length;
    await h.slash('sources', { id: 2 }, { subcommand: 'check' });
    expect(cardEdits(baku.id).length).toBeGreaterThan(storyEdit);
    expect(embedText(card(bakuRevised.title).embeds![0]!)).toContain(reworded);
    expect(channelPosts()).toHaveLength(posts);

    // Checked again with nothing revised since (the check's reply comes after its card pass), the card is not edited again.
    const edits = cardEdits(baku.id).length;
    feeds.serve('/levant.xml', 'Levant Wire', [bakuRevised, { ...SWEIDA, title: 'Ceasefire in Sweida holds' }]);
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });
    expect(cardEdits(baku.id)).toHaveLength(edits);
  });

  it('WHEN the feed revises an item after its candidate was approved THEN the review channel is told which entry cites it, and the entry is left as it was', async () => {
    const bakuId = Number(/Candidate #(\d+)/.exec(embedText(card('second round of talks in Baku').embeds![0]!))![1]);
    const approved = await h.slash('review', { id: bakuId }, { subcommand: 'approve' });
    const entryId = Number(/entry #(\d+)/.exec(embedText(approved.body.embeds![0]!))![1]);
    const entry = await h.slash('entry', { id: entryId }, { subcommand: 'show' });
    const posts = channelPosts().length;

    const corrected = 'Syria and Israel hold second round of talks in Baku under US mediation';
    feeds.serve('/levant.xml', 'Levant Wire', [{ ...BAKU, title: corrected }, { ...SWEIDA, title: 'Ceasefire in Sweida holds after a week' }]);
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });

    const notice = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channel()}/messages` && JSON.stringify(r.body).includes('revised an item an entry cites'));
    const text = embedText((notice.body as MessageBody).embeds![0]!);
    expect(text).toContain(`Entry #${entryId}: ${corrected}`);
    expect(text).toContain('(was: Syria and Israel hold second round of talks in Baku)');
    expect(text).toContain(`/entry show id:${entryId}`);
    // One notice: the rejected candidate's revised item tells nobody.
    expect(channelPosts()).toHaveLength(posts + 1);
    expect((await h.slash('entry', { id: entryId }, { subcommand: 'show' })).body).toEqual(entry.body);
  });
});
