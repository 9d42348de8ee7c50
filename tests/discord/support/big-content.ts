// Stored content at the edge of what the store accepts: a 4,000-character summary full of
// markdown and mention characters, 25 actors, 40 sources; and many long entries for paging.
import type { EntryInput } from '../../../src/core/domain.js';
import type { TestApp } from '../../support/test-app.js';

const stamp = () => ({ by: 'test', at: new Date().toISOString() });

/** 4,000 characters of hostile text: every word numbered, so loss anywhere shows. */
export const HUGE_SUMMARY = Array.from({ length: 400 }, (_, i) => `w${String(i).padStart(3, '0')}*_@here`)
  .join(' ')
  .padEnd(4000, '.')
  .slice(0, 4000);

export interface BigEntry {
  id: number;
  actorNames: string[];
  outlets: string[];
}

export function addHugeEntry(app: TestApp, topic = 'edge-cases'): BigEntry {
  const actorNames = Array.from({ length: 25 }, (_, i) => `Actor ${i} **<@${1000 + i}>** of the ${'long-named '.repeat(3)}council`);
  // A second huge entry shares the first one's actors.
  const actorIds = actorNames.map(
    (name) => app.dossier.actorsNamed(name).find((a) => a.name === name)?.id ?? app.services.editor.addActor({ name, kind: 'person', aliases: [] }, stamp()),
  );
  const outlets = Array.from({ length: 40 }, (_, i) => `Outlet ${i} @everyone`);
  const input: EntryInput = {
    topic,
    title: 'An entry at every limit # with [markup](https://evil.example)',
    summary: HUGE_SUMMARY,
    eventType: 'statement',
    start: { year: 2025, month: 7, day: 30 },
    confidence: 'reported',
    places: ['Paris', 'Baku'],
    actors: actorIds.map((actorId) => ({ actorId, role: 'participant' })),
    sources: outlets.map((outlet, i) => ({
      outlet,
      url: `https://example.org/story/${i}?q=(a)`,
      attribution: `Source ${i}: ${'an official speaking on condition of anonymity, '.repeat(4)}`,
      published: '2025-07-30',
    })),
    tags: ['edge'],
  };
  return { id: app.services.editor.addEntry(input, stamp()), actorNames, outlets };
}

/** `count` entries in `topic` with 190-character titles and several actors each. */
export function addLongEntries(app: TestApp, topic: string, count: number): void {
  for (let i = 0; i < count; i += 1) {
    app.services.editor.addEntry(
      {
        topic,
        title: `Long entry ${String(i).padStart(2, '0')} ${'about the talks and their many consequences '.repeat(4)}`.slice(0, 190),
        summary: 'x',
        eventType: 'talks',
        start: { year: 2020, month: 1, day: 1 + (i % 28) },
        confidence: 'confirmed',
        places: ['Paris, France', 'Baku, Azerbaijan', 'Damascus, Syria'],
        actors: [1, 2, 3, 4, 5, 6].map((actorId) => ({ actorId, role: 'participant' as const })),
        sources: [],
        tags: [],
      },
      stamp(),
    );
  }
}
