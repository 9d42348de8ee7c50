// GIVEN a long answer split into parts on Slack, WHEN Sitrep restarts (or the buttons sit for
// more than 30 minutes) and its owner presses Next/Previous part, THEN the part is shown in place,
// because the button names the read-only command to run again and the part to show. Results
// that shrank since show their last page or part and say so; forged or garbled buttons get a
// short private answer and run nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROKEN_BUTTON_TEXT, NEXT_LABEL, NEXT_PART_LABEL, NOT_YOURS_TEXT, PREVIOUS_PART_LABEL, UNKNOWN_BUTTON_TEXT, partGoneNote } from '../../src/core/interaction/texts.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import type { EntryInput } from '../../src/core/domain.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { button, buttonsOf, labelsOf, SECRET, shownText, startHarness, textsOf, type Harness } from './harness.js';

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

/** Presses a button of ours carrying a value of our choosing. */
function pressValue(value: string, userId = 'U0ALICE'): Promise<Body> {
  return h.press({ type: 'button', action_id: 'sitrep_button_0', text: { type: 'plain_text', text: NEXT_LABEL }, value }, userId);
}

/** A private note for the presser alone, leaving the message as it is. */
function expectNotice(answer: Body, text: string, where?: string): void {
  expect(answer, where).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(shownText(answer), where).toContain(text);
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
  it('Next on an answer from before the restart shows part 2 in place, and Previous comes back', async () => {
    const id = addLongEntry('Parts across restarts');
    const first = await h.command(`/entry show ${id}`);
    expect(partLabel(first)).toMatch(/^Part 1 of [3-9]$/);
    const count = partLabel(first)!.split(' of ')[1];
    expect(labelsOf(first)).toEqual([`Next part (2 of ${count})`]);
    await h.restart();
    const second = await h.press(button(first, NEXT_PART_LABEL));
    expect(second.replace_original).toBe(true);
    expect(textsOf(second)[0]).toBe(`#${id} Parts across restarts`);
    expect(partLabel(second)).toBe(`Part 2 of ${count}`);
    await h.restart();
    expect(labelsOf(second)).toEqual([`Previous part (1 of ${count})`, `Next part (3 of ${count})`]);
    const back = await h.press(button(second, PREVIOUS_PART_LABEL));
    expect(back.blocks).toEqual(first.blocks);
  });

  it('part buttons keep working after 30 quiet minutes', async () => {
    const id = addLongEntry('Parts after a long pause');
    const first = await h.command(`/entry show ${id}`);
    clockOffset += 31 * 60 * 1000;
    const second = await h.press(button(first, NEXT_PART_LABEL));
    expect(second.replace_original).toBe(true);
    expect(partLabel(second)).toMatch(/^Part 2 of /);
  });

  it('only the person who ran the command can still page, and nothing runs for anyone else', async () => {
    const id = addLongEntry('Parts for their owner');
    const first = await h.command(`/entry show ${id}`);
    await h.restart();
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    expectNotice(await h.press(button(first, NEXT_PART_LABEL), 'U0MALLORY'), NOT_YOURS_TEXT);
    expect(run).not.toHaveBeenCalled();
  });

  it('a part press redelivered with the same trigger id is handled once', async () => {
    const id = addLongEntry('Parts pressed twice');
    const first = await h.command(`/entry show ${id}`);
    await h.restart();
    const next = button(first, NEXT_PART_LABEL);
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    const body = blockActionsBody({ actionId: next.action_id!, value: next.value!, responseUrl: h.slack.responseUrl('part-twice'), triggerId: 'part-trigger' });
    expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
    expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
    await h.slack.responses.atLeast(1, (r) => r.id === 'part-twice');
    await h.command('/help'); // a full round trip after both deliveries
    expect(run.mock.calls.filter(([request]) => request.requestId === 'part-trigger')).toHaveLength(1);
    expect(h.slack.responses.items.filter((r) => r.id === 'part-twice')).toHaveLength(1);
  });
});

