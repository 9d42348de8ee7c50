// GIVEN three candidates carded in the review channel on Discord THEN each card's buttons name the
// candidate they act on (Approve #2, not Approve), so a screen reader tabbing through the channel,
// or an admin after a scroll, tells whose button it is from its label; /review show draws the same
// buttons. WHEN an admin presses Approve #2 THEN candidate #2 alone is approved.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { BAKU, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { buttons, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const adminRole = snowflake();
let store: ReviewStore;
let h: Harness;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'card-button-labels', adminRole, items: [PARIS, SWEIDA, BAKU] }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const channel = () => h.fake.guild.channelId;
const shownText = (body: MessageBody) =>
  visibleText((body.embeds ?? []).flatMap((e: Embed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']).join('\n'));
const labels = (body: MessageBody) => buttons(body).map((b) => b.label);
const labelsFor = (id: number) => [`Approve #${id}`, `Edit #${id}`, `Reject #${id}`, `Attach #${id} to entry`];

/** The card for `title` as the review channel holds it now (a copy). */
function card(title: string): Record<string, unknown> & MessageBody & { id: string } {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === channel() && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
  );
  if (!found) throw new Error(`no card for ${title} in the review channel`);
  return structuredClone(found) as Record<string, unknown> & MessageBody & { id: string };
}

function press(message: Record<string, unknown> & MessageBody, label: string): Promise<Answer> {
  const button = buttons(message).find((b) => b.label === label);
  if (!button) throw new Error(`no ${label} button on ${JSON.stringify(message.components)}`);
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, button.custom_id, message));
}

describe('GIVEN three candidates carded in the review channel', () => {
  it("THEN each card's Approve, Edit, Reject and Attach buttons name its own candidate", () => {
    for (const [story, id] of [[PARIS, 1], [SWEIDA, 2], [BAKU, 3]] as const) {
      const posted = card(story.title);
      expect(shownText(posted)).toContain(`Candidate #${id} · syria-israel · waiting for review`);
      expect(labels(posted)).toEqual(labelsFor(id));
    }
  });

  it('WHEN an admin runs /review show id:2 THEN the card in the reply carries the buttons of candidate #2', async () => {
    const shown = await h.slash('review', { id: 2 }, { subcommand: 'show' });
    expect(shownText(shown.body)).toContain(SWEIDA.title);
    expect(labels(shown.body)).toEqual(labelsFor(2));
  });

  it('WHEN an admin presses Approve #2 THEN candidate #2 becomes the entry, and candidates #1 and #3 still wait with their own buttons', async () => {
    const pending = card(SWEIDA.title);
    const approved = await press(pending, 'Approve #2');
    const said = shownText(approved.body);
    expect(said).toContain('Candidate #2 · syria-israel · approved');
    const entryId = Number(/Approved: added as entry #(\d+)\./.exec(said)![1]);
    const entry = await h.slash('entry', { id: entryId }, { subcommand: 'show' });
    expect(shownText(entry.body)).toContain(SWEIDA.title);

    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${pending.id}`);
    expect(labels(card(SWEIDA.title))).toEqual([]);
    expect(labels(card(PARIS.title))).toEqual(labelsFor(1));
    expect(labels(card(BAKU.title))).toEqual(labelsFor(3));
    const waiting = shownText((await h.slash('review', {}, { subcommand: 'list' })).body);
    expect(waiting).toContain(PARIS.title);
    expect(waiting).toContain(BAKU.title);
    expect(waiting).not.toContain(SWEIDA.title);
  });
});
