// GIVEN two copies of one store, one of which removed entry #9 WHEN either merges the other's
// bundle THEN the removal is not carried across either way, and the import says so usefully: where
// the entry stays live, who removed it on the other side and why, and the command that does the
// same here; where it is removed here, nothing is advised unless the other side changed it since
// the revision both hold.
import { describe, expect, it } from 'vitest';
import { exportOf, inBot } from './support/store-session.js';
import { twoCopiesEachTest } from './support/two-copies.js';

const { importInto, twoCopies } = twoCopiesEachTest('sitrep-bundle-removed-');

const lineAbout = (stdout: string, entry: string) => stdout.split('\n').find((line) => line.includes(entry)) ?? '';

describe('GIVEN two copies of one store, the second of which removed entry #9', () => {
  it('WHEN the first merges the second’s bundle THEN #9 stays live, and the import says who removed it there, why, and how to remove it here too', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, '/entry remove id:9 reason:"Same event as #8"');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(lineAbout(merged.stdout, 'entry #9')).toMatch(
      /^ {2}skipped {2}line \d+: entry #9 \(same key\) is removed in the bundle, by console:op \(op\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC: “Same event as #8”, but stays live here: to remove it here too, \/entry remove id:9 reason:"Same event as #8"$/,
    );
    expect(merged.status).toBe(0);
    expect(await inBot(a, '/entry show id:9')).not.toMatch(/Removed by/);
  });

  it('WHEN the second merges the first’s bundle, which left #9 as both had it THEN #9 is left removed, with no advice to restore it', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, '/entry remove id:9 reason:"Same event as #8"');

    const merged = await importInto(b, 'a1.ndjson', await exportOf(a, 'bundle'));
    expect(lineAbout(merged.stdout, 'entry #9')).toMatch(/^ {2}skipped {2}line \d+: entry #9 \(same key\) is removed here, and the bundle's copy is unchanged since revision \d+, which both stores hold: left removed$/);
    expect(merged.stdout).not.toContain('/entry undo');
    expect(merged.status).toBe(0);
  });

  it('WHEN the first changed #9 since, and the second merges its bundle THEN the import says so, and how to take the change', async () => {
    const [a, b] = await twoCopies();
    await inBot(b, '/entry remove id:9 reason:"Same event as #8"');
    await inBot(a, '/entry edit id:9 confidence:disputed');

    const merged = await importInto(b, 'a1.ndjson', await exportOf(a, 'bundle'));
    expect(lineAbout(merged.stdout, 'entry #9')).toMatch(
      /^ {2}skipped {2}line \d+: entry #9 \(same key\) is removed here, by console:op \(op\) at [\d-]+ [\d:]+ UTC: “Same event as #8”, but the bundle changed it after revision \d+, which both stores hold: to take its changes, restore it with \/entry undo id:9 and import the bundle again$/,
    );
    expect(await inBot(b, '/entry show id:9')).toMatch(/Removed by/);
  });

  it('WHEN both removed #9 THEN the merge says it is removed here too', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/entry remove id:9 reason:"Duplicate"');
    await inBot(b, '/entry remove id:9 reason:"Same event as #8"');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(lineAbout(merged.stdout, 'entry #9')).toMatch(/^ {2}skipped {2}line \d+: entry #9 \(same key\) is removed here too: left as it is$/);
  });
});
