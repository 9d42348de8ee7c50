// A digest's correction lines with Arabic values: the title it had and the new fatality source are
// set apart in first-strong isolates (U+2068 … U+2069), so `title (was “…”)` keeps its order;
// Latin values are written as before.
import { describe, expect, it } from 'vitest';
import { correctionLines, entryMetaLines } from '../../src/core/digest/entry-lines.js';
import type { EntryInput } from '../../src/core/domain.js';
import { lineToPlainText } from '../../src/core/view.js';

const set = (text: string) => `\u2068${text}\u2069`;

const entry = (title: string, source: string, best: number, places: string[]): EntryInput => ({
  title, summary: '', eventType: 'armed-clash', topic: 'syria-israel', start: { year: 2025, month: 7, day: 14 },
  places, actors: [], sources: [{ outlet: 'AFP' }], confidence: 'reported', tags: [], fatalities: { best, source },
});

const changed = (before: EntryInput, after: EntryInput) =>
  correctionLines({ entryId: 1, kind: 'corrected', before, after, changedFields: ['fatalities', 'title'] }, new Map()).map(lineToPlainText);

describe('GIVEN a correction of an entry with an Arabic title and fatality source', () => {
  it('THEN the digest says what changed with each value set apart', () => {
    const before = entry('اشتباكات في السويداء توقع ٢٣ قتيلاً', 'المرصد السوري', 23, ['السويداء']);
    const after = entry('اشتباكات في السويداء توقع ٢٧ قتيلاً', 'المرصد السوري', 27, ['السويداء']);
    expect(changed(before, after)).toEqual([`Changed: fatalities 23 → 27 — ${set('المرصد السوري')}; title (was “${set('اشتباكات في السويداء توقع ٢٣ قتيلاً')}”)`]);
    expect(entryMetaLines(after, new Map()).map(lineToPlainText)).toContain(`Places: ${set('السويداء')}`);
  });

  it('THEN a Latin correction reads as before, with no isolate', () => {
    const lines = changed(entry('Clashes near Quneitra', 'Health ministry', 3, []), entry('Clashes in Quneitra', 'Health ministry', 4, []));
    expect(lines).toEqual(['Changed: fatalities 3 → 4 — Health ministry; title (was “Clashes near Quneitra”)']);
  });
});
