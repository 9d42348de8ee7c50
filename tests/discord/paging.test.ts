// GIVEN results longer than one page, WHEN the user presses Previous/Next, THEN the message is
// updated in place; nobody else can page, stale and expired buttons do no harm.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRED_TEXT, NOT_YOURS_TEXT } from '../../src/core/interaction/texts.js';
import { addHugeEntry, addLongEntries, HUGE_SUMMARY, type BigEntry } from './support/big-content.js';
import { buttons, labelled, startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
let clockOffset = 0;
let huge: BigEntry;
/** 60 characters, the most a topic may have: a timeline filtered by it cannot fit a custom_id. */
const LONG_TOPIC = 'a-topic-whose-name-is-too-long-for-a-page-button-to-carry-it';
beforeAll(async () => {
  h = await startHarness({ adapter: { now: () => Date.now() + clockOffset } });
  huge = addHugeEntry(h.app);
  addLongEntries(h.app, 'long-titles', 30);
  addLongEntries(h.app, LONG_TOPIC, 6);
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const embed = (answer: Answer) => answer.body.embeds![0]!;
const states = (answer: Answer) => buttons(answer.body).map((b) => `${b.label}${b.disabled ? ' (off)' : ''}`);
const seed = { topic: 'syria-israel' };

describe('pages of results', () => {
  it('Next fetches the next page of results and updates the message; Previous comes back', async () => {
    const first = await h.slash('timeline', seed);
    const second = await h.press(first, 'Next page');
    expect(second.callbackType).toBe(7);
    expect(embed(second).description).toBe('Showing 11 to 17 of 17 entries.');
    expect(embed(second).footer?.text).toBe('Details: /entry show ID · Page 2 of 2');
    expect(states(second)).toEqual(['Previous page (1 of 2)', 'Next page (off)']);
    expect(second.message?.embeds).toEqual(second.body.embeds);

    const back = await h.press(second, 'Previous page');
    expect(embed(back).description).toBe('Showing 1 to 10 of 17 entries.');
    expect(states(back)).toEqual(['Previous page (off)', 'Next page (2 of 2)']);
  });

  it('someone else pressing the buttons is told privately and the message stays', async () => {
    const first = await h.slash('timeline', seed);
    const before = structuredClone(first.message);
    const refused = await h.press(first, 'Next page', h.other);
    expect(refused.callbackType).toBe(4);
    expect(refused.ephemeral).toBe(true);
    expect(embed(refused).title).toBe('Cannot use this button');
    expect(embed(refused).description).toBe(NOT_YOURS_TEXT);
    expect(h.fake.rest.messages.get(String(before?.id))).toEqual(before);
    expect(embed(await h.press(first, 'Next page')).description).toBe('Showing 11 to 17 of 17 entries.');
  });

  it('a second press of the same (stale) button does not skip a page', async () => {
    const first = await h.slash('timeline', { ...seed, limit: 3 });
    await h.press(first, 'Next page');
    const again = await h.press(first, 'Next page');
    expect(embed(again).description).toBe('Showing 4 to 6 of 17 entries.');
  });

  it('a second press of a stale button kept in memory (a query too long for it) does not skip a page', async () => {
    const first = await h.slash('timeline', { topic: LONG_TOPIC, limit: 2 });
    await h.press(first, 'Next page');
    const again = await h.press(first, 'Next page');
    expect(embed(again).description).toBe('Showing 3 to 4 of 6 entries.');
  });

  it('buttons of a query too long to be named in them expire after 30 quiet minutes', async () => {
    // Shorter queries are named in the buttons themselves and never expire (paging-after-restart.test.ts).
    const first = await h.slash('timeline', { topic: LONG_TOPIC, limit: 2 });
    clockOffset += 31 * 60 * 1000;
    const expired = await h.press(first, 'Next page');
    expect(expired.ephemeral).toBe(true);
    expect(embed(expired).description).toBe(EXPIRED_TEXT);
    expect(EXPIRED_TEXT).toContain('30 minutes');
  });

  it('buttons kept in memory count their 30 minutes from their last use', async () => {
    const first = await h.slash('timeline', { topic: LONG_TOPIC, limit: 2 });
    clockOffset += 20 * 60 * 1000;
    expect(embed(await h.press(first, 'Next page')).description).toBe('Showing 3 to 4 of 6 entries.');
    clockOffset += 20 * 60 * 1000;
    expect(embed(await h.press(first, 'Next page')).description).toBe('Showing 3 to 4 of 6 entries.');
    clockOffset += 31 * 60 * 1000;
    expect(embed(await h.press(first, 'Next page')).description).toBe(EXPIRED_TEXT);
  });
});

describe('content too long for one embed', () => {
  it('a maximal entry is split over parts, and paging through shows every character', async () => {
    let answer = await h.slash('entry', { id: huge.id }, { subcommand: 'show' });
    const seen = [answer];
    while (buttons(answer.body).some((b) => labelled(b.label, 'Next part') && !b.disabled)) {
      answer = await h.press(answer, 'Next part');
      seen.push(answer);
    }
    expect(seen.length).toBeGreaterThan(2);
    // The buttons count the parts as the footer does.
    expect(embed(seen[0]!).footer?.text).toMatch(new RegExp(`^1 revision .* · Part 1 of ${seen.length}$`));
    expect(states(seen[0]!)).toEqual(['Previous part (off)', `Next part (2 of ${seen.length})`]);
    expect(states(seen.at(-1)!)).toEqual([`Previous part (${seen.length - 1} of ${seen.length})`, 'Next part (off)']);
    const raw = seen.flatMap((a) => [embed(a).description ?? '', ...(embed(a).fields ?? []).flatMap((f) => [f.name, f.value])]).join('\n');
    expect(raw).not.toMatch(/@(everyone|here)|<@\d/);
    const text = visibleText(raw);
    expect(words(text)).toContain(words(HUGE_SUMMARY));
    for (const name of huge.actorNames) expect(text).toContain(`${name} — participant`);
    for (const [i, outlet] of huge.outlets.entries()) expect(text).toContain(`${outlet}](https://example.org/story/${i}?q=%28a%29)`);
  });

  it('paging walks through the parts of one page of results, then fetches the next page', async () => {
    const first = await h.slash('timeline', { topic: 'long-titles', limit: 25 });
    const footers = [embed(first).footer?.text];
    const pressed: string[] = [];
    let answer = first;
    while (!footers.at(-1)!.startsWith('Details: /entry show ID · Page 2 of 2')) {
      const next = buttons(answer.body).find((b) => b.label.startsWith('Next '))!;
      pressed.push(next.label);
      answer = await h.press(answer, next.label);
      footers.push(embed(answer).footer?.text);
    }
    expect(footers[0]).toBe('Details: /entry show ID · Page 1 of 2 · part 1 of 3');
    expect(footers.slice(1, -1)).toEqual(['Details: /entry show ID · Page 1 of 2 · part 2 of 3', 'Details: /entry show ID · Page 1 of 2 · part 3 of 3']);
    // Each Next says where it leads: the parts of this page, then the next page.
    expect(pressed).toEqual(['Next part (2 of 3)', 'Next part (3 of 3)', 'Next page (2 of 2)']);
    expect(embed(answer).description).toBe('Showing 26 to 30 of 30 entries.');
    // Back from page 2, the button names the page it returns to, and lands on its last part.
    expect(states(answer)).toEqual(['Previous page (1 of 2)', 'Next page (off)']);
    const back = await h.press(answer, 'Previous page');
    expect(embed(back).footer?.text).toBe('Details: /entry show ID · Page 1 of 2 · part 3 of 3');
    expect(states(back)).toEqual(['Previous part (2 of 3)', 'Next page (2 of 2)']);
  });
});
