// A posted digest part redrawn for a correction: its header counts its items again, except in a
// digest too large to list whole, whose counts cover items it only named: those stay as posted,
// and say so.
import { describe, expect, it } from 'vitest';
import { redrawPost } from '../../src/core/digest/post-edits.js';
import type { EntryNow, ShownEntry } from '../../src/core/digest/post-edits-port.js';
import type { EntryInput } from '../../src/core/domain.js';
import { span, type View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { entryInput } from './support/entry-input.js';

const entry = (fields: Partial<EntryInput>): EntryInput => entryInput({ title: 'Clash near Daraa', eventType: 'armed-clash', sources: [], ...fields });

describe('GIVEN the first part of a posted digest', () => {
  const shown: ShownEntry[] = [{ entryId: 7, section: 0, shown: entry({}), removed: false }];
  const removed = new Map<number, EntryNow>([[7, { state: entry({}), removed: true, reason: 'duplicate', changedAt: new Date('2026-07-06T09:00:00Z') }]]);
  const part = (headerCounts: NonNullable<View['headerCounts']>): View => ({
    title: 'Sitrep digest',
    tone: 'normal',
    intro: [[span.bold('600 new entries (600 Armed clash) · 500 listed in full, 100 named by id after them')]],
    sections: [{ heading: [span.bold('#7 Clash near Daraa')], lines: [], entryId: 7 }],
    headerCounts,
  });

  it('WHEN the digest named items by id only and an entry it shows is removed THEN its counts say they are as first posted', () => {
    const text = viewText(redrawPost({ view: part({ line: 0, newActors: 0, merges: 0, unmerges: 0 }), zone: 'UTC', entries: shown }, removed, new Map()));
    expect(text).toContain('600 new entries (600 Armed clash) · 500 listed in full, 100 named by id after them (as first posted)');
    expect(text).toContain('Removed 6 Jul: duplicate');
  });
});
