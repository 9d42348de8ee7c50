// GIVEN two copies of one store, the second of which gave an actor a new alias WHEN the first
// merges the second's bundle THEN the stored actor gets that alias, listed in the import's output
// (a dry run says it would), with a revision naming the import; a name that is another stored
// actor's, or that this store took away from the actor, is not added but said; a title, kind or
// affiliation that differs is said, not merged. The aliases and the bundle's new entries are
// written together: a merge that fails to write its entries adds no alias either.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportOf, inBot } from './support/store-session.js';
import { twoCopiesEachTest } from './support/two-copies.js';

const { importInto, twoCopies } = twoCopiesEachTest('sitrep-bundle-names-');

/** The actor a name or alias belongs to in the store, if any. */
function actorCalled(dbPath: string, name: string): string | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT a.name FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.name = ? AND a.merged_into_id IS NULL').pluck().get(name) as string | undefined;
  } finally {
    db.close();
  }
}

/** The reason of the actor's latest revision. */
function lastActorChange(dbPath: string, actor: string): { reason: string | null; changed_by: string } {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare("SELECT r.reason, r.changed_by FROM revisions r JOIN actors a ON a.id = r.entity_id WHERE r.entity = 'actor' AND a.name = ? ORDER BY r.id DESC LIMIT 1")
      .get(actor) as { reason: string | null; changed_by: string };
  } finally {
    db.close();
  }
}

const JOLANI = '/actors alias name:"Ahmed al-Sharaa" add:"Abu Mohammad al-Jolani"';

describe('GIVEN two copies of one store, the second of which gave Ahmed al-Sharaa the alias “Abu Mohammad al-Jolani”', () => {
  it('WHEN the first merges the second’s bundle THEN the dry run says it would add the alias, the import adds it with a revision naming the import, and /actor finds him by it', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, JOLANI);
    const bundle = await exportOf(b, 'bundle');

    const dryRun = await importInto(a, 'b1.ndjson', bundle, '--dry-run');
    expect(dryRun.stdout).toContain('  alias    Ahmed al-Sharaa: “Abu Mohammad al-Jolani” would be added (a name the bundle gives it)\n');
    expect(actorCalled(a, 'Abu Mohammad al-Jolani')).toBeUndefined();

    const merged = await importInto(a, 'b1.ndjson', bundle);
    expect(merged.stdout).toContain('  alias    Ahmed al-Sharaa: “Abu Mohammad al-Jolani” added (a name the bundle gives it)\n');
    expect(merged.stdout).toContain('Imported b1.ndjson (bundle): 0 accepted, 17 skipped, 0 rejected; 1 alias added to actors.');
    expect(merged.status).toBe(0);
    expect(await inBot(a, '/actor "Abu Mohammad al-Jolani"')).toMatch(/^Ahmed al-Sharaa\n[\s\S]*Also known as {2}Abu Mohammad al-Jolani, /);
    expect(lastActorChange(a, 'Ahmed al-Sharaa')).toEqual({ reason: 'changed by import of b1.ndjson: alias “Abu Mohammad al-Jolani” added', changed_by: 'import:b1.ndjson' });

    // Held now: merged again, there is nothing to add.
    const again = await importInto(a, 'b1.ndjson', bundle);
    expect(again.stdout).not.toContain('alias ');
    expect(again.stdout).toMatch(/^Nothing to import from b1\.ndjson/m);
  });

  it('WHEN the second also added an entry THEN the merge adds the alias and the entry, and its report counts the entry', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, JOLANI, '/entry add title:"B-only event" date:2025-07-11 type:talks topic:syria-israel actors:"Israel:participant" outlet:Reuters');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).toContain('  alias    Ahmed al-Sharaa: “Abu Mohammad al-Jolani” added (a name the bundle gives it)\n');
    expect(merged.stdout).toContain('  added    line 58: entry #18 “B-only event”\n');
    expect(merged.stdout).toMatch(/^Imported b1\.ndjson \(bundle\): 1 accepted, 17 skipped, 0 rejected in \d+\.\d s\.$/m);
    expect(merged.status).toBe(0);
    expect(actorCalled(a, 'Abu Mohammad al-Jolani')).toBe('Ahmed al-Sharaa');
    expect(lastActorChange(a, 'Ahmed al-Sharaa').changed_by).toBe('import:b1.ndjson');
  });

  it('WHEN the first cannot write the bundle’s new entry THEN the merge fails and the alias is not added either', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, JOLANI, '/entry add title:"B-only event" date:2025-07-11 type:talks topic:syria-israel actors:"Israel:participant" outlet:Reuters');
    const bundle = await exportOf(b, 'bundle');
    // As SQLite answers when the disk fills while the entries are written.
    const db = new Database(a);
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON entry_spans BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    db.close();

    const merged = await importInto(a, 'b1.ndjson', bundle);
    expect(merged.stderr).toContain('Import failed, nothing was written: database or disk is full');
    expect(merged.stdout).not.toMatch(/^Imported /m);
    expect(actorCalled(a, 'Abu Mohammad al-Jolani')).toBeUndefined();
    expect(lastActorChange(a, 'Ahmed al-Sharaa').changed_by).not.toBe('import:b1.ndjson');
  });

  it('WHEN the first holds another actor of that name THEN the alias is not added, and the import names the clash and how to merge the two', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/actors add name:"Abu Mohammad al-Jolani" kind:person');
    await inBot(b, JOLANI);

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).toContain(
      '  warning  actor "Ahmed al-Sharaa" of the bundle (the stored Ahmed al-Sharaa) has the name "Abu Mohammad al-Jolani", which names Abu Mohammad al-Jolani here: not added. If they are one actor: /actors merge from:"Abu Mohammad al-Jolani" into:"Ahmed al-Sharaa"\n',
    );
    expect(actorCalled(a, 'Abu Mohammad al-Jolani')).toBe('Abu Mohammad al-Jolani');
    // The bundle's Ahmed al-Sharaa is still taken for the stored one, not for the actor its alias names.
    expect(merged.stderr).not.toContain('Actor "Ahmed al-Sharaa" of the bundle is the stored Abu Mohammad al-Jolani');
  });

  it('WHEN the first took the alias “Sharaa” away from him, which the second still has THEN it is not added back, and the import says how to add it', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/actors alias name:"Ahmed al-Sharaa" remove:"Sharaa"');
    await inBot(b, JOLANI);

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).toContain(
      '  warning  actor "Ahmed al-Sharaa" of the bundle (the stored Ahmed al-Sharaa) has the name "Sharaa", which Ahmed al-Sharaa had here and lost since: not added back. To add it again: /actors alias name:"Ahmed al-Sharaa" add:"Sharaa"\n',
    );
    expect(merged.stdout).toContain('  alias    Ahmed al-Sharaa: “Abu Mohammad al-Jolani” added');
    expect(actorCalled(a, 'Sharaa')).toBeUndefined();
  });

  it('WHEN the second also changed his kind and affiliation THEN the import says each is not merged, and the stored ones stay', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, '/actors edit name:"Ahmed al-Sharaa" kind:other affiliation:Israel');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stderr).toContain(
      'Actor "Ahmed al-Sharaa" of the bundle: its kind other is not merged (the stored one\'s stays: person); its affiliation Israel is not merged (the stored one\'s stays: Syria).',
    );
    expect(await inBot(a, '/actor "Ahmed al-Sharaa"')).toMatch(/Kind {11}person\n[\s\S]*Affiliation {4}Syria/);
  });
});
