// GIVEN a paged reply on Discord, WHEN the bot restarts (or the buttons sit idle longer than
// what is kept in memory lasts) and the user presses Previous/Next, THEN the page is shown in
// place, because the button names its page itself; only a query too long for a button falls back
// to memory and says it expired. Forged or garbled buttons get a short private answer and run
// nothing else.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeInline } from '../../src/core/interaction/carrier.js';
import { NOT_ON_MESSAGE_TEXT } from '../../src/core/interaction/pressed-on.js';
import { BROKEN_BUTTON_TEXT, EXPIRED_TEXT, NOTHING_THERE_TEXT, NOT_YOURS_TEXT, partGoneNote, UNKNOWN_BUTTON_TEXT } from '../../src/core/interaction/texts.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import type { Invocation } from '../../src/core/view.js';
import type { EntryInput } from '../../src/core/domain.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import { addHugeEntry, addLongEntries, type BigEntry } from './support/big-content.js';
import { buttons, startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
let clockOffset = 0;
let huge: BigEntry;
/** The user who runs the commands is an admin: a forged button must not gain them anything either. */
const adminRole = snowflake();

/** 60 characters, the most a topic may have: a timeline filtered by it cannot fit a custom_id. */
const LONG_TOPIC = 'a-topic-whose-name-is-too-long-for-a-page-button-to-carry-it';

beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole], adapter: { now: () => Date.now() + clockOffset } });
  huge = addHugeEntry(h.app);
  addLongEntries(h.app, LONG_TOPIC, 6);
  addLongEntries(h.app, 'long-titles', 30);
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
const stamp = () => ({ by: 'test', at: new Date().toISOString() });

function addEntries(topic: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const input: EntryInput = {
      topic, title: `Entry ${i}`, summary: 'x', eventType: 'talks', start: { year: 2021, month: 1, day: 1 + i },
      confidence: 'confirmed', places: [], actors: [], sources: [], tags: [],
    };
    return h.app.services.editor.addEntry(input, stamp());
  });
}

/** The custom_id Sitrep writes for a button that runs `invocation` for the harness user. */
const carrier = (invocation: Invocation) => encodeInline({ action: { kind: 'run', invocation }, audience: 'caller', owner: h.user.id }, 100)!;

/** Presses a button with a custom_id of our choosing on a message the bot sent. */
function pressId(answer: Answer, customId: string, who = h.user): Promise<Answer> {
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, who, customId, answer.message!));
}

describe('after a restart', () => {
  it('Next on a reply from before the restart shows page 2 in place, and Previous comes back', async () => {
    const first = await h.slash('timeline', seed);
    await h.restart();
    const second = await h.press(first, 'Next page');
    expect(second.callbackType).toBe(7);
    expect(second.ephemeral).toBe(false);
    expect(second.message?.id).toBe(first.message?.id);
    expect(embed(second).description).toBe('Showing 11 to 17 of 17 entries.');
    expect(embed(second).footer?.text).toBe('Details: /entry show ID · Page 2 of 2');
    expect(states(second)).toEqual(['Previous page (1 of 2)', 'Next page (off)']);

    await h.restart();
    const back = await h.press(second, 'Previous page');
    expect(embed(back).description).toBe('Showing 1 to 10 of 17 entries.');
    expect(states(back)).toEqual(['Previous page (off)', 'Next page (2 of 2)']);
  });

  it('only the person who ran the command can still page', async () => {
    const first = await h.slash('timeline', seed);
    const before = structuredClone(first.message);
    await h.restart();
    const refused = await h.press(first, 'Next page', h.other);
    expect(refused.ephemeral).toBe(true);
    expect(embed(refused).description).toBe(NOT_YOURS_TEXT);
    expect(h.fake.rest.messages.get(String(before?.id))).toEqual(before);
  });

  it('the parts of one long answer still turn, both ways', async () => {
    const first = await h.slash('entry', { id: huge.id }, { subcommand: 'show' });
    const second = await h.press(first, 'Next part');
    await h.restart();
    const third = await h.press(second, 'Next part');
    expect(embed(third).footer?.text).toMatch(/ · Part 3 of \d+$/);
    await h.restart();
    const back = await h.press(third, 'Previous part');
    expect(embed(back).footer?.text).toBe(embed(second).footer?.text);
    expect(back.body.embeds).toEqual(second.body.embeds);
  });

  it('Previous from the first part of page 2 lands on the last part of page 1', async () => {
    const first = await h.slash('timeline', { topic: 'long-titles', limit: 25 });
    let answer = first;
    while (!embed(answer).footer?.text?.startsWith('Details: /entry show ID · Page 2 of 2')) answer = await h.press(answer, buttons(answer.body).find((b) => b.label.startsWith('Next '))!.label);
    await h.restart();
    const back = await h.press(answer, 'Previous page');
    expect(embed(back).footer?.text).toBe('Details: /entry show ID · Page 1 of 2 · part 3 of 3');
  });

  it('buttons that name their page keep working after 30 quiet minutes', async () => {
    const first = await h.slash('timeline', seed);
    clockOffset += 31 * 60 * 1000;
    const second = await h.press(first, 'Next page');
    expect(second.callbackType).toBe(7);
    expect(embed(second).description).toBe('Showing 11 to 17 of 17 entries.');
  });

  it('a query too long for a button pages from memory until a restart, then says why it stopped', async () => {
    const first = await h.slash('timeline', { topic: LONG_TOPIC, limit: 2 });
    expect(buttons(first.body).every((b) => b.custom_id.length <= 100)).toBe(true);
    const second = await h.press(first, 'Next page');
    expect(embed(second).description).toBe('Showing 3 to 4 of 6 entries.');
    await h.restart();
    const expired = await h.press(second, 'Next page');
    expect(expired.ephemeral).toBe(true);
    expect(embed(expired).description).toBe(EXPIRED_TEXT);
    expect(EXPIRED_TEXT).toMatch(/restart/);
  });
});

