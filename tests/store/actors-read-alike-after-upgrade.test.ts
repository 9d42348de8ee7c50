// GIVEN a store of an older release (schema 27) holding actors told apart by a spelling this
// release reads as one (`M'hamed Ali` and `Mhamed Ali`; `حركة المقاومة` and `حركه المقاومه`) WHEN the
// bot of this release starts on it THEN it warns once, at start-up, of each pair, with the
// /actors merge that folds it; once merged, or on a store with no such actors, it says nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { createStoreAtVersion } from '../support/older-store.js';
import { createTestApp, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-read-alike-'));
  dbPath = join(dir, 'sitrep.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Makes a store of schema 27 with these actors, each name under the key that release gave it. */
function storeOlderActors(actors: readonly { name: string; key: string; kind: string }[]): void {
  createStoreAtVersion(dbPath, (db) => {
    const at = '2025-06-01T00:00:00.000Z';
    for (const { name, key, kind } of actors) {
      const { lastInsertRowid } = db.prepare("INSERT INTO actors (name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'console:ed', ?, 'console:ed')").run(name, kind, at, at);
      db.prepare('INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, 1)').run(lastInsertRowid, name, key);
    }
  });
}

/** Starts the bot on the store: the app and the warnings a person at the terminal reads. */
function start(): { app: App; shown: string } {
  let shown = '';
  const logger = recordingLogger();
  const app = createApp({ dbPath, admins: parseAdminRules('console:ed'), logger, startupOut: { logger, warnEnabled: true, terminal: { write: (text: string) => (shown += text) } } });
  return { app, shown };
}

describe('GIVEN actors an older release told apart by an apostrophe or by taa marbuta', () => {
  beforeEach(() =>
    storeOlderActors([
      { name: "M'hamed Ali", key: 'm hamed ali', kind: 'person' },
      { name: 'Mhamed Ali', key: 'mhamed ali', kind: 'person' },
      { name: 'حركة المقاومة', key: 'حركة المقاومة', kind: 'armed-group' },
      { name: 'حركه المقاومه', key: 'حركه المقاومه', kind: 'armed-group' },
    ]),
  );

  it('WHEN the bot starts after the upgrade THEN it warns of each pair with the merge that folds it', () => {
    const { app, shown } = start();
    app.close();
    const warnings = shown.split('\n').filter(Boolean);
    expect(warnings.filter((line) => !line.startsWith('Upgrad'))).toEqual([
      "Warning: M'hamed Ali (person) and Mhamed Ali (person) are 2 actors with names that now read as one, so a lookup of that name spelled otherwise than each has it is ambiguous. " +
        'If they are one actor, fold the other into M\'hamed Ali: /actors merge from:"Mhamed Ali" into:"M\'hamed Ali".',
      'Warning: حركة المقاومة (armed group) and حركه المقاومه (armed group) are 2 actors with names that now read as one, so a lookup of that name spelled otherwise than each has it is ambiguous. ' +
        'If they are one actor, fold the other into حركة المقاومة: /actors merge from:"حركه المقاومه" into:"حركة المقاومة".',
    ]);
  });

  it('WHEN the merge it gives is run THEN the next start warns only of the other pair', async () => {
    const first = start();
    const merge = /\/actors merge from:"Mhamed Ali" into:"M'hamed Ali"/.exec(first.shown)![0];
    const view = await first.app.dispatcher.runText(merge, { platform: 'console', userId: 'ed' });
    expect(viewText(view)).toContain("Merged Mhamed Ali into M'hamed Ali");
    first.app.close();
    const again = start();
    again.app.close();
    expect(again.shown).not.toContain('mhamed');
    expect(again.shown.match(/^Warning: /gm)).toHaveLength(1);
  });
});

describe('GIVEN a seeded store whose actors all read apart', () => {
  it('WHEN the bot starts THEN no warning is given', () => {
    const app = createTestApp();
    try {
      expect(app.logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
    } finally {
      app.dispose();
    }
  });
});
