// GIVEN discord.js against the fake Discord and 12 candidates waiting WHEN an admin asks /review
// clear and presses its Reject 12 button THEN the answer takes the place of the private question
// (an update of that ephemeral message, its button gone), and nothing is posted for others; a
// typed confirm:true answers the admin alone too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { buttons, type Answer, type Embed, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const EPHEMERAL = 64;
const UPDATE_MESSAGE = 7;
const CROSSINGS = Array.from({ length: 12 }, (_, i) => `Zel${String.fromCharCode(97 + i)}ovka`);
const adminRole = snowflake();
let store: ReviewStore;
let h: Harness;

beforeAll(async () => {
  const items = CROSSINGS.map((place, i) => ({ guid: `levant-${place}`, title: `Convoy turned back at the ${place} border crossing`, link: `https://levant.example/${place}`, published: `2025-07-${14 + (i % 4)}T08:00:00Z` }));
  ({ store, h } = await openDiscordReviewDesk({ name: 'clear-in-place', adminRole, items }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});

const waiting = () => store.app.db.prepare("SELECT count(*) FROM review_candidates WHERE status = 'pending'").pluck().get() as number;
const embedText = (answer: Answer) => answer.body.embeds!.map((embed: Embed) => visibleText([embed.title, embed.description].join('\n'))).join('\n');
/** Messages Discord holds (channel posts, replies, follow-ups), by id. */
const messageIds = () => [...h.fake.rest.messages.keys()];

describe('GIVEN a /review clear confirmation on Discord', () => {
  it('WHEN its Reject 12 button is pressed THEN the ephemeral question is updated in place to the rejection, its button gone, and no new message appears', async () => {
    const asked = await h.slash('review', { before: '2025-07-19', reason: 'stale backlog' }, { subcommand: 'clear' });
    expect(asked.ephemeral).toBe(true);
    expect(buttons(asked.body).map((b) => b.label)).toContain('Reject 12');
    const before = messageIds();

    const pressed = await h.press(asked, 'Reject 12');
    expect(pressed.callbackType).toBe(UPDATE_MESSAGE);
    expect(embedText(pressed)).toMatch(/^Rejected 12 candidates/);
    expect(embedText(pressed)).toContain('stale backlog');
    expect(buttons(pressed.body)).toEqual([]);
    // The very message that asked, still the admin's alone, now without its button.
    expect(pressed.message!.id).toBe(asked.message!.id);
    expect(Number(pressed.message!.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(pressed.message!.components).toEqual([]);
    expect(messageIds()).toEqual(before);
    expect(waiting()).toBe(0);
    expect(problemsIn(h.fake.requests)).toEqual([]);
  });

  it('WHEN the clear is typed with confirm:true THEN its answer is for the admin alone (ephemeral)', async () => {
    await h.slash('review', { ids: '1-200' }, { subcommand: 'reopen' });
    expect(waiting()).toBe(12);

    const typed = await h.slash('review', { before: '2025-07-19', confirm: true }, { subcommand: 'clear' });
    expect(embedText(typed)).toMatch(/^Rejected 12 candidates/);
    expect(typed.ephemeral).toBe(true);
    expect(waiting()).toBe(0);
  });
});
