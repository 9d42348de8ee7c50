// An entry's creation revision stores no copy of the entry while the entry still stands as added
// (issue #18: the copy was most of what a new entry cost the store); the entry's rows say it.
// Whatever changes the entry afterwards (an edit, an undo, an actor merged, a place re-spelled by
// another entry), its history, past views and /entry undo still show it as it was added.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ClockedDesk } from '../as-of/support/clocked-desk.js';

let desk: ClockedDesk;
let id: number;
const text = async (line: string) => viewText(await desk.run(line));

/** What the entry's creation revision stores. */
const creationStored = (): string =>
  desk.app.db.prepare("SELECT snapshot FROM revisions WHERE entity = 'entry' AND entity_id = ? AND action = 'create'").pluck().get(id) as string;

/** The part of a past timeline about the entry. */
const pastEntry = async (asOf: string, filters = ''): Promise<string> => {
  const shown = await text(`/timeline topic:south-syria ${filters} as_of:${asOf}`);
  return shown.split(/\n(?=#)/).find((part) => part.startsWith(`#${id} `)) ?? '';
};

beforeEach(async () => {
  desk = new ClockedDesk('2025-08-01T09:00:00Z');
  await desk.editAt(
    '2025-08-01T10:00:00Z',
    '/entry add title:"Talks open in Baku" date:2025-07-28 type:talks topic:south-syria places:Baku actors:"Syria:participant" outlet:SOHR tags:"zeta, alpha"',
  );
  id = desk.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
});
afterEach(() => desk.dispose());

describe('GIVEN an entry added on 1 Aug with tags given out of order', () => {
  it('THEN its creation revision stores only the order of its tags, and the entry reads as added, now and in the past', async () => {
    expect(creationStored()).toBe('{"tags":["zeta","alpha"]}');
    expect(await text(`/entry history id:${id}`)).toContain('create by memory:ana');
    // Past views by actor and by place read the spans the creation opened.
    for (const filter of ['', 'actor:Syria', 'place:Baku', 'place:Azerbaijan']) {
      const past = await pastEntry('2025-08-01', filter);
      expect(past, filter).toContain('Talks open in Baku');
      expect(past, filter).toContain('Actors: Syria (participant)');
    }
  });

  it('WHEN its title is edited on 4 Aug THEN history, the past view before the edit and /entry undo give the title it was added with', async () => {
    expect(creationStored().length).toBeLessThan(40);
    await desk.editAt('2025-08-04T10:00:00Z', `/entry edit id:${id} title:"Talks open in Paris"`);
    expect(JSON.parse(creationStored())).toMatchObject({ title: 'Talks open in Baku', tags: ['zeta', 'alpha'], places: ['Baku'] });
    expect(await text(`/entry history id:${id}`)).toContain('Title: Talks open in Baku → Talks open in Paris');
    expect(await pastEntry('2025-08-02')).toContain(`#${id} Talks open in Baku`);
    await desk.editAt('2025-08-05T10:00:00Z', `/entry undo id:${id}`);
    expect(await text(`/entry show id:${id}`)).toContain(`#${id} Talks open in Baku`);
  });

  it('WHEN the actor it names is merged into another on 3 Aug THEN the past view before the merge names the actor it was added with', async () => {
    expect(creationStored().length).toBeLessThan(40);
    await desk.editAt('2025-08-02T10:00:00Z', '/actors add name:"Syrian Army" kind:armed-force');
    await desk.editAt('2025-08-03T10:00:00Z', '/actors merge from:Syria into:"Syrian Army"');
    expect(await pastEntry('2025-08-02')).toContain('Actors: Syria (participant)');
    expect(await text(`/entry history id:${id}`)).toContain('Actors: Syria folded into Syrian Army');
    await desk.editAt('2025-08-04T10:00:00Z', '/actors unmerge name:Syria');
    await desk.editAt('2025-08-05T10:00:00Z', `/entry edit id:${id} title:"Talks open in Paris"`);
    await desk.editAt('2025-08-06T10:00:00Z', `/entry undo id:${id}`);
    const shown = await text(`/entry show id:${id}`);
    expect(shown).toContain(`#${id} Talks open in Baku`);
    expect(shown).toContain('Syria — participant');
  });

  it('WHEN another entry re-spells its place on 2 Aug THEN its creation keeps the spelling it was added with', async () => {
    expect(creationStored().length).toBeLessThan(40);
    await desk.editAt('2025-08-01T11:00:00Z', '/entry add title:"Strike near Baku" date:2025-07-29 type:air-strike topic:south-syria places:Baku');
    await desk.editAt('2025-08-02T10:00:00Z', `/entry edit id:${id + 1} places:"BAKU" respell:true`);
    expect(JSON.parse(creationStored())).toMatchObject({ places: ['Baku'] });
    await desk.editAt('2025-08-03T10:00:00Z', `/entry edit id:${id} places:Paris`);
    expect(await text(`/entry history id:${id}`)).toContain('Places: + Paris, − Baku');
  });
});
