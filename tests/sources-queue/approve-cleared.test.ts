// GIVEN a candidate whose item gives a summary, places and a death toll WHEN an admin approves it
// with `clear:` (what the card's Edit form sends for the fields emptied in it) THEN the entry
// leaves those fields empty; a field every entry needs, or one `clear` does not know, is refused
// by name and nothing is written. A form field that comes back blank because its input could not
// hold its start value keeps the suggestion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { READER, type QueueApp } from './support/queue-app.js';
import { closeQueue, openQueueWithCandidate } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let id: number;
beforeEach(async () => {
  ({ feeds, queue, id } = await openQueueWithCandidate(QUNEITRA_STRIKE));
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a candidate suggesting a summary, a place and 3 killed', () => {
  it('WHEN approved with clear:"summary, places, fatalities" THEN the entry has none of them', async () => {
    expect(await queue.text(`/review approve id:${id} clear:"summary, places, fatalities"`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain(QUNEITRA_STRIKE.title);
    expect(entry).not.toContain(QUNEITRA_STRIKE.summary);
    const count = (table: string) => queue.app.db.prepare(`SELECT count(*) FROM ${table} WHERE entry_id = 18`).pluck().get();
    expect([count('entry_places'), count('entry_fatalities')]).toEqual([0, 0]);
  });

  it('WHEN approved with clear:title, clear:fatalities_source alone or clear:tags THEN each is refused by name and nothing is written', async () => {
    const title = await queue.refused(`/review approve id:${id} clear:title`);
    expect(title).toContain('An entry needs a title, and `title` was emptied.');
    expect(title).toContain(`The card suggests: ${QUNEITRA_STRIKE.title}`);
    expect(await queue.refused(`/review approve id:${id} clear:fatalities_source`)).toContain('Fatality figures need their source, and `fatalities_source` was emptied.');
    const unknown = await queue.refused(`/review approve id:${id} clear:tags`);
    expect(unknown).toContain('Option `clear` cannot empty `tags`.');
    expect(unknown).toContain('It can empty: actors, places, summary, published, fatalities, fatalities_source.');
  });

  it('WHEN the Edit form comes back with Summary and Places blank, on a platform whose inputs could not hold the summary THEN the summary is kept and the places are not', async () => {
    // Inputs of 40 characters: the summary starts blank there, which leaves it as suggested.
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime(), { maxFields: 50, textLength: 40 });
    const posted = queue.poster.posts.find((post) => post.view.title === QUNEITRA_STRIKE.title)!;
    const card = { view: posted.view, text: posted.text, buttons: memory.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
    const form = (await memory.press(card, 'Edit', 'ana')).form!;
    const values = Object.fromEntries(form.fields.map((field) => [field.name, field.value ?? '']));
    expect(values.places).toBe('Quneitra');

    expect((await memory.submit(form, { ...values, summary: '', places: '' }, 'ana')).text).toContain('Approved: added as entry #18.');

    expect(queue.app.db.prepare('SELECT summary FROM entries WHERE id = 18').pluck().get()).toBe(QUNEITRA_STRIKE.summary);
    expect(queue.app.db.prepare('SELECT count(*) FROM entry_places WHERE entry_id = 18').pluck().get()).toBe(0);
  });
});