describe('when the results changed since the buttons were drawn', () => {
  it('Next to a page that no longer exists shows the last page in place and says so', async () => {
    const ids = Array.from({ length: 9 }, (_, i) => h.app.services.editor.addEntry(entry('shrinking', `Entry ${i}`, 'x', i + 1), stamp()));
    const first = await h.command('/timeline topic:shrinking limit:3');
    const second = await h.press(button(first, NEXT_LABEL));
    expect(shownText(second)).toContain('Page 2 of 3');
    for (const id of ids.slice(0, 5)) h.app.services.editor.removeEntry(id, 'test', stamp());
    await h.restart();
    const third = await h.press(button(second, NEXT_LABEL));
    expect(third.replace_original).toBe(true);
    expect(shownText(third)).toContain('Showing 4 of 4 entries.');
    expect(shownText(third)).toContain(pageGoneNote(3, 2));
    expect(labelsOf(third)).toEqual(['Previous page (1 of 2)']);
  });

  it('Next past the end of an answer that got shorter shows its last part and says so', async () => {
    const id = addLongEntry('An entry about to be shortened');
    const first = await h.command(`/entry show ${id}`);
    const second = await h.press(button(first, NEXT_PART_LABEL));
    h.app.services.editor.editEntry(id, { ...h.app.services.editor.entryState(id), summary: 'Now short.' }, stamp());
    await h.restart();
    const third = await h.press(button(second, NEXT_PART_LABEL));
    expect(third.replace_original).toBe(true);
    expect(shownText(third)).toContain('Now short.');
    expect(shownText(third)).toContain(partGoneNote(3, 1));
    expect(buttonsOf(third)).toEqual([]);
  });
});

describe('forged or garbled buttons', () => {
  it('a garbled value gets a short private answer and nothing runs', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    const runText = vi.spyOn(h.app.dispatcher, 'dispatchText');
    for (const forged of [
      's1:',
      's1:r:c:U0ALICE',
      's1:x:c:U0ALICE:::timeline:',
      's1:r:c:U0ALICE:::Timeline!:',
      's1:r:c:U0ALICE:::timeline:page=%zz',
      's1:r:c:U0ALICE:-1::timeline:',
      's1:r:c:U0ALICE:1.5::timeline:',
      's1:r:c:U0ALICE:::timeline:page#2&page#3',
      's1:r:c:::timeline:',
      's1:r:a:U0ALICE:::timeline:',
      's1:f:c:U0ALICE:1::entry.edit:id#3',
      's1:m:../etc',
      's2:r:c:U0ALICE:::timeline:',
    ]) {
      expectNotice(await pressValue(forged), BROKEN_BUTTON_TEXT, forged);
    }
    // Not written by Sitrep at all (an older button's JSON, another app's value).
    for (const unknown of ['not json', '{"o":"U0ALICE","q":{"command":"timeline","args":{}}}']) {
      expectNotice(await pressValue(unknown), UNKNOWN_BUTTON_TEXT, unknown);
    }
    expect(run).not.toHaveBeenCalled();
    expect(runText).not.toHaveBeenCalled();
  });

  it('never runs an admin command, even for an admin', async () => {
    const id = h.app.services.editor.addEntry(entry('kept', 'Kept entry', 'x'), stamp());
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    expectNotice(await pressValue(`s1:r:c:${ADMIN}:1::entry.remove:id#${id}&reason=forged`, ADMIN), BROKEN_BUTTON_TEXT);
    expectNotice(await pressValue(`s1:r:d::::entry.remove:id#${id}&reason=forged`, ADMIN), BROKEN_BUTTON_TEXT);
    expect(run).not.toHaveBeenCalled();
    const shown = await h.command(`/entry show ${id}`);
    expect(textsOf(shown)[0]).toBe(`#${id} Kept entry`);
    expect(shownText(shown)).not.toMatch(/removed/i);
  });

  it('a command that does not exist is refused the same way', async () => {
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    expectNotice(await pressValue('s1:r:c:U0ALICE:::weather:'), BROKEN_BUTTON_TEXT);
    expect(run).not.toHaveBeenCalled();
  });

  it('a forged option is refused by the dispatcher as any typed one would be, privately', async () => {
    const answer = await pressValue('s1:r:c:U0ALICE:::timeline:__proto__=x&page#2');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(textsOf(answer)[0]).toBe('Cannot do that');
  });
});
