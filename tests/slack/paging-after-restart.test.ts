// GIVEN a long answer split into parts on Slack, WHEN Sitrep restarts (or the buttons sit for
// more than 30 minutes) and its owner presses Next/Previous part, THEN the part is shown in place,
// because the button names the read-only command to run again and the part to show. Results
// that shrank since show their last page or part and say so; forged or garbled buttons get a
// short private answer and run nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROKEN_BUTTON, NOT_YOURS } from '../../src/adapters/slack/action-handlers.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import { partGoneNote } from '../../src/adapters/slack/paging.js';
import type { EntryInput } from '../../src/core/domain.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { button, buttonsOf, SECRET, shownText, startHarness, textsOf, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let clockOffset = 0;
let h: Harness;
const stamp = () => ({ by: 'test', at: new Date().toISOString() });
const LONG_SUMMARY = Array.from({ length: 900 }, (_, i) => `Sentence ${i} says <&> about *Golan* & more.`).join(' ');

function entry(topic: string, title: string, summary: string, day = 1): EntryInput {
  return {
    topic, title, summary, eventType: 'talks', start: { year: 2021, month: 1, day },
    confidence: 'confirmed', places: [], actors: [], sources: [], tags: [],
  };
}

const addLongEntry = (title: string) => h.app.services.editor.addEntry(entry('long', title, LONG_SUMMARY), stamp());
const partLabel = (body: Record<string, unknown>) => /Part \d+ of \d+/.exec(shownText(body))?.[0];
type Body = Record<string, unknown>;

/** Presses a navigation button carrying a value of our choosing. */
function pressValue(value: string, userId = 'U0ALICE'): Promise<Body> {
  return h.press({ type: 'button', action_id: 'sitrep_nav_part_next', text: { type: 'plain_text', text: 'Next part ›' }, value }, userId);
}

