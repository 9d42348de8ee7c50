// GIVEN a candidate's card on Discord, as one admin still sees it after another decided it: WHEN
// they press Edit or Attach to entry THEN they are told at the press, as Approve and Reject tell
// them, with the card as it stands, and no form opens. WHEN an Edit form opened before the
// approval is submitted with changes THEN nothing is written, what was typed is given back, and
// the reply names the /entry edit that makes the changes on the entry it became.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CLOSED_SUBJECT_TEXT } from '../../src/core/interaction/texts.js';
import { buttonPress, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { BAKU, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { buttons, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const adminRole = snowflake();
const second: FakeUser = { id: snowflake(), username: 'second-admin', roles: [adminRole] };
let store: ReviewStore;
let h: Harness;
const app = () => store.app;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'decided-forms', adminRole, items: [PARIS, SWEIDA, BAKU] }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const entryCount = () => app().db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
const seen = (answer: Answer) =>
  visibleText((answer.body.embeds ?? []).flatMap((e: Embed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']).join('\n'));

/** The card for `title` as the review channel holds it now (a copy: later edits leave it as it was). */
function card(title: string): Record<string, unknown> & MessageBody {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
  );
  if (!found) throw new Error(`no card for ${title} in the review channel`);
  return structuredClone(found) as Record<string, unknown> & MessageBody;
}

function press(message: Record<string, unknown> & MessageBody, label: string, who: FakeUser = h.user): Promise<Answer> {
  const button = buttons(message).find((b) => b.label === label);
  if (!button) throw new Error(`no ${label} button on ${JSON.stringify(message.components)}`);
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, who, button.custom_id, message));
}

describe('GIVEN a card another admin approved after it was drawn', () => {
  it('WHEN Edit or Attach to entry is pressed on it THEN the press is answered at once with the card as it stands, and no form opens', async () => {
    const stale = card(SWEIDA.title);
    const approved = await press(stale, 'Approve #2', second);
    const entryId = Number(/→ entry #(\d+)/.exec(seen(approved))![1]);
    const before = storeFingerprint(app().db);
    for (const label of ['Edit #2', 'Attach #2 to entry']) {
      const answer = await press(stale, label);
      expect(answer.callbackType, label).toBe(4);
      expect(answer.modal).toBeUndefined();
      expect(answer.ephemeral).toBe(true);
      const said = seen(answer);
      expect(said).toContain(FORM_CLOSED_SUBJECT_TEXT);
      expect(said).toContain(`Approved by ${second.username} (Discord)`);
      expect(said).toContain(`→ entry #${entryId}`);
      expect(buttons(answer.body)).toEqual([]);
    }
    expect(storeFingerprint(app().db)).toBe(before);
  });

  it('WHEN a card another admin rejected is pressed Edit THEN likewise no form opens', async () => {
    const stale = card(BAKU.title);
    await press(stale, 'Reject #3', second);
    const answer = await press(stale, 'Edit #3');
    expect(answer.callbackType).toBe(4);
    expect(seen(answer)).toContain(`Rejected by ${second.username} (Discord)`);
  });

  it('WHEN an Edit form opened before the approval is submitted with changes THEN nothing is written, the typing comes back, and /entry edit is named', async () => {
    const pending = card(PARIS.title);
    const opened = await press(pending, 'Edit #1');
    expect(opened.callbackType).toBe(9);
    const approved = await press(pending, 'Approve #1', second);
    const entryId = Number(/→ entry #(\d+)/.exec(seen(approved))![1]);
    const values = Object.fromEntries(opened.modal!.components.map((c) => [c.component.custom_id, c.component.value ?? '']));
    const typedTitle = 'Paris talks: a headline typed while someone else approved';
    const before = { fingerprint: storeFingerprint(app().db), entries: entryCount() };
    const late = await h.submit(opened.modal!.custom_id, { ...values, title: typedTitle });
    expect(late.ephemeral).toBe(true);
    const said = seen(late);
    expect(said).toContain(`Candidate #`);
    expect(said).toContain(`was approved as entry #${entryId} by ${second.username} (Discord)`);
    expect(said).toContain(`Make them on the entry instead: /entry edit id:${entryId}`);
    expect(words(said)).toContain(words(`Title ${typedTitle}`));
    expect(entryCount()).toBe(before.entries);
    expect(storeFingerprint(app().db)).toBe(before.fingerprint);
  });
});
