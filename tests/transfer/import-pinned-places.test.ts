// GIVEN a CSV or JSON export holding an entry at Mount Hermon, pinned at coordinates in Quneitra
// WHEN it is imported again into the store it came from THEN the place is the stored pin, without
// a warning; WHEN imported into a store without the pin THEN the import pins it where the file's
// `place_refs` says and its output says so.
import { describe, expect, it } from 'vitest';
import { exportOf, inBot } from './support/store-session.js';
import { twoCopiesEachTest } from './support/two-copies.js';

const { importInto, twoCopies } = twoCopiesEachTest('sitrep-import-pins-');

const PATROL = '/entry add title:"Patrol on Mount Hermon" date:2025-08-04 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false';
const PIN = '/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra';

describe('GIVEN an export with an entry at Mount Hermon, pinned at 33.416, 35.857 in Quneitra', () => {
  it.each(['csv', 'json'])('WHEN the %s export is imported into its own store THEN every row is a duplicate and nothing is warned', async (format) => {
    const [, b] = await twoCopies();
    await inBot(b, PATROL, PIN);
    const exported = await exportOf(b, format);
    expect(exported).toContain('point:33.416,35.857@region:SY.03');

    for (const flags of [['--dry-run'], []]) {
      const again = await importInto(b, `x.${format}`, exported, ...flags);
      expect(again.stdout).not.toContain('warning');
      expect(again.stdout).not.toContain('Places');
      expect(again.stdout).toMatch(/: 0 accepted, 18 skipped, 0 rejected\. Nothing was written\.$/m);
      expect(again.status).toBe(0);
    }
  });

  it.each(['csv', 'json'])('WHEN the %s export is imported into a store without the pin THEN the output says it pins Mount Hermon as the file does, and /place shows the pin', async (format) => {
    const [a, b] = await twoCopies();
    await inBot(b, PATROL, PIN);
    const exported = await exportOf(b, format);

    const dryRun = await importInto(a, `x.${format}`, exported, '--dry-run');
    expect(dryRun.stdout).toContain('Places it would pin as the file pins them: Mount Hermon at 33.416, 35.857 in Quneitra, Syria.\n');
    // A pin is no place of another name: the import says nothing of the kind.
    expect(dryRun.stdout).not.toContain('another name');
    const imported = await importInto(a, `x.${format}`, exported);
    expect(imported.stdout).toContain('Places pinned as the file pins them: Mount Hermon at 33.416, 35.857 in Quneitra, Syria.\n');
    expect(imported.stdout).toContain('“Patrol on Mount Hermon”\n');
    expect(imported.stdout).not.toContain('another name');
    expect(imported.status).toBe(0);
    expect(await inBot(a, '/place name:"Mount Hermon"')).toContain(`pinned at 33.416, 35.857 in Quneitra, Syria by import:x.${format}`);
  });
});