beforeAll(async () => {
  h = await startHarness({ now: () => Date.now() + clockOffset, admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('after a restart', () => {
  it('Next part on an answer from before the restart shows part 2 in place, and Previous part comes back', async () => {
    const id = addLongEntry('Parts across restarts');
    const first = await h.command(`/entry show ${id}`);
    expect(partLabel(first)).toMatch(/^Part 1 of [3-9]$/);
    const count = partLabel(first)!.split(' of ')[1];
    await h.restart();
    const second = await h.press(button(first, 'sitrep_nav_part_next'));
    expect(second.replace_original).toBe(true);
    expect(textsOf(second)[0]).toBe(`#${id} Parts across restarts`);
    expect(partLabel(second)).toBe(`Part 2 of ${count}`);
    await h.restart();
    const back = await h.press(button(second, 'sitrep_nav_part_previous'));
    expect(back.blocks).toEqual(first.blocks);
  });

  it('part buttons keep working after 30 quiet minutes', async () => {
    const id = addLongEntry('Parts after a long pause');
    const first = await h.command(`/entry show ${id}`);
    clockOffset += 31 * 60 * 1000;
    const second = await h.press(button(first, 'sitrep_nav_part_next'));
    expect(second.replace_original).toBe(true);
    expect(partLabel(second)).toMatch(/^Part 2 of /);
  });

  it('only the person who ran the command can still page, and nothing runs for anyone else', async () => {
    const id = addLongEntry('Parts for their owner');
    const first = await h.command(`/entry show ${id}`);
    await h.restart();
    const run = vi.spyOn(h.app.dispatcher, 'run');
    const refused = await h.press(button(first, 'sitrep_nav_part_next'), 'U0MALLORY');
    expect(refused).toEqual({ response_type: 'ephemeral', replace_original: false, text: NOT_YOURS });
    expect(run).not.toHaveBeenCalled();
  });

  it('a part press redelivered with the same trigger id is handled once', async () => {
    const id = addLongEntry('Parts pressed twice');
    const first = await h.command(`/entry show ${id}`);
    await h.restart();
    const next = button(first, 'sitrep_nav_part_next');
    const run = vi.spyOn(h.app.dispatcher, 'run');
    const body = blockActionsBody({ actionId: next.action_id!, value: next.value!, responseUrl: h.slack.responseUrl('part-twice'), triggerId: 'part-trigger' });
    expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
    expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
    await h.slack.responses.atLeast(1, (r) => r.id === 'part-twice');
    await h.command('/help'); // a full round trip after both deliveries
    expect(run).toHaveBeenCalledTimes(1);
    expect(h.slack.responses.items.filter((r) => r.id === 'part-twice')).toHaveLength(1);
  });
});

describe('when the results changed since the buttons were drawn', () => {
  it('Next page to a page that no longer exists shows the last page in place and says so', async () => {
    const ids = Array.from({ length: 9 }, (_, i) => h.app.services.editor.addEntry(entry('shrinking', `Entry ${i}`, 'x', i + 1), stamp()));
    const first = await h.command('/timeline topic:shrinking limit:3');
    const second = await h.press(button(first, 'sitrep_nav_page_next'));
    expect(shownText(second)).toContain('Page 2 of 3');
    for (const id of ids.slice(0, 5)) h.app.services.editor.removeEntry(id, 'test', stamp());
    await h.restart();
    const third = await h.press(button(second, 'sitrep_nav_page_next'));
    expect(third.replace_original).toBe(true);
    expect(shownText(third)).toContain('Showing 4 of 4 entries.');
    expect(shownText(third)).toContain(pageGoneNote(3, 2));
    expect(buttonsOf(third).map((b) => b.text.text)).toEqual(['« Previous page']);
  });

  it('Next part past the end of an answer that got shorter shows its last part and says so', async () => {
    const id = addLongEntry('An entry about to be shortened');
    const first = await h.command(`/entry show ${id}`);
    const second = await h.press(button(first, 'sitrep_nav_part_next'));
    h.app.services.editor.editEntry(id, { ...h.app.services.editor.entryState(id), summary: 'Now short.' }, stamp());
    await h.restart();
    const third = await h.press(button(second, 'sitrep_nav_part_next'));
    expect(third.replace_original).toBe(true);
    expect(shownText(third)).toContain('Now short.');
    expect(shownText(third)).toContain(partGoneNote(3, 1));
    expect(buttonsOf(third)).toEqual([]);
  });
});

describe('forged or garbled buttons', () => {
  it('a garbled value gets a short private answer and nothing runs', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'run');
    const runText = vi.spyOn(h.app.dispatcher, 'runText');
    for (const forged of [
      'not json',
      '[]',
      JSON.stringify({ o: 'U0ALICE' }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: {} }, s: '0123456789abcdef', i: 1 }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'Timeline!', args: {} } }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: { page: { $gt: 1 } } } }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: {} }, i: -1 }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: {} }, i: 1.5 }),
      JSON.stringify({ o: 'U0ALICE', q: { command: 'timeline', args: {}, extra: 1 } }),
      JSON.stringify({ o: 'U0ALICE', s: '../etc', i: 0 }),
    ]) {
      const answer = await pressValue(forged);
      expect(answer, forged).toEqual({ response_type: 'ephemeral', replace_original: false, text: BROKEN_BUTTON });
    }
    expect(run).not.toHaveBeenCalled();
    expect(runText).not.toHaveBeenCalled();
  });

  it('never runs an admin command, even for an admin', async () => {
    const id = h.app.services.editor.addEntry(entry('kept', 'Kept entry', 'x'), stamp());
    const run = vi.spyOn(h.app.dispatcher, 'run');
    const forged = JSON.stringify({ o: ADMIN, q: { command: 'entry', subcommand: 'remove', args: { id, reason: 'forged' } }, i: 1 });
    const answer = await pressValue(forged, ADMIN);
    expect(answer).toEqual({ response_type: 'ephemeral', replace_original: false, text: BROKEN_BUTTON });
    expect(run).not.toHaveBeenCalled();
    const shown = await h.command(`/entry show ${id}`);
    expect(textsOf(shown)[0]).toBe(`#${id} Kept entry`);
    expect(shownText(shown)).not.toMatch(/removed/i);
  });

  it('a command that does not exist is refused the same way', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'run');
    const answer = await pressValue(JSON.stringify({ o: 'U0ALICE', q: { command: 'weather', args: {} } }));
    expect(answer).toEqual({ response_type: 'ephemeral', replace_original: false, text: BROKEN_BUTTON });
    expect(run).not.toHaveBeenCalled();
  });

  it('a forged option is refused by the dispatcher as any typed one would be, privately', async () => {
    // Written by hand: an object literal would take `__proto__` as its prototype, not a key.
    const answer = await pressValue('{"o":"U0ALICE","q":{"command":"timeline","args":{"__proto__":"x","page":2}}}');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(textsOf(answer)[0]).toBe('⚠️ Cannot do that');
  });
});
