// GIVEN a result with more to see, WHEN its owner presses Previous/Next (a signed block_actions
// payload), THEN the message is replaced in place; anyone else is turned away politely.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { MAX_SECTION_TEXT } from '../../src/adapters/slack/limits.js';
import { NEXT_LABEL, NEXT_PART_LABEL, NOT_YOURS_TEXT, PARTS_EXPIRED_TEXT, PREVIOUS_LABEL, PREVIOUS_PART_LABEL } from '../../src/core/interaction/texts.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { button, buttonsOf, labelsOf, SECRET, shownText, startHarness, textsOf, type Harness } from './harness.js';
import { REFUSAL_TITLE } from '../support/view-text.js';

let clock = Date.now();
let h: Harness;
let longEntryId: number;
const ADMIN = 'U0ADMIN';
// Sentences with characters that expand when escaped, so splitting is tested where it is hardest.
const LONG_SUMMARY = Array.from({ length: 900 }, (_, i) => `Sentence ${i} says <&> about *Golan* & more.`).join(' ');

/** An entry too long for one Slack message; its answer comes in parts. */
function addLongEntry(title: string): number {
  return h.app.services.editor.addEntry(
    {
      topic: 'syria-israel',
      title,
      summary: LONG_SUMMARY,
      eventType: 'statement',
      start: { year: 2025, month: 7, day: 30 },
      confidence: 'reported',
      places: ['Paris'],
      actors: [],
      sources: [],
      tags: [],
    },
    { by: 'test', at: new Date().toISOString() },
  );
}

/**
 * An admin's answer that comes in parts (an edit shows the whole entry): a command that writes
 * is never run again by a button, so its parts can only wait in memory.
 */
async function partsInMemory(): Promise<{ answer: Record<string, unknown>; id: number }> {
  const id = addLongEntry('A long entry an admin edits');
  const answer = await h.command(`/entry edit id:${id} confidence:confirmed`, { userId: ADMIN });
  expect(shownText(answer)).toContain(`Updated #${id}`);
  return { answer, id };
}

