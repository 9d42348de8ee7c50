// GIVEN a paged reply on Discord, WHEN the bot restarts (or the buttons sit idle past the
// session expiry) and the user presses Previous/Next, THEN the page is shown in place, because
// the button names its page itself; only a query too long for a button falls back to memory
// and says it expired. Forged or garbled buttons get a short private answer and run nothing else.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { BROKEN_BUTTON_TEXT, EXPIRED_TEXT, NOTHING_THERE_TEXT, ONLY_OWNER_TEXT, UNKNOWN_BUTTON_TEXT } from '../../src/adapters/discord/page-buttons.js';
import { pageGoneNote } from '../../src/core/page-fetch.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import type { EntryInput } from '../../src/core/domain.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import { addHugeEntry, addLongEntries, type BigEntry } from './support/big-content.js';
import { buttons, startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
let clockOffset = 0;
let running: RunningAdapter;
let huge: BigEntry;
const adapterOptions = { now: () => Date.now() + clockOffset };
/** The user who runs the commands is an admin: a forged button must not gain them anything either. */
const adminRole = snowflake();

/** 60 characters, the most a topic may have: a timeline filtered by it cannot fit a custom_id. */
const LONG_TOPIC = 'a-topic-whose-name-is-too-long-for-a-page-button-to-carry-it';

beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole], adapter: adapterOptions });
  running = h.adapter;
  huge = addHugeEntry(h.app);
  addLongEntries(h.app, LONG_TOPIC, 6);
  addLongEntries(h.app, 'long-titles', 30);
});
afterAll(async () => {
  if (running !== h?.adapter) await running?.stop();
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

/** Stops the bot (its sessions go with it) and starts a new one on the same store and Discord. */
async function restartBot(): Promise<void> {
  await running.stop();
  await expect.poll(() => h.fake.gateway.connections).toBe(0);
  running = await startDiscordAdapter(
    { config: { token: h.fake.token, appId: h.fake.appId, apiUrl: h.fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.app.logger },
    adapterOptions,
  );
}

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

/** Presses a button with a custom_id of our choosing on a message the bot sent. */
function pressId(answer: Answer, customId: string, who = h.user): Promise<Answer> {
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, who, customId, answer.message!));
}

describe('after a restart', () => {
  it('Next on a reply from before the restart shows page 2 in place, and Previous comes back', async () => {
    const first = await h.slash('timeline', seed);
    await restartBot();
    const second = await h.press(first, 'Next ▶');
    expect(second.callbackType).toBe(7);
    expect(second.ephemeral).toBe(false);
    expect(second.message?.id).toBe(first.message?.id);
    expect(embed(second).description).toBe('Showing 11–17 of 17 entries.');
    expect(embed(second).footer?.text).toBe('Details: /entry show ID · Page 2 of 2');
    expect(states(second)).toEqual(['◀ Previous', 'Next ▶ (off)']);

    await restartBot();
    const back = await h.press(second, '◀ Previous');
    expect(embed(back).description).toBe('Showing 1–10 of 17 entries.');
    expect(states(back)).toEqual(['◀ Previous (off)', 'Next ▶']);
  });

  it('only the person who ran the command can still page', async () => {
    const first = await h.slash('timeline', seed);
    const before = structuredClone(first.message);
    await restartBot();
    const refused = await h.press(first, 'Next ▶', h.other);
    expect(refused.ephemeral).toBe(true);
    expect(embed(refused).description).toBe(ONLY_OWNER_TEXT);
    expect(h.fake.rest.messages.get(String(before?.id))).toEqual(before);
  });

  it('the parts of one long answer still turn, both ways', async () => {
    const first = await h.slash('entry', { id: huge.id }, { subcommand: 'show' });
    const second = await h.press(first, 'Next ▶');
    await restartBot();
    const third = await h.press(second, 'Next ▶');
    expect(embed(third).footer?.text).toMatch(/ · Page 3 of \d+$/);
    await restartBot();
    const back = await h.press(third, '◀ Previous');
    expect(embed(back).footer?.text).toBe(embed(second).footer?.text);
    expect(back.body.embeds).toEqual(second.body.embeds);
  });

  it('Previous from the first part of page 2 lands on the last part of page 1', async () => {
    const first = await h.slash('timeline', { topic: 'long-titles', limit: 25 });
    let answer = first;
    while (!embed(answer).footer?.text?.startsWith('Details: /entry show ID · Page 2 of 2')) answer = await h.press(answer, 'Next ▶');
    await restartBot();
    const back = await h.press(answer, '◀ Previous');
    expect(embed(back).footer?.text).toBe('Details: /entry show ID · Page 1 of 2 · part 3 of 3');
  });

  it('buttons that name their page keep working after 15 quiet minutes', async () => {
    const first = await h.slash('timeline', seed);
    clockOffset += 16 * 60 * 1000;
    const second = await h.press(first, 'Next ▶');
    expect(second.callbackType).toBe(7);
    expect(embed(second).description).toBe('Showing 11–17 of 17 entries.');
  });

  it('a query too long for a button pages from memory until a restart, then says why it stopped', async () => {
    const first = await h.slash('timeline', { topic: LONG_TOPIC, limit: 2 });
    expect(buttons(first.body).every((b) => b.custom_id.length <= 100)).toBe(true);
    const second = await h.press(first, 'Next ▶');
    expect(embed(second).description).toBe('Showing 3–4 of 6 entries.');
    await restartBot();
    const expired = await h.press(second, 'Next ▶');
    expect(expired.ephemeral).toBe(true);
    expect(embed(expired).description).toBe(EXPIRED_TEXT);
    expect(EXPIRED_TEXT).toMatch(/restart/);
  });
});

describe('when the results changed since the buttons were drawn', () => {
  it('Next to a page that no longer exists shows the last page and says so', async () => {
    const ids = addEntries('shrinking', 9);
    const first = await h.slash('timeline', { topic: 'shrinking', limit: 3 });
    const second = await h.press(first, 'Next ▶');
    expect(embed(second).footer?.text).toBe('Details: /entry show ID · Page 2 of 3');
    for (const id of ids.slice(0, 5)) h.app.services.editor.removeEntry(id, 'test', stamp());
    await restartBot();
    const third = await h.press(second, 'Next ▶');
    expect(third.callbackType).toBe(7);
    expect(third.ephemeral).toBe(false);
    expect(visibleText(embed(third).description!)).toBe(`Showing 4 of 4 entries.\n${pageGoneNote(3, 2)}`);
    expect(states(third)).toEqual(['◀ Previous', 'Next ▶ (off)']);
  });

  it('a button pressed twice quickly shows the page once, without skipping one', async () => {
    const first = await h.slash('timeline', { ...seed, limit: 3 });
    await restartBot();
    const [a, b] = await Promise.all([h.press(first, 'Next ▶'), h.press(first, 'Next ▶')]);
    expect(embed(a).description).toBe('Showing 4–6 of 17 entries.');
    expect(embed(b).description).toBe('Showing 4–6 of 17 entries.');
    expect((h.fake.rest.messages.get(String(first.message?.id)) as { embeds: unknown[] }).embeds).toEqual(a.body.embeds);
  });
});

describe('forged or garbled buttons', () => {
  it('a garbled page button gets a short private answer and the message stays', async () => {
    const first = await h.slash('timeline', seed);
    const before = structuredClone(first.message);
    for (const forged of [`pg1:${h.user.id}:0:timeline:page#x`, `pg1:${h.user.id}:0:timeline:topic=%zz`, 'pg9:whatever', 'sitrep:pg:!!:1:n']) {
      const answer = await pressId(first, forged);
      expect(answer.ephemeral).toBe(true);
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
    const answer = await pressId(first, `pg1:${h.user.id}:0:entry.remove:id#${id}&reason=forged`);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toBe(BROKEN_BUTTON_TEXT);
    const shown = await h.slash('entry', { id: id! }, { subcommand: 'show' });
    expect(embed(shown).title).toContain('Entry 0');
    expect(embed(shown).title).not.toMatch(/removed/i);
  });

  it('a forged option is refused by the dispatcher as any typed one would be', async () => {
    const first = await h.slash('timeline', seed);
    const answer = await pressId(first, `pg1:${h.user.id}:0:timeline:__proto__=x&page#2`);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Cannot do that');
  });

  it('a button no handler knows is answered privately', async () => {
    const first = await h.slash('timeline', seed);
    const answer = await pressId(first, 'something-else');
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toBe(UNKNOWN_BUTTON_TEXT);
  });
});
