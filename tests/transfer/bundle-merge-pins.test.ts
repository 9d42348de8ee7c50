// GIVEN two copies of one store, the second of which pinned Mount Hermon (a place the gazetteer
// lacks) at coordinates and recorded an entry there WHEN the first, which holds a dossier, merges
// the second's bundle THEN the entry comes with its pin, listed in the import's output; the same
// pin stored already is kept; a pin of that name at another point refuses the merge, naming both,
// with nothing written; a place of that name kept as free text here stays so, with the command
// that pins it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportOf, inBot } from './support/store-session.js';
import { twoCopiesEachTest } from './support/two-copies.js';

const { importInto, twoCopies } = twoCopiesEachTest('sitrep-bundle-pins-');

const PATROL = '/entry add title:"Patrol on Mount Hermon" date:2025-08-04 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false';
const SHELLING = '/entry add title:"Shelling near Mount Hermon" date:2025-08-05 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false';
const pinAt = (at: string) => `/places locate name:"Mount Hermon" at:"${at}" in:Quneitra`;

/** How many entries the store holds with this title. */
function entriesTitled(dbPath: string, title: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM entries WHERE title = ?').pluck().get(title) as number;
  } finally {
    db.close();
  }
}

describe('GIVEN a bundle whose entry is at Mount Hermon, pinned at 33.416, 35.857 in Quneitra', () => {
  it('WHEN merged into a store without the pin THEN the dry run says it would pin it, and the merge adds the entry there with its pin', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, PATROL, pinAt('33.416, 35.857'));
    const bundle = await exportOf(b, 'bundle');

    const dryRun = await importInto(a, 'b1.ndjson', bundle, '--dry-run');
    expect(dryRun.stdout).toContain('Places it would pin as the file pins them: Mount Hermon at 33.416, 35.857 in Quneitra, Syria.\n');
    expect(dryRun.status).toBe(0);

    const merged = await importInto(a, 'b1.ndjson', bundle);
    expect(merged.stdout).toContain('Places pinned as the file pins them: Mount Hermon at 33.416, 35.857 in Quneitra, Syria.\n');
    expect(merged.stdout).toContain('  added    line 62: entry #18 “Patrol on Mount Hermon”\n');
    expect(merged.status).toBe(0);
    expect(await inBot(a, '/place name:"Mount Hermon"')).toContain('pinned at 33.416, 35.857 in Quneitra, Syria by import:b1.ndjson');
    expect(await inBot(a, '/timeline place:Quneitra')).toContain('Patrol on Mount Hermon');
  });

  it('WHEN merged into a store holding the same pin THEN the entry is added at it and the pin is kept as it was', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, SHELLING, pinAt('33.416, 35.857'));
    await inBot(b, PATROL, pinAt('33.416, 35.857'));

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).not.toContain('Places pinned');
    expect(merged.stdout).toContain('“Patrol on Mount Hermon”\n');
    expect(merged.status).toBe(0);
    const place = await inBot(a, '/place name:"Mount Hermon"');
    expect(place).toContain('pinned at 33.416, 35.857 in Quneitra, Syria by op (Console)');
    expect(place).toContain('Patrol on Mount Hermon');
  });

  it('WHEN merged into a store that pinned Mount Hermon at another point THEN the merge is refused, naming both pins and how to settle it, and nothing is written', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, SHELLING, pinAt('33.42, 35.86'));
    await inBot(b, PATROL, pinAt('33.416, 35.857'));
    const bundle = await exportOf(b, 'bundle');

    for (const flags of [['--dry-run'], []]) {
      const refused = await importInto(a, 'b1.ndjson', bundle, ...flags);
      expect(refused.stderr).toContain(
        'Cannot import b1.ndjson (bundle): the bundle pins “Mount Hermon” at 33.416, 35.857 in Quneitra, Syria, but this store has it pinned at 33.42, 35.86 in Quneitra, Syria, and a store holds one place by a name. ' +
          'To take the bundle\'s pin, run `/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra` here, then import the bundle again; ' +
          'to keep this store\'s, locate it so in the store the bundle came from (`/places locate name:"Mount Hermon" at:"33.42, 35.86" in:Quneitra`) and export it again. Nothing was written.\n',
      );
      expect(refused.status).toBe(2);
    }
    expect(entriesTitled(a, 'Patrol on Mount Hermon')).toBe(0);
    expect(await inBot(a, '/place name:"Mount Hermon"')).toContain('pinned at 33.42, 35.86 in Quneitra, Syria by op (Console)');

    // Settled as the refusal says, the merge goes through.
    await inBot(a, pinAt('33.416, 35.857'));
    const merged = await importInto(a, 'b1.ndjson', bundle);
    expect(merged.status).toBe(0);
    expect(entriesTitled(a, 'Patrol on Mount Hermon')).toBe(1);
  });

  it('WHEN merged into a store that keeps Mount Hermon as free text THEN the entry is added, the place stays as it is, and a warning gives the command that pins it', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, SHELLING);
    await inBot(b, PATROL, pinAt('33.416, 35.857'));

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).toContain(
      '  warning  Mount Hermon: stored here as not located, and the bundle pins it at 33.416, 35.857 in Quneitra, Syria; it stays as it is. To pin it so: `/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra`\n',
    );
    expect(merged.status).toBe(0);
    expect(entriesTitled(a, 'Patrol on Mount Hermon')).toBe(1);
    expect(await inBot(a, '/place name:"Mount Hermon"')).not.toContain('pinned at');
  });
});
