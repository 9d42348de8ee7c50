// GIVEN a form a card's button opened on Discord (Edit, Attach to entry) WHEN it is submitted once
// Sitrep no longer holds it (a restart, or its 30 minutes) THEN the reply names the candidate and
// says to press the button again, on the card or on a fresh one from /review show, not to run a
// command nobody typed; what was typed is given back below, since Discord closed the form.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TYPED_TEXT } from '../../src/core/interaction/texts.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { PARIS } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { buttons, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const adminRole = snowflake();
let store: ReviewStore;
let h: Harness;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'button-form-expired', adminRole, items: [PARIS] }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const seen = (answer: Answer) =>
  visibleText((answer.body.embeds ?? []).flatMap((e: Embed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]).join('\n'));

function card(title: string): Record<string, unknown> & MessageBody {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
  );
  if (!found) throw new Error(`no card for ${title} in the review channel`);
  return structuredClone(found) as Record<string, unknown> & MessageBody;
}

function press(message: Record<string, unknown> & MessageBody, label: string): Promise<Answer> {
  const button = buttons(message).find((b) => b.label === label);
  if (!button) throw new Error(`no ${label} button on ${JSON.stringify(message.components)}`);
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, button.custom_id, message));
}

describe('GIVEN a form opened from a card’s button, then a restart', () => {
  it.each([
    ['Edit', 'Edit #1', 'Approve'],
    ['Attach to entry', 'Attach #1 to entry', 'Attach'],
  ])('WHEN the %s form is submitted THEN it names the candidate, says to press the button again, and gives back what was typed', async (_form, label, verb) => {
    const opened = await press(card(PARIS.title), label);
    expect(opened.callbackType).toBe(9);
    const modal = opened.modal!;
    const id = /#(\d+)/.exec(modal.title)![1]!;
    const field = modal.components[0]!.component.custom_id;
    await h.restart();
    const before = storeFingerprint(store.app.db);
    const answer = await h.submit(modal.custom_id, { [field]: 'Typed slowly, before the restart.' });
    expect(answer.ephemeral).toBe(true);
    const said = seen(answer);
    expect(said).toContain(`This form (${verb} candidate #${id}) is no longer open: forms last 30 minutes after their last use, and a restart of Sitrep clears them.`);
    expect(said).toContain(`Press the button that opened it again, on the card or on a fresh one from /review show id:${id}.`);
    expect(said).not.toContain('Run the command again');
    expect(said).toContain(FORM_TYPED_TEXT);
    expect(said).toContain('Typed slowly, before the restart.');
    expect(storeFingerprint(store.app.db)).toBe(before);
  });
});
