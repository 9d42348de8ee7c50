// GIVEN a candidate whose feed dates it two days ahead (and whose title gives a toll) WHEN an
// admin presses Approve THEN the refusal gives the typed command with both days, since a button
// has none; WHEN they press Edit THEN the form holds the publication and the figures too, a
// refusal of the publication is under Published (not under Title), and correcting both days in
// the form approves it; `none` in the form's fatalities records none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/core/view.js';
import { MemoryPlatform, type Message } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
});
afterEach(() => closeQueue(feeds, queue));

/** Published 22 Jul 2025 by its feed; the clock says 20 Jul. */
const AHEAD = {
  guid: 'levant-ahead',
  title: 'Drone strike kills 3 near Quneitra',
  link: 'https://levant.example/2025/07/22/quneitra-strike',
  summary: 'A drone strike killed three people near Quneitra, local sources said.',
  published: '2025-07-22T08:30:00Z',
};

/** The card of the candidate dated ahead, as `platform` draws it; and its number. */
async function aheadCard(platform: MemoryPlatform): Promise<{ card: Message & { view: View }; id: number }> {
  feeds.serve('/levant.xml', 'Levant Wire', [AHEAD]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  const id = QueueApp.idAfter(await queue.text('/sources check id:1'), 'candidate');
  const posted = queue.poster.posts.find((p) => p.view.title === AHEAD.title)!;
  const card = { view: posted.view, text: posted.text, buttons: platform.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
  return { card, id };
}

const valuesOf = (message: Message) => Object.fromEntries(message.form!.fields.map((f) => [f.name, f.value ?? '']));

describe('GIVEN a candidate its feed dates two days ahead', () => {
  it('WHEN Approve is pressed THEN it is refused for both days, with the command that gives them; nothing is written', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
    const { card, id } = await aheadCard(memory);
    const before = storeFingerprint(queue.app.db);
    const pressed = await memory.press(card, 'Approve #1', 'ana');
    expect(pressed.text).toContain('Option `date` is in the future — got `22 Jul 2025`; today is 20 Jul 2025 (UTC).');
    expect(pressed.text).toContain('Option `published` is in the future — got `22 Jul 2025`');
    expect(pressed.text).toContain(`Give both days in the card's Edit form, or type them: \`/review approve id:${id} date:… published:…\``);
    expect(storeFingerprint(queue.app.db)).toBe(before);
    // Typed with the days the command says, it approves.
    expect(await queue.text(`/review approve id:${id} date:2025-07-20 published:2025-07-20`)).toContain('Approved: added as entry #18.');
  });

  it('WHEN Edit is pressed on a platform with room THEN the form has Published and the figures; the publication’s refusal is under Published, and both days corrected approve it', async () => {
    // Slack's room: every field of the form.
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime(), { maxFields: 50 });
    const { card, id } = await aheadCard(memory);
    const opened = await memory.press(card, 'Edit #1', 'ana');
    const values = valuesOf(opened);
    expect(values).toMatchObject({ title: AHEAD.title, date: '2025-07-22', published: '2025-07-22', fatalities: '3', fatalities_source: 'Levant Wire' });

    const before = storeFingerprint(queue.app.db);
    const dateOnly = await memory.submit(opened.form!, { ...values, date: '2025-07-20' }, 'ana');
    expect(dateOnly.fieldError?.field).toBe('published');
    expect(Object.keys(dateOnly.fieldErrors!)).toEqual(['published']);
    expect(dateOnly.fieldErrors!.published).toContain('Option `published` is in the future — got `22 Jul 2025`');
    expect(dateOnly.fieldErrors!.published).toContain(`\`/review approve id:${id} date:2025-07-20 published:…\``);
    expect(storeFingerprint(queue.app.db)).toBe(before);

    const done = await memory.submit(opened.form!, { ...values, date: '2025-07-20', published: '2025-07-20', fatalities: 'none' }, 'ana');
    expect(done.text).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        20 Jul 2025');
    expect(entry).toContain('according to Levant Wire (20 Jul 2025)');
    expect(entry).not.toMatch(/Fatalities/);
  });

  it('WHEN the form’s fatalities are changed THEN the entry records them, given by the outlet as suggested', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime(), { maxFields: 50 });
    const { card } = await aheadCard(memory);
    const opened = await memory.press(card, 'Edit #1', 'ana');
    const values = valuesOf(opened);
    const done = await memory.submit(opened.form!, { ...values, date: '2025-07-20', published: '2025-07-20', fatalities: '2-3-5' }, 'ana');
    expect(done.text).toContain('Approved: added as entry #18.');
    expect(await queue.text('/entry show 18', ADMIN)).toMatch(/Fatalities +3 \(2 to 5\)[^\n]*Levant Wire/);
  });
});

describe('GIVEN a platform with room for five fields, whose forms close when refused (Discord)', () => {
  it('WHEN the date is corrected in the Edit form THEN the publication is refused, and the form reopened shows Published in place of a field left as it was; both days corrected approve it', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime(), { maxFields: 5, closesOnSubmit: true });
    const { card, id } = await aheadCard(memory);
    const opened = await memory.press(card, 'Edit #1', 'ana');
    expect(opened.form!.fields.map((f) => f.name)).toEqual(['title', 'date', 'type', 'actors', 'summary']);
    const before = storeFingerprint(queue.app.db);
    const refused = await memory.submit(opened.form!, { ...valuesOf(opened), date: '2025-07-20' }, 'ana');
    expect(refused.text).toContain('Option `published` is in the future — got `22 Jul 2025`');
    expect(refused.text).toContain(`\`/review approve id:${id} date:2025-07-20 published:…\``);
    expect(refused.text).toContain('Edit and resubmit opens the form with Published in place of Summary (left as it was).');
    expect(storeFingerprint(queue.app.db)).toBe(before);

    const reopened = await memory.press(refused, 'Edit and resubmit', 'ana');
    expect(reopened.form!.fields.map((f) => f.name)).toEqual(['title', 'date', 'type', 'actors', 'published']);
    const values = valuesOf(reopened);
    expect(values).toMatchObject({ date: '2025-07-20', published: '2025-07-22' });
    const done = await memory.submit(reopened.form!, { ...values, published: '2025-07-20' }, 'ana');
    expect(done.text).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('according to Levant Wire (20 Jul 2025)');
    // The summary, left out of the reopened form, is the card's.
    expect(entry).toContain(AHEAD.summary);
  });
});