beforeAll(async () => {
  h = await startHarness({ now: () => clock, admins: `slack:${ADMIN}` });
  longEntryId = addLongEntry('A very long entry');
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A private note for the presser that leaves the message as it is. */
function expectNotice(answer: Record<string, unknown>, text: string): void {
  expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(shownText(answer)).toContain(text);
}

/** A button of ours carrying `value`, as a forged or stale one would. */
const carrying = (value: string) => ({ type: 'button' as const, action_id: 'sitrep_button_0', text: { type: 'plain_text' as const, text: NEXT_LABEL }, value });

it('Next replaces the message with the next page of the query, run for the presser', async () => {
  const first = await h.command('/timeline limit:3');
  const run = vi.spyOn(h.app.dispatcher, 'dispatch');
  const second = await h.press(button(first, NEXT_LABEL));
  expect(second.replace_original).toBe(true);
  expect(textsOf(second)[0]).toBe('Timeline');
  const total = /Showing 1 to 3 of (\d+) entries/.exec(shownText(first))![1];
  expect(shownText(second)).toContain(`Showing 4 to 6 of ${total} entries.`);
  const pages = Math.ceil(Number(total) / 3);
  expect(shownText(second)).toContain(`Page 2 of ${pages}`);
  // Each button says the page it leads to, counted as the line under the answer counts them.
  expect(labelsOf(second)).toEqual([`Previous page (1 of ${pages})`, `Next page (3 of ${pages})`]);
  expect(run).toHaveBeenCalledWith(
    expect.objectContaining({ command: 'timeline', args: { limit: 3, page: 2 }, caller: expect.objectContaining({ platform: 'slack', userId: 'U0ALICE' }) }),
  );
  const back = await h.press(button(second, PREVIOUS_LABEL));
  expect(shownText(back)).toContain(`Showing 1 to 3 of ${total} entries.`);
});

it('keeps the filters when paging', async () => {
  const first = await h.command('/timeline actor:"Ron Dermer" since:2025-07 limit:1');
  expect(buttonsOf(first)).toEqual([]); // one entry: nothing to page
  const israel = await h.command('/timeline actor:Israel since:2025 limit:2');
  const next = await h.press(button(israel, NEXT_LABEL));
  expect(textsOf(next)[0]).toBe('Timeline — actor Israel, since 2025');
});

it('another user pressing the button is refused privately and nothing runs', async () => {
  const first = await h.command('/timeline limit:3 --public');
  const run = vi.spyOn(h.app.dispatcher, 'dispatch');
  const answer = await h.press(button(first, NEXT_LABEL), 'U0MALLORY');
  expectNotice(answer, NOT_YOURS_TEXT);
  expect(run).not.toHaveBeenCalled();
});

it('a page that no longer exists shows the last page in place and says so', async () => {
  const answer = await h.press(carrying('s1:r:c:U0ALICE:::timeline:limit#10&page#99'));
  expect(answer.replace_original).toBe(true);
  const total = Number(/of (\d+) entries/.exec(shownText(answer))![1]);
  const last = Math.ceil(total / 10);
  expect(shownText(answer)).toContain(pageGoneNote(99, last));
  expect(shownText(answer)).toContain(`Page ${last} of ${last}`);
  expect(labelsOf(answer)).toEqual([`Previous page (${last - 1} of ${last})`]);
});

it('a page that fails for another reason is reported privately without replacing the result', async () => {
  const answer = await h.press(carrying('s1:r:c:U0ALICE:::timeline:actor=Nobody Atall'));
  expect(answer.response_type).toBe('ephemeral');
  expect(answer.replace_original).toBe(false);
  expect(textsOf(answer)[0]).toMatch(REFUSAL_TITLE);
});

it('a result too long for one message is split into parts with Next/Previous, all text kept', async () => {
  const first = await h.command(`/entry show ${longEntryId}`);
  expect(textsOf(first)[0]).toBe(`#${longEntryId} A very long entry`);
  const parts = [first];
  while (labelsOf(parts.at(-1)!).some((label) => label.startsWith(NEXT_PART_LABEL))) {
    const next = await h.press(button(parts.at(-1)!, NEXT_PART_LABEL));
    expect(next.replace_original).toBe(true);
    parts.push(next);
  }
  expect(parts.length).toBeGreaterThan(1);
  expect(shownText(first)).toContain(`Part 1 of ${parts.length}`);
  expect(labelsOf(first)).toEqual([`Next part (2 of ${parts.length})`]);
  const sections = parts.flatMap((p) => textsOf(p)).filter((t) => t.includes('Sentence'));
  for (const text of sections) expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
  const shown = sections.join('').replace(/^\*Summary\*\n/, '');
  const read = shown.replace(/\u00AD/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2217/g, '*');
  expect(read.length).toBe(LONG_SUMMARY.length);
  expect(read === LONG_SUMMARY).toBe(true);
  expect(shownText(parts.at(-1)!)).toContain('1 revision');
  expect(labelsOf(parts.at(-1)!)).toEqual([`Previous part (${parts.length - 1} of ${parts.length})`]);
  const back = await h.press(button(parts[1]!, PREVIOUS_PART_LABEL));
  expect(back.blocks).toEqual(first.blocks);
});

it('parts that live in memory (an admin’s answer) are forgotten after 30 minutes; pressing then says how to see the result, not to repeat the edit', async () => {
  const { answer: first, id } = await partsInMemory();
  expect(shownText(await h.press(button(first, NEXT_PART_LABEL), ADMIN))).toContain('Part 2 of');
  clock += 31 * 60 * 1000;
  const expired = await h.press(button(first, NEXT_PART_LABEL), ADMIN);
  expectNotice(expired, PARTS_EXPIRED_TEXT);
  expect(shownText(expired)).toContain(`See the result as it is now: \`/entry show id:${id}\``);
  expect(shownText(expired)).not.toContain('Run the command again');
});

it('a part button drawn before a restart (its parts gone from memory) says why, not just “30 minutes”', async () => {
  const { answer: first, id } = await partsInMemory();
  const carrier = button(first, NEXT_PART_LABEL).value!;
  expect(carrier).toMatch(new RegExp(`^s1:p:[A-Za-z0-9_-]+:entry\\.show:id=${id}$`));
  // What the button carries after the process restarted: a key the memory holds no more.
  const answer = await h.press(carrying(carrier.replace(/^s1:p:[A-Za-z0-9_-]+:/, 's1:p:0123456789abcdef:')), ADMIN);
  expectNotice(answer, 'a restart of Sitrep clears them');
  expect(shownText(answer)).toContain(`/entry show id:${id}`);
  expect(shownText(answer)).not.toContain('Run the command again');
});

it('a button press redelivered with the same trigger id is handled once', async () => {
  const first = await h.command('/timeline limit:3');
  const next = button(first, NEXT_LABEL);
  const run = vi.spyOn(h.app.dispatcher, 'dispatch');
  const body = blockActionsBody({ actionId: next.action_id!, value: next.value!, responseUrl: h.slack.responseUrl('press-twice'), triggerId: 'press-trigger' });
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  await h.slack.responses.atLeast(1, (r) => r.id === 'press-twice');
  await h.command('/help'); // a full round trip after both deliveries
  expect(run.mock.calls.filter(([request]) => request.requestId === 'press-trigger')).toHaveLength(1);
  expect(h.slack.responses.items.filter((r) => r.id === 'press-twice')).toHaveLength(1);
});
