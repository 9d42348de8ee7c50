// The dossier's names are read a page of actors at a time, so that no piece of the reading holds
// the bot's replies: an actor far down the list is still suggested, with its alias, and the
// seeded names still are.
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import type { FeedFetcher } from '../../src/core/sources/feed-port.js';
import { WatchService } from '../../src/core/sources/watch-service.js';
import { SqliteSourceStore } from '../../src/store/source-store.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const OPERATOR: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
/** More actors than one page holds, twice over. */
const MANY_ACTORS = 1_200;

let app: TestApp | undefined;
afterEach(() => app?.dispose());

function addActors(db: TestApp['db'], count: number): void {
  const at = new Date().toISOString();
  const actor = db.prepare("INSERT INTO actors (name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, 'armed-group', ?, 'test', ?, 'test')");
  const name = db.prepare('INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, sitrep_fold_key(?), ?)');
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const written = i === count ? 'Qarvelo Brigade' : `Filler Unit ${i}`;
      const id = Number(actor.run(written, at, at).lastInsertRowid);
      name.run(id, written, written, 1);
      if (i === count) name.run(id, 'QB Fighters', 'QB Fighters', 0);
    }
  })();
}

describe('GIVEN a dossier with more actors than one page of names', () => {
  it('WHEN an item mentions the last actor added, by its alias, and a seeded one THEN both are suggested', async () => {
    app = createTestApp();
    addActors(app.db, MANY_ACTORS);
    const now = new Date();
    const feed = {
      title: 'Levant Wire',
      items: [{ guid: 'far-1', title: 'QB Fighters and Israel agree a truce', summary: 'Officials met in Baku.', link: 'https://levant.example/truce', published: now }],
    };
    const fetcher: FeedFetcher = { fetch: async () => ({ kind: 'ok', feed, state: {}, url: 'https://levant.example/rss.xml' }) };
    const sources = new WatchService({ store: new SqliteSourceStore(app.db), fetcher, now: () => now, logger: silentLogger });
    const source = sources.add({ url: 'https://levant.example/rss.xml', topic: 'syria-israel', keywords: '', everyMinutes: 30, backfill: true }, { by: 'test', at: now.toISOString() });
    await sources.check(source.id, 'manual');

    const shown = viewText(await app.dispatcher.runText('/review show id:1', OPERATOR));
    expect(shown).toMatch(/^ {2}Actors {5}Qarvelo Brigade, Israel$/m);
    expect(shown).toMatch(/^ {2}Places {5}Baku$/m);
  });
});
