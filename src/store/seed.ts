// Loads the seed dossiers in data/seed/ into a new store. Each file is applied once, recorded
// in seed_runs, so starting twice changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ClaimInput } from '../core/domain.js';
import { parsePartialDate } from '../core/partial-date.js';
import { ACTOR_KINDS, ACTOR_ROLES, CLAIM_STANCES, CONFIDENCE_LEVELS, EVENT_TYPE_IDS } from '../core/vocabulary.js';
import { projectPath } from '../paths.js';
import { insertActor } from './actor-writes.js';
import { keyProblem } from './entry-keys.js';
import type { Db } from './connection.js';
import { EntryWriter } from './entry-writes.js';
import { underWriteLock, type LockWait } from './write-lock.js';

export const DEFAULT_SEED_DIR = projectPath('data', 'seed');
const SEED_AUTHOR = 'seed';

const partialDate = z.string().refine((t) => parsePartialDate(t) !== undefined, 'a date like 2025, 2025-07 or 2025-07-12');
const grade = z.string().regex(/^[A-F][1-6]$/, 'an Admiralty grade like B2').optional();
// In the order the store reads a source back (toSourceRecord), so a revision's snapshot of the
// seeded entry compares equal to the entry as stored.
const outlet = { outlet: z.string(), url: z.url({ protocol: /^https?$/ }).optional(), attribution: z.string().optional() };

const seedFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  topic: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  actors: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(ACTOR_KINDS),
      title: z.string().optional(),
      affiliation: z.string().optional(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  entries: z.array(
    z.object({
      // Fixed, so every store seeded from the file knows its entries by the same keys and a
      // JSON or CSV export of one store corrects the seed entries of another.
      key: z.string().refine((key) => keyProblem(key) === undefined, 'must be a UUID'),
      title: z.string().min(1),
      summary: z.string().default(''),
      date: partialDate,
      end: partialDate.optional(),
      type: z.enum(EVENT_TYPE_IDS as [string, ...string[]]),
      confidence: z.enum(CONFIDENCE_LEVELS),
      places: z.array(z.string()).default([]),
      actors: z.array(z.tuple([z.string(), z.enum(ACTOR_ROLES)])).default([]),
      sources: z.array(z.object({ ...outlet, published: partialDate.optional(), grade })),
      claims: z.array(z.object({ actor: z.string(), stance: z.enum(CLAIM_STANCES), date: partialDate, ...outlet, grade, note: z.string().optional() })).default([]),
      tags: z.array(z.string()).default([]),
    }),
  ),
});
export type SeedFile = z.infer<typeof seedFileSchema>;

export function readSeedFiles(dir = DEFAULT_SEED_DIR): SeedFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`Seed file ${file} is invalid: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

type SeedClaim = SeedFile['entries'][number]['claims'][number];

function seedClaim({ actor, stance, date, note, ...source }: SeedClaim, idOf: (name: string) => number): ClaimInput {
  return { actorId: idOf(actor), stance, date: parsePartialDate(date)!, source, ...(note ? { note } : {}) };
}

function applySeed(db: Db, seed: SeedFile, at: string): void {
  const stamp = { by: SEED_AUTHOR, at };
  const actorIds = new Map<string, number>();
  const idOf = (name: string): number => {
    const id = actorIds.get(name);
    if (id === undefined) throw new Error(`Seed ${seed.name} names unknown actor "${name}"`);
    return id;
  };
  // Parents are listed before the actors affiliated to them.
  for (const actor of seed.actors) {
    const input = { name: actor.name, kind: actor.kind, aliases: actor.aliases, ...(actor.title ? { title: actor.title } : {}) };
    const affiliationId = actor.affiliation ? idOf(actor.affiliation) : undefined;
    actorIds.set(actor.name, insertActor(db, affiliationId ? { ...input, affiliationId } : input, stamp));
  }
  const writer = new EntryWriter(db);
  for (const entry of seed.entries) {
    writer.insert(
      {
        topic: seed.topic,
        title: entry.title,
        summary: entry.summary,
        eventType: entry.type as (typeof EVENT_TYPE_IDS)[number],
        start: parsePartialDate(entry.date)!,
        ...(entry.end ? { end: parsePartialDate(entry.end)! } : {}),
        confidence: entry.confidence,
        places: entry.places,
        actors: entry.actors.map(([name, role]) => ({ actorId: idOf(name), role })),
        sources: entry.sources,
        tags: entry.tags,
        ...(entry.claims.length > 0 ? { claims: entry.claims.map((claim) => seedClaim(claim, idOf)) } : {}),
      },
      stamp,
      entry.key,
    );
  }
  db.prepare('INSERT INTO seed_runs (name, applied_at) VALUES (?, ?)').run(seed.name, at);
}

/**
 * Applies every seed file not applied before, each in one transaction; returns their names. The
 * transaction takes the write lock before checking the file is still to apply, so processes
 * starting together on a new store apply it once, the others waiting, then finding it applied.
 */
export function seedDatabase(db: Db, now: Date = new Date(), dir = DEFAULT_SEED_DIR, wait: LockWait = {}): string[] {
  const applied: string[] = [];
  const isApplied = (seed: SeedFile) => db.prepare('SELECT 1 FROM seed_runs WHERE name = ?').get(seed.name) !== undefined;
  for (const seed of readSeedFiles(dir)) {
    // Read first without the lock: a store seeded long ago takes no write lock at start.
    if (isApplied(seed)) continue;
    const seeded = underWriteLock(
      db,
      () => {
        if (isApplied(seed)) return false;
        applySeed(db, seed, now.toISOString());
        return true;
      },
      wait,
    );
    if (seeded) applied.push(seed.name);
  }
  return applied;
}
