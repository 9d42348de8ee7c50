// Emptying a field means the same typed and in /entry edit's form as in a review card's Edit
// form: a field an entry can do without is left empty and the reply says so; one every entry
// needs (title, date, type, topic, confidence) is refused by name, saying what the entry holds,
// and nothing is written.
import { describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk([
  ['/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel summary:"Fighting" tags:"sweida, druze" outlet:AFP attribution:"Local sources, to AFP" grade:B2', 'Added entry #18.'],
], undefined, 'memory:ana');

/** An admin (ana) on a platform with forms, on the desk's store. */
function platform(): MemoryPlatform {
  return new MemoryPlatform(desk.app.dispatcher, desk.app.logger, () => Date.now(), { maxFields: 50 });
}

/** Entry #18's Edit form submitted with `emptied` blank and every other field as it started. */
async function submitEmptied(memory: MemoryPlatform, emptied: readonly string[]) {
  const form = (await memory.command('/entry edit id:18', 'ana')).form!;
  const values = Object.fromEntries(form.fields.map((field) => [field.name, emptied.includes(field.name) ? '' : (field.value ?? '')]));
  return memory.submit(form, values, 'ana');
}

describe('GIVEN entry #18 with a summary, tags and an attributed, graded AFP source', () => {
  it('WHEN its Edit form comes back with Summary and Tags blank THEN both are emptied and the reply says so', async () => {
    const answer = await submitEmptied(platform(), ['summary', 'tags']);
    expect(answer.text).toContain('Updated #18: summary, tags.');
    expect(answer.text).toContain('Emptied: summary, tags.');
    const shown = await desk.text('/entry show 18');
    expect(shown).toContain('Tags        —');
    expect(shown).not.toContain('Fighting');
  });

  it('WHEN its Edit form comes back with Title and Topic blank THEN each is refused under its field, naming what it holds, and nothing is written', async () => {
    const memory = platform();
    const before = storeFingerprint(desk.app.db);
    const answer = await submitEmptied(memory, ['title', 'topic', 'summary']);
    expect(answer.fieldErrors?.title).toContain('An entry needs a title, and `title` was emptied.');
    expect(answer.fieldErrors?.title).toContain("The entry's title is Clashes in Sweida: leave it so, or give another.");
    expect(answer.fieldErrors?.topic).toContain('An entry needs a topic, and `topic` was emptied.');
    expect(storeFingerprint(desk.app.db)).toBe(before);
  });

  it('WHEN its Edit form comes back with Attribution and Grade blank THEN the source keeps its outlet without them', async () => {
    const answer = await submitEmptied(platform(), ['attribution', 'grade']);
    expect(answer.text).toContain('Emptied: attribution, grade.');
    const shown = await desk.text('/entry show 18');
    expect(shown).toContain('AFP');
    expect(shown).not.toContain('Local sources, to AFP');
    expect(shown).not.toContain('B2');
  });

  it('WHEN the console operator types clear:title THEN it is refused as the form refuses it, and the title stays', async () => {
    const said = await desk.text('/entry edit id:18 clear:"summary, title"');
    expect(said).toContain('An entry needs a title, and `title` was emptied.');
    expect(said).toContain("The entry's title is Clashes in Sweida: leave it so, or give another.");
    expect(await desk.text('/entry show 18')).toContain('Fighting');
  });

  it('WHEN the console operator types attribution:"" THEN the refusal points to clear:attribution, which empties it as the form does', async () => {
    expect(await desk.text('/entry edit id:18 attribution:""')).toContain('to empty `attribution`, give `clear:attribution` instead.');
    const said = await desk.text('/entry edit id:18 clear:attribution');
    expect(said).toContain('Emptied: attribution.');
    expect(said).not.toContain('Local sources, to AFP');
  });
});
