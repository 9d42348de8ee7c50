// A posted digest part redrawn for corrections that would make it outgrow its message: only as
// many corrected sections as it takes are drawn shorter, the longest first, each saying where it
// is shown in full; the header and every entry stay; a part that cannot fit is not redrawn.
import { describe, expect, it } from 'vitest';
import { redrawPost } from '../../src/core/digest/post-edits.js';
import { fittedRedraw } from '../../src/core/digest/post-edits-fit.js';
import type { EntryNow, ShownEntry } from '../../src/core/digest/post-edits-port.js';
import type { EntryInput } from '../../src/core/domain.js';
import { span, type View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { entryInput } from './support/entry-input.js';

const entry = (fields: Partial<EntryInput>): EntryInput => entryInput({ title: 'Clash', eventType: 'armed-clash', ...fields });

describe('GIVEN a posted digest part listing three entries, two of them corrected since', () => {
  const longTitle = `Talks in Baku ${'and more talks '.repeat(20)}`.trim();
  const shown: ShownEntry[] = [
    { entryId: 1, section: 0, shown: entry({ title: 'Clash' }), removed: false },
    { entryId: 2, section: 1, shown: entry({ title: longTitle }), removed: false },
    { entryId: 3, section: 2, shown: entry({ title: 'Shelling' }), removed: false },
  ];
  const view: View = {
    title: 'Sitrep digest',
    tone: 'normal',
    intro: [[span.plain('Changes from Mon 6 Jul 2026 07:00 CEST to Mon 6 Jul 2026 08:00 CEST.')]],
    sections: shown.map((e) => ({ heading: [span.bold(`#${e.entryId} ${e.shown.title}`)], lines: [], entryId: e.entryId })),
    footer: [span.plain('part 1 of 2')],
  };
  const changedAt = new Date('2026-07-06T09:00:00Z');
  const current = new Map<number, EntryNow>([
    [1, { state: entry({ title: 'Clash near Daraa', confidence: 'confirmed' }), removed: false, changedAt }],
    [2, { state: entry({ title: `${longTitle}, resumed`, confidence: 'confirmed' }), removed: false, changedAt }],
  ]);
  const post = { view, zone: 'UTC', entries: shown };
  const whole = viewText(redrawPost(post, current, new Map()));

  it('WHEN the whole redraw fits THEN it is the redraw, nothing shortened', () => {
    const fitted = fittedRedraw(post, current, new Map(), () => true)!;
    expect(fitted.shortened).toEqual([]);
    expect(viewText(fitted.view)).toBe(whole);
  });

  it('WHEN it is a little too long THEN only the longest correction is drawn briefly, with where it is in full', () => {
    const fitted = fittedRedraw(post, current, new Map(), (v) => viewText(v).length <= whole.length - 100)!;
    expect(fitted.shortened).toEqual([2]);
    const text = viewText(fitted.view);
    expect(text).toContain('Changes from Mon 6 Jul 2026');
    expect(text).toContain('part 1 of 2');
    expect(text).toContain('#1 Clash near Daraa — corrected\n    ✏️ Corrected 6 Jul: confidence reported → confirmed; title (was “Clash”)\n');
    expect(text).toContain(`#2 ${longTitle}, resumed — corrected\n    ✏️ Corrected 6 Jul: confidence reported → confirmed; title\n`);
    expect(text).toContain('Shortened to fit this message; in full: `/entry show id:2`, `/entry history id:2`');
    expect(text).not.toContain('/entry show id:1');
    expect(text).toContain('#3 Shelling');
  });

  it('WHEN briefer corrections are not enough THEN they are drawn compact: the title cut, the first line of fields', () => {
    const fitted = fittedRedraw(post, current, new Map(), (v) => !viewText(v).includes(longTitle) && !viewText(v).includes('Source: Reuters'))!;
    expect(fitted.shortened).toEqual([2, 1]);
    const text = viewText(fitted.view);
    expect(text).toMatch(/#2 Talks in Baku (and more talks )+and…/);
    expect(text).toContain(
      '— corrected\n    ✏️ Corrected 6 Jul: confidence reported → confirmed; title\n    20 Jul 2025 · Armed clash · confirmed\n    Shortened to fit this message; in full: `/entry show id:2`, `/entry history id:2`\n',
    );
    expect(text).toContain('#3 Shelling');
  });

  it('WHEN even the shortest corrections do not fit THEN there is no redraw', () => {
    expect(fittedRedraw(post, current, new Map(), () => false)).toBeUndefined();
  });
});
