// GIVEN a candidate whose item gives a summary, places and a death toll WHEN an admin approves it
// with `clear:` (what the card's Edit form sends for the fields emptied in it) THEN the entry
// leaves those fields empty; a field every entry needs, or one `clear` does not know, is refused
// by name and nothing is written. A form field that comes back blank because its input could not
// hold its start value keeps the suggestion.
import { describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { READER } from './support/queue-app.js';
import { candidateEachTest } from './support/queue-each-test.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

const desk = candidateEachTest(QUNEITRA_STRIKE);

describe('GIVEN a candidate suggesting a summary, a place and 3 killed', () => {
  it('WHEN approved with clear:"summary, places, fatalities" THEN the entry has none of them', async () => {
    expect(await desk.queue.text(`/review approve id:${desk.id} clear:"summary, places, fatalities"`)).toContain('Approved: added as entry #18.');
    const entry = await desk.queue.text('/entry show 18', READER);
    expect(entry).toContain(QUNEITRA_STRIKE.title);
    expect(entry).not.toContain(QUNEITRA_STRIKE.summary);
    const count = (table: string) => desk.queue.app.db.prepare(`SELECT count(*) FROM ${table} WHERE entry_id = 18`).pluck().get();
    expect([count('entry_places'), count('entry_fatalities')]).toEqual([0, 0]);
  });

  it('WHEN approved with clear:title, clear:fatalities_source alone or clear:tags THEN each is refused by name and nothing is written', async () => {
    const title = await desk.queue.refused(`/review approve id:${desk.id} clear:title`);
    expect(title).toContain('An entry needs a title, and `title` was emptied.');
    expect(title).toContain(`The card suggests: ${QUNEITRA_STRIKE.title}`);
    expect(await desk.queue.refused(`/review approve id:${desk.id} clear:fatalities_source`)).toContain('Fatality figures need their source, and `fatalities_source` was emptied.');
    const unknown = await desk.queue.refused(`/review approve id:${desk.id} clear:tags`);
    expect(unknown).toContain('Option `clear` cannot empty `tags`.');
    expect(unknown).toContain('It can empty: actors, places, summary, published, fatalities, fatalities_source, claims.');
  });

  it('WHEN the Edit form comes back with Summary and Places blank, on a platform whose inputs could not hold the summary THEN the summary is kept and the places are not', async () => {
    // Inputs of 40 characters: the summary starts blank there, which leaves it as suggested.
    const memory = new MemoryPlatform(desk.queue.app.dispatcher, desk.queue.logger, () => desk.queue.now().getTime(), { maxFields: 50, textLength: 40 });
    const posted = desk.queue.poster.posts.find((post) => post.view.title === QUNEITRA_STRIKE.title)!;
    const card = { view: posted.view, text: posted.text, buttons: memory.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
    const form = (await memory.press(card, 'Edit #1', 'ana')).form!;
    const values = Object.fromEntries(form.fields.map((field) => [field.name, field.value ?? '']));
    expect(values.places).toBe('Quneitra');

    expect((await memory.submit(form, { ...values, summary: '', places: '' }, 'ana')).text).toContain('Approved: added as entry #18.');

    expect(desk.queue.app.db.prepare('SELECT summary FROM entries WHERE id = 18').pluck().get()).toBe(QUNEITRA_STRIKE.summary);
    expect(desk.queue.app.db.prepare('SELECT count(*) FROM entry_places WHERE entry_id = 18').pluck().get()).toBe(0);
  });
});
