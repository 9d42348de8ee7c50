// GIVEN two copies of one store that each changed a list of the same entry (its tags, claims or
// sources) since the revision both hold WHEN one merges the other's bundle THEN what each side
// added is kept and what one side took away is gone, as a correction naming the import; only an
// item both changed each its own way is a conflict, shown alone rather than as the whole list.
import { describe, expect, it } from 'vitest';
import { exportOf, inBot } from './support/store-session.js';
import { twoCopiesEachTest } from './support/two-copies.js';

const { importInto, twoCopies } = twoCopiesEachTest('sitrep-bundle-lists-');

describe('GIVEN two copies of one store, each adding its own tag and claim to entry #12', () => {
  it('WHEN one merges the other’s bundle THEN both tags and both claims are kept, with a revision naming the import, and nothing is in conflict', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/entry claim id:12 actor:Israel stance:confirms outlet:Kan date:2025-07-25', '/entry edit id:12 tags:"baku, direct-talks, kan"');
    await inBot(b, '/entry claim id:12 actor:Syria stance:confirms outlet:SANA date:2025-07-25', '/entry edit id:12 tags:"baku, direct-talks, sana"');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).not.toContain('conflict');
    expect(merged.stdout).toMatch(/^ {2}correct {2}line \d+: entry #12: tags baku, direct-talks, kan → baku, direct-talks, kan, sana; claims /m);
    expect(merged.status).toBe(0);
    const shown = await inBot(a, '/entry show id:12');
    expect(shown).toMatch(/Tags\s+baku, direct-talks, kan, sana/);
    expect(shown).toContain('Israel confirms · 25 Jul 2025 · Kan');
    expect(shown).toContain('Syria confirms · 25 Jul 2025 · SANA');
    expect(await inBot(a, '/entry history id:12')).toContain('changed by import of b1.ndjson: tags');

    // Merged back, the other copy takes the combination: both end alike.
    const back = await importInto(b, 'a1.ndjson', await exportOf(a, 'bundle'));
    expect(back.stdout).not.toContain('conflict');
    expect(await inBot(b, '/entry show id:12')).toMatch(/Tags\s+baku, direct-talks, kan, sana/);
  });

  it('WHEN a tag was taken away on one side only THEN it is gone after the merge, while the other side’s new tag is kept', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/entry edit id:12 tags:"direct-talks"');
    await inBot(b, '/entry edit id:12 tags:"baku, direct-talks, sana"');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    expect(merged.stdout).toMatch(/^ {2}correct {2}line \d+: entry #12: tags direct-talks → direct-talks, sana$/m);
    expect(await inBot(a, '/entry show id:12')).toMatch(/Tags\s+direct-talks, sana\n/);
  });
});

describe('GIVEN two copies of one store that each recorded Israel’s confirmation of entry #12 through Kan, with another note, and a tag of its own', () => {
  it('WHEN one merges the other’s bundle THEN that claim alone is the conflict, shown as each side has it, kept as stored; the tags combine', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/entry claim id:12 actor:Israel stance:confirms outlet:Kan date:2025-07-25 note:"Officials met"', '/entry edit id:12 tags:"baku, direct-talks, kan"');
    await inBot(b, '/entry claim id:12 actor:Israel stance:confirms outlet:Kan date:2025-07-25 note:"Security talks"', '/entry edit id:12 tags:"baku, direct-talks, sana"');

    const merged = await importInto(a, 'b1.ndjson', await exportOf(b, 'bundle'));
    const conflicts = merged.stdout.split('\n').filter((line) => line.startsWith('  conflict'));
    expect(conflicts).toEqual([
      expect.stringMatching(/^ {2}conflict line \d+: entry #12: claims — both changed since revision \d+: the store has Israel confirms 2025-07-25: Kan “Officials met”, the file Israel confirms 2025-07-25: Kan “Security talks”; kept as stored/),
    ]);
    expect(merged.stdout).toMatch(/^ {2}correct {2}line \d+: entry #12: tags baku, direct-talks, kan → baku, direct-talks, kan, sana$/m);
    expect(merged.status).toBe(1);
    const shown = await inBot(a, '/entry show id:12');
    expect(shown).toContain('Officials met');
    expect(shown).not.toContain('Security talks');
  });
});
