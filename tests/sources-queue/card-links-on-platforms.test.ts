// GIVEN a candidate's card posted in the review channel by the real Discord and Slack adapters
// WHEN its article's link reaches the platform THEN it reads "Read on Levant Wire" and leads to the
// article (`[…](address)` on Discord, `<address|…>` on Slack), not the address spelled out as its
// own label. On Discord, an approved card is green, and a rejected or an attached one is each of
// another colour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import { buttons, startHarness, type Embed, type Harness, type MessageBody } from '../discord/support/harness.js';
import { shownText } from '../slack/harness.js';
import { cardIn, REVIEW_CHANNEL, startReviewRig, type ReviewRig } from '../slack/review-rig.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

/** Discord's green, for an embed in the success tone. */
const GREEN = 0x57f287;
const DISCORD_LINK = `[Read on Levant Wire](${BAKU.link})`;
const SLACK_LINK = `<${BAKU.link}|Read on Levant Wire>`;

describe('GIVEN the review channel on Discord', () => {
  const adminRole = snowflake();
  let feeds: ScriptedFeeds;
  let dir: string;
  let app: App;
  let h: Harness;

  beforeAll(async () => {
    feeds = await ScriptedFeeds.start();
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    dir = mkdtempSync(join(tmpdir(), 'sitrep-card-links-'));
    copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
    app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`discord-role:${adminRole}`), logger: recordingLogger(), now: () => new Date(NOW), sourcesAllowPrivate: true });
    h = await startHarness({ dispatcher: () => app.dispatcher, userRoles: [adminRole] });
    app.digests.posters.register(h.adapter.poster);
    await h.slash('review', {}, { subcommand: 'channel' });
    await h.slash('sources', { url: feeds.url('/levant.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });
  });
  afterAll(async () => {
    await h?.close();
    app?.close();
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The card for `title` as the review channel holds it now. */
  function card(title: string): Record<string, unknown> & MessageBody & { id: string } {
    const found = [...h.fake.rest.messages.values()].find(
      (m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
    );
    if (!found) throw new Error(`no card for ${title} in the review channel`);
    return structuredClone(found) as Record<string, unknown> & MessageBody & { id: string };
  }
  const press = (message: Record<string, unknown> & MessageBody, label: string) =>
    h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, buttons(message).find((b) => b.label.startsWith(label))!.custom_id, message));
  const linkField = (message: MessageBody) => message.embeds![0]!.fields!.find((field) => field.name === 'Link')?.value;

  it('WHEN the card is posted THEN its Link reads “Read on Levant Wire”, linked to the article', () => {
    expect(linkField(card(BAKU.title))).toBe(DISCORD_LINK);
  });

  it('WHEN one card is approved, one rejected and one attached THEN each is of its own colour, only the approved one green, and each keeps its link in words', async () => {
    await press(card(BAKU.title), 'Approve');
    await press(card(SWEIDA.title), 'Reject');
    await h.slash('review', { id: 1, entry: 12 }, { subcommand: 'attach' });
    // The approved card is titled as its entry was recorded, the attached one as the entry it joined.
    const approved = card(BAKU.title);
    const rejected = card(SWEIDA.title);
    const attached = card('Syrian and Israeli officials meet in Baku');
    expect(approved.embeds![0]!.color).toBe(GREEN);
    expect(rejected.embeds![0]!.color).not.toBe(GREEN);
    expect(attached.embeds![0]!.color).not.toBe(GREEN);
    expect(new Set([approved, rejected, attached].map((message) => message.embeds![0]!.color)).size).toBe(3);
    expect(linkField(approved)).toBe(DISCORD_LINK);
    expect(linkField(attached)).toBe(`[Read on Levant Wire](${PARIS.link})`);
  });
});

describe('GIVEN the review channel on Slack', () => {
  let rig: ReviewRig;

  beforeAll(async () => {
    rig = await startReviewRig({ admin: 'U0ADMIN', name: 'card-links' });
    rig.feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
    await rig.command('/review channel');
    await rig.command(`/sources add url:${rig.feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await rig.command('/sources check id:1');
  });
  afterAll(() => rig?.close());

  it('WHEN the card is posted, then approved THEN its Link reads “Read on Levant Wire”, linked to the article, both times', async () => {
    const posted = cardIn(rig.slack, REVIEW_CHANNEL, BAKU.title);
    const text = shownText(posted as unknown as Record<string, unknown>);
    expect(text).toContain(SLACK_LINK);
    expect(text).not.toContain(`<${BAKU.link}|${BAKU.link}>`);

    await rig.command('/review approve id:1');
    const [update] = await rig.slack.calls.atLeast(1, (c) => c.method === 'chat.update' && c.args.ts === posted.ts);
    expect(shownText(update!.args)).toContain(SLACK_LINK);
  });
});
