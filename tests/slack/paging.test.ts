// GIVEN a result with more to see, WHEN its owner presses Previous/Next (a signed block_actions
// payload), THEN the message is replaced in place; anyone else is turned away politely.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { EXPIRED, NOT_YOURS } from '../../src/adapters/slack/action-handlers.js';
import { MAX_SECTION_TEXT } from '../../src/adapters/slack/limits.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { button, buttonsOf, SECRET, shownText, startHarness, textsOf, type Harness } from './harness.js';

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
async function partsInMemory(): Promise<Record<string, unknown>> {
  const id = addLongEntry('A long entry an admin edits');
  const answer = await h.command(`/entry edit id:${id} confidence:confirmed`, { userId: ADMIN });
  expect(shownText(answer)).toContain(`Updated #${id}`);
  return answer;
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

it('Next page replaces the message with the next page of the query, run for the presser', async () => {
  const first = await h.command('/timeline limit:3');
  const run = vi.spyOn(h.app.dispatcher, 'run');
  const second = await h.press(button(first, 'sitrep_nav_page_next'));
  expect(second.replace_original).toBe(true);
  expect(textsOf(second)[0]).toBe('Timeline');
  const total = /Showing 1–3 of (\d+) entries/.exec(shownText(first))![1];
  expect(shownText(second)).toContain(`Showing 4–6 of ${total} entries.`);
  expect(shownText(second)).toContain(`Page 2 of ${Math.ceil(Number(total) / 3)}`);
  expect(buttonsOf(second).map((b) => b.text.text)).toEqual(['« Previous page', 'Next page »']);
  expect(run).toHaveBeenCalledWith(
    expect.objectContaining({ command: 'timeline', args: { limit: 3, page: 2 }, caller: expect.objectContaining({ platform: 'slack', userId: 'U0ALICE' }) }),
  );
  const back = await h.press(button(second, 'sitrep_nav_page_previous'));
  expect(shownText(back)).toContain(`Showing 1–3 of ${total} entries.`);
});

it('keeps the filters when paging', async () => {
  const first = await h.command('/timeline actor:"Ron Dermer" since:2025-07 limit:1');
  expect(buttonsOf(first)).toEqual([]); // one entry: nothing to page
  const israel = await h.command('/timeline actor:Israel since:2025 limit:2');
  const next = await h.press(button(israel, 'sitrep_nav_page_next'));
  expect(textsOf(next)[0]).toBe('Timeline — actor Israel, since 2025');
});

it('another user pressing the button is refused privately and nothing runs', async () => {
  const first = await h.command('/timeline limit:3 --public');
  const run = vi.spyOn(h.app.dispatcher, 'run');
  const answer = await h.press(button(first, 'sitrep_nav_page_next'), 'U0MALLORY');
  expect(answer).toEqual({ response_type: 'ephemeral', replace_original: false, text: NOT_YOURS });
  expect(run).not.toHaveBeenCalled();
});

it('a page that no longer exists shows the last page in place and says so', async () => {
  const value = JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: { limit: 10, page: 99 } } });
  const answer = await h.press({ type: 'button', action_id: 'sitrep_nav_page_next', text: { type: 'plain_text', text: 'Next page »' }, value });
  expect(answer.replace_original).toBe(true);
  const total = Number(/of (\d+) entries/.exec(shownText(answer))![1]);
  const last = Math.ceil(total / 10);
  expect(shownText(answer)).toContain(pageGoneNote(99, last));
  expect(shownText(answer)).toContain(`Page ${last} of ${last}`);
  expect(buttonsOf(answer).map((b) => b.text.text)).toEqual(['« Previous page']);
});

it('a page that fails for another reason is reported privately without replacing the result', async () => {
  const value = JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: { actor: 'Nobody Atall' } } });
  const answer = await h.press({ type: 'button', action_id: 'sitrep_nav_page_next', text: { type: 'plain_text', text: 'Next page »' }, value });
  expect(answer.response_type).toBe('ephemeral');
  expect(answer.replace_original).toBe(false);
  expect(textsOf(answer)[0]).toMatch(/^⚠️/);
});

it('a result too long for one message is split into parts with Next/Previous part, all text kept', async () => {
  const first = await h.command(`/entry show ${longEntryId}`);
  expect(textsOf(first)[0]).toBe(`#${longEntryId} A very long entry`);
  const parts = [first];
  while (buttonsOf(parts.at(-1)!).some((b) => b.action_id === 'sitrep_nav_part_next')) {
    const next = await h.press(button(parts.at(-1)!, 'sitrep_nav_part_next'));
    expect(next.replace_original).toBe(true);
    parts.push(next);
  }
  expect(parts.length).toBeGreaterThan(1);
  expect(shownText(first)).toContain(`Part 1 of ${parts.length}`);
  const sections = parts.flatMap((p) => textsOf(p)).filter((t) => t.includes('Sentence'));
  for (const text of sections) expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
  const shown = sections.join('').replace(/^\*Summary\*\n/, '');
  const read = shown.replace(/\u00AD/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2217/g, '*');
  expect(read.length).toBe(LONG_SUMMARY.length);
  expect(read === LONG_SUMMARY).toBe(true);
  expect(shownText(parts.at(-1)!)).toContain('1 revision');
  const back = await h.press(button(parts[1]!, 'sitrep_nav_part_previous'));
  expect(back.blocks).toEqual(first.blocks);
});

it('parts that live in memory (an admin’s answer) are forgotten after 30 minutes; pressing then explains what to do', async () => {
  const first = await partsInMemory();
  expect(shownText(await h.press(button(first, 'sitrep_nav_part_next'), ADMIN))).toContain('Part 2 of');
  clock += 31 * 60 * 1000;
  const answer = await h.press(button(first, 'sitrep_nav_part_next'), ADMIN);
  expect(answer).toEqual({ response_type: 'ephemeral', replace_original: false, text: EXPIRED });
});

it('a part button drawn before a restart (its parts gone from memory) says why, not just “30 minutes”', async () => {
  const first = await partsInMemory();
  const next = button(first, 'sitrep_nav_part_next');
  // What the button carries after the process restarted: a key no store holds any more.
  const stale = { ...next, value: JSON.stringify({ ...JSON.parse(next.value!), s: '0123456789abcdef' }) };
  const answer = await h.press(stale, ADMIN);
  expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(answer.text).toContain('a restart of Sitrep clears them');
  expect(answer.text).toContain('Run the command again');
});

it('a button press redelivered with the same trigger id is handled once', async () => {
  const first = await h.command('/timeline limit:3');
  const next = button(first, 'sitrep_nav_page_next');
  const run = vi.spyOn(h.app.dispatcher, 'run');
  const body = blockActionsBody({ actionId: next.action_id!, value: next.value!, responseUrl: h.slack.responseUrl('press-twice'), triggerId: 'press-trigger' });
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  await h.slack.responses.atLeast(1, (r) => r.id === 'press-twice');
  await h.command('/help'); // a full round trip after both deliveries
  expect(run).toHaveBeenCalledTimes(1);
  expect(h.slack.responses.items.filter((r) => r.id === 'press-twice')).toHaveLength(1);
});
