// GIVEN a public review card on Discord WHEN someone presses it with a custom_id the card has no
// button for (one naming a read-only command anyone may run) THEN they alone are told the button
// is not on the message, and the card keeps its text and its buttons; a press of a button the card
// has still works.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ON_MESSAGE_TEXT } from '../../src/core/interaction/pressed-on.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { BAKU, PARIS } from '../sources-queue/support/stories.js';
import { buttons, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

/** A button for anyone that shows the review queue: a custom_id Sitrep could draw, but never on a card. */
const FORGED = 's1:r:a::::review.list:';
/** PARIS's card: candidate #1. */
const CARD_BUTTONS = ['Approve #1', 'Edit #1', 'Reject #1', 'Attach #1 to entry'];

const adminRole = snowflake();
let store: ReviewStore;
let h: Harness;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'forged-press', adminRole, items: [PARIS, BAKU] }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const seen = (body: MessageBody) => visibleText((body.embeds ?? []).flatMap((e: Embed) => [e.title ?? '', e.description ?? '']).join('\n'));

/** The card for `title` as the review channel holds it now (a copy). */
function card(title: string): Record<string, unknown> & MessageBody & { id: string } {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
  );
  if (!found) throw new Error(`no card for ${title} in the review channel`);
  return structuredClone(found) as Record<string, unknown> & MessageBody & { id: string };
}

describe('GIVEN a review card in the review channel', () => {
  it('WHEN someone who is not an admin presses it with a custom_id the card has no button for THEN they alone are refused and the card stays as it was', async () => {
    const before = card(PARIS.title);
    const answer: Answer = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.other, FORGED, before));
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(seen(answer.body)).toContain(NOT_ON_MESSAGE_TEXT);
    expect(seen(answer.body)).not.toContain('Review queue');
    expect(h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${before.id}`))).toEqual([]);
    const after = card(PARIS.title);
    expect(buttons(after).map((b) => b.label)).toEqual(CARD_BUTTONS);
    expect(after.embeds).toEqual(before.embeds);
  });

  it('WHEN an admin presses Approve on the card THEN it is decided and updated in place, as before', async () => {
    const pending = card(BAKU.title);
    const approve = buttons(pending).find((b) => b.label === 'Approve #2')!;
    const approved = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, approve.custom_id, pending));
    expect(approved.callbackType).toBe(7);
    expect(seen(approved.body)).toMatch(/Approved: added as entry #\d+\./);
    expect(buttons(approved.body)).toEqual([]);
  });
});