describe('when the results changed since the buttons were drawn', () => {
  it('Next to a page that no longer exists shows the last page and says so', async () => {
    const ids = addEntries('shrinking', 9);
    const first = await h.slash('timeline', { topic: 'shrinking', limit: 3 });
    const second = await h.press(first, 'Next page');
    expect(embed(second).footer?.text).toBe('Details: /entry show ID · Page 2 of 3');
    for (const id of ids.slice(0, 5)) h.app.services.editor.removeEntry(id, 'test', stamp());
    await h.restart();
    const third = await h.press(second, 'Next page');
    expect(third.callbackType).toBe(7);
    expect(third.ephemeral).toBe(false);
    expect(visibleText(embed(third).description!)).toBe(`Showing 4 of 4 entries.\n${pageGoneNote(3, 2)}`);
    expect(states(third)).toEqual(['Previous page (1 of 2)', 'Next page (off)']);
  });

  it('Next to a part that no longer exists shows the last part and says so', async () => {
    const shrinking = addHugeEntry(h.app, 'shrinking-entry');
    const first = await h.slash('entry', { id: shrinking.id }, { subcommand: 'show' });
    const second = await h.press(first, 'Next part');
    h.app.services.editor.editEntry(shrinking.id, { summary: 'Short now.', sources: [] }, stamp());
    await h.restart();
    const shown = await h.press(second, 'Next part');
    expect(shown.callbackType).toBe(7);
    const fields = embed(shown).fields ?? [];
    expect(visibleText(fields.at(-1)!.value)).toBe(partGoneNote(3, 1));
    expect(states(shown)).toEqual([]);
  });

  it('a button pressed twice quickly shows the page once, without skipping one', async () => {
    const first = await h.slash('timeline', { ...seed, limit: 3 });
    await h.restart();
    const [a, b] = await Promise.all([h.press(first, 'Next page'), h.press(first, 'Next page')]);
    expect(embed(a).description).toBe('Showing 4 to 6 of 17 entries.');
    expect(embed(b).description).toBe('Showing 4 to 6 of 17 entries.');
    expect((h.fake.rest.messages.get(String(first.message?.id)) as { embeds: unknown[] }).embeds).toEqual(a.body.embeds);
  });
});

describe('forged or garbled buttons', () => {
  it('a garbled page button gets a short private answer and the message stays', async () => {
    const first = await h.slash('timeline', seed);
    const before = structuredClone(first.message);
    const page2 = carrier({ command: 'timeline', args: { topic: 'syria-israel', page: 2 } });
    for (const forged of [page2.replace('page#2', 'page#x'), page2.replace('syria-israel', '%zz'), page2.replace('page#2', 'page#2&page#3'), 's9:whatever', 's1:m:!!']) {
      const answer = await pressId(first, forged);
      expect(answer.ephemeral).toBe(true);
      expect(embed(answer).title).toBe('Cannot use this button');
      expect(embed(answer).description).toBe(BROKEN_BUTTON_TEXT);
    }
    expect(h.fake.rest.messages.get(String(before?.id))).toEqual(before);
  });

  it('a disabled button, pressed anyway, says there is nothing that way', async () => {
    const first = await h.slash('timeline', seed);
    const off = buttons(first.body).find((b) => b.disabled)!;
    const answer = await pressId(first, off.custom_id);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toBe(NOTHING_THERE_TEXT);
  });

  it('never runs an admin command, even for an admin', async () => {
    const [id] = addEntries('kept', 1);
    const first = await h.slash('timeline', seed);
    const answer = await pressId(first, carrier({ command: 'entry', subcommand: 'remove', args: { id: id!, reason: 'forged' } }));
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toBe(BROKEN_BUTTON_TEXT);
    const shown = await h.slash('entry', { id: id! }, { subcommand: 'show' });
    expect(embed(shown).title).toContain('Entry 0');
    expect(embed(shown).title).not.toMatch(/removed/i);
  });

  it('a forged option is refused by the dispatcher as any typed one would be', async () => {
    const first = await h.slash('timeline', seed);
    const forged = carrier({ command: 'timeline', args: { page: 2 } }).replace('page#2', '__proto__=x&page#2');
    // As if the message carried the forged button: the dispatcher's own check is what answers.
    const nextId = buttons(first.message!).find((b) => b.label.startsWith('Next page'))!.custom_id;
    const message = JSON.parse(JSON.stringify(first.message).replace(JSON.stringify(nextId), JSON.stringify(forged))) as typeof first.message;
    const answer = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, forged, message!));
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Cannot do that');
    // Pressed on the message as Sitrep drew it, the forged button is not there.
    const offMessage = await pressId(first, forged);
    expect(offMessage.ephemeral).toBe(true);
    expect(embed(offMessage).description).toBe(NOT_ON_MESSAGE_TEXT);
  });

  it('a button no handler knows is answered privately, as are buttons of the earlier encoding', async () => {
    const first = await h.slash('timeline', seed);
    for (const customId of ['something-else', `pg1:${h.user.id}:1:timeline:`, 'sitrep:pg:abc:1:n', 'sitrep:form:abc:reopen']) {
      const answer = await pressId(first, customId);
      expect(answer.ephemeral).toBe(true);
      expect(embed(answer).description).toBe(UNKNOWN_BUTTON_TEXT);
    }
  });
});
