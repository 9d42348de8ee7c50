// The dossier bundle: export → import into an empty store → export gives the same bytes, and the
// imported store works as the first (history, undo, search, actors); into a store with a dossier
// it merges; a bundle that is not whole is refused before anything is written.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { openDatabase } from '../../src/store/connection.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
let source: string;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };

/**
 * A dossier with every kind of record: edits, an undo, a removal, new actors, a merge, a new topic,
 * fatality figures, a trend call, and (from the seed) claims, graded sources and located places.
 */
async function curate(dbPath: string): Promise<void> {
  const app = createApp({ dbPath, admins: parseAdminRules('console:op'), logger: silentLogger });
  try {
    for (const command of [
      '/entry edit id:3 confidence:disputed summary:"Buffer zone, as agreed in 1974."',
      '/entry edit id:5 tags:"buffer, idf"',
      '/entry undo id:5',
      '/entry remove id:4 reason:"duplicate"',
      '/entry edit id:10 fatalities:"3-5-9" fatalities_source:AFP',
      '/actors add name:"Hamas" kind:armed-group aliases:"Harakat al-Muqawama"',
      '/actors add name:"Hamas political bureau" kind:government-body affiliation:Hamas',
      '/actors add name:"T. Barrack" kind:person',
      '/actors merge from:"T. Barrack" into:"Tom Barrack"',
      '/trend set topic:syria-israel direction:deteriorated note:"Clashes in Sweida spread north"',
      '/entry add title:"Ceasefire talks in Doha" date:2025-08-03 type:talks topic:gaza places:"Doha, Gaza" actors:"Hamas:participant, Israel:participant, United States:mediator" source_url:https://example.org/doha outlet:AFP attribution:"Officials, to AFP" published:2025-08-03 confidence:claimed tags:"ceasefire, doha"',
    ]) {
      const view = await app.dispatcher.runText(command, admin);
      expect(view.tone, `${command}: ${viewText(view)}`).not.toBe('error');
    }
  } finally {
    app.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-bundle-'));
  source = join(dir, 'source.db');
  copySeededStore(source);
  await curate(source);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const exportBundle = async (dbPath: string, ...args: string[]) => {
  const result = await runProgram(runExport, ['--format', 'bundle', ...args], { SITREP_DB: dbPath });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const importInto = (dbPath: string, file: string, ...flags: string[]) => runProgram(runImport, [file, ...flags], { SITREP_DB: dbPath });
const fileWith = (name: string, text: string) => fileIn(dir, name, text);

describe('GIVEN a bundle of a whole store', () => {
  it('WHEN imported into no store THEN the new store exports the same bytes, and works as the first', async () => {
    const bundle = await exportBundle(source);
    const target = join(dir, 'restored.db');
    const result = await importInto(target, fileWith('dossier.ndjson', bundle));
    expect(result.stdout).toBe(`Imported dossier.ndjson (bundle) into a new store at ${target}: 18 entries (1 removed), 18 actors, 13 places, 43 revisions and 1 trend call.\n`);
    expect(result.status).toBe(0);
    expect(await exportBundle(target)).toBe(bundle);

    // Figures, claims, grades and where places are (with how they were located) come across as they were.
    const shown = ['/entry show id:10', '/entry show id:15', '/entry show id:12', '/entry history id:12', '/timeline place:Azerbaijan', '/trend show topic:syria-israel'];
    const first = createApp({ dbPath: source, admins: parseAdminRules('console:op'), logger: silentLogger });
    const before = await Promise.all(shown.map(async (text) => viewText(await first.dispatcher.runText(text, admin))));
    first.close();
    expect(before[0]).toMatch(/Fatalities\s+5 \(3 to 9\) — AFP/);
    expect(before[0]).toContain('Claims');
    expect(before[1]).toContain('B1');
    expect(before[3]).toContain('Baku: located');
    expect(before[4]).toContain('Syrian and Israeli officials meet in Baku');
    expect(before[5]).toContain('Clashes in Sweida spread north');

    const app = createApp({ dbPath: target, admins: parseAdminRules('console:op'), logger: silentLogger });
    try {
      const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
      for (const [i, text] of shown.entries()) expect(await run(text), text).toBe(before[i]);
      expect(await run('/entry history id:3')).toContain('edit by op (Console)');
      expect(await run('/entry undo id:3')).toContain('#3');
      expect(await run('/entry show id:3')).toMatch(/Confidence\s+confirmed/);
      expect(await run('/search Doha')).toContain('Ceasefire talks in Doha');
      expect(await run('/actor Harakat al-Muqawama')).toContain('Hamas political bureau');
      expect(await run('/actor Tom Barrack')).toContain('T. Barrack');
      expect(await run('/actors unmerge name:"T. Barrack"')).not.toMatch(/^Error/);
      expect(await run('/entry show id:4')).toContain('removed');
      // The bundle carried the seed's run: the seed is not applied again.
      expect(app.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(18);
    } finally {
      app.close();
    }
  });

  it('WHEN the store holds a place pinned at coordinates THEN the new store exports the same bytes, and keeps the pin where it was', async () => {
    const first = createApp({ dbPath: source, admins: parseAdminRules('console:op'), logger: silentLogger });
    const shown = ['/place name:"Mount Hermon"', '/timeline place:Quneitra', '/entry history id:19'];
    let before: string[];
    try {
      const run = async (text: string) => viewText(await first.dispatcher.runText(text, admin));
      expect(await run('/entry add title:"Patrol on Mount Hermon" date:2025-08-04 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false')).toContain('Added entry #19.');
      expect(await run('/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra')).toContain('pinned at 33.416, 35.857 in Quneitra, Syria');
      before = await Promise.all(shown.map(run));
    } finally {
      first.close();
    }
    expect(before[0]).toContain('pinned at 33.416, 35.857 in Quneitra, Syria by op (Console)');
    expect(before[1]).toContain('#19 Patrol on Mount Hermon');

    const bundle = await exportBundle(source);
    const target = join(dir, 'restored.db');
    expect((await importInto(target, fileWith('dossier.ndjson', bundle))).status).toBe(0);
    expect(await exportBundle(target)).toBe(bundle);
    const app = createApp({ dbPath: target, admins: parseAdminRules('console:op'), logger: silentLogger });
    try {
      for (const [i, text] of shown.entries()) expect(viewText(await app.dispatcher.runText(text, admin)), text).toBe(before[i]);
    } finally {
      app.close();
    }
  });

  it('WHEN imported into an existing store that holds no dossier THEN it is loaded whole, with its ids', async () => {
    const bundle = await exportBundle(source);
    const target = join(dir, 'empty.db');
    openDatabase(target).close();
    const result = await importInto(target, fileWith('dossier.ndjson', bundle));
    expect(result.stdout).toContain(`Imported dossier.ndjson (bundle) whole into ${target}: 18 entries (1 removed)`);
    expect(await exportBundle(target)).toBe(bundle);
  });

  it('WHEN limited to a topic THEN its bundle holds what that topic needs, and round-trips too', async () => {
    const bundle = await exportBundle(source, '--topic', 'gaza');
    const kinds = bundle.trimEnd().split('\n').map((line) => (JSON.parse(line) as { record: string }).record);
    expect(kinds.filter((k) => k === 'entry')).toHaveLength(1);
    const names = bundle.split('\n').filter((l) => l.includes('"record":"actor"')).map((l) => (JSON.parse(l) as { name: string }).name);
    expect(names).toEqual(['Israel', 'United States', 'Hamas']);
    const target = join(dir, 'gaza.db');
    expect((await importInto(target, fileWith('gaza.ndjson', bundle))).status).toBe(0);
    expect(await exportBundle(target, '--topic', 'gaza')).toBe(bundle);
  });
});

describe('GIVEN a bundle of version 1, made before grades, fatalities, claims and place locations', () => {
  it('WHEN imported into no store THEN it is loaded whole, its entries without them', async () => {
    const records = (await exportBundle(source)).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const older = records
      .filter((r) => r.record !== 'place_location' && r.record !== 'trend_call')
      .map((r) => {
        if (r.record === 'sitrep-bundle') return { ...r, version: 1 };
        if (r.record === 'end') return { ...r, counts: { ...(r.counts as object), place_location: undefined, trend_call: undefined } };
        if (r.record !== 'entry') return r;
        const { fatalities: _f, claims: _c, ...entry } = r;
        return { ...entry, sources: (entry.sources as Record<string, unknown>[]).map(({ grade: _g, ...s }) => s) };
      });
    const target = join(dir, 'older.db');
    const result = await importInto(target, fileWith('older.ndjson', `${older.map((r) => JSON.stringify(r)).join('\n')}\n`));
    expect(result.stdout).toContain('18 entries (1 removed)');
    expect(result.status).toBe(0);
    const app = createApp({ dbPath: target, admins: parseAdminRules('console:op'), logger: silentLogger });
    try {
      const shown = viewText(await app.dispatcher.runText('/entry show id:10', admin));
      expect(shown).toContain('Israeli strikes in Damascus and Sweida province');
      expect(shown).not.toContain('Fatalities');
      expect(shown).not.toContain('Claims');
    } finally {
      app.close();
    }
  });
});

describe('GIVEN a bundle imported into a store that holds a dossier', () => {
  it('WHEN merged THEN actors match by name or alias, entries by key: new ones are added, changed ones corrected, removed ones left', async () => {
    const target = join(dir, 'other.db');
    copySeededStore(target);
    const first = await importInto(target, fileWith('dossier.ndjson', await exportBundle(source)), '--dry-run');
    // Both stores are copies of one seeded store, so their seed entries have the same keys.
    expect(first.stdout).toMatch(/skipped {2}line \d+: entry #4 \(same key\) is removed in the bundle, by console:op \(op\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC: “duplicate”, but stays live here: to remove it here too, \/entry remove id:4 reason:"duplicate"\n/);
    expect(first.stdout).toMatch(/skipped {2}line \d+: duplicate of entry #12 \(same key\)/);
    expect(first.stdout).toMatch(/correct {2}line \d+: entry #3: summary “.*” → “Buffer zone, as agreed in 1974\.”; confidence confirmed → disputed/);
    expect(first.stdout).toContain('Actors it would create: Hamas (armed group), Hamas political bureau (government body).');
    // Figures travel; the seed's claims and graded sources, the same in both stores, are no change.
    expect(first.stdout).toMatch(/correct {2}line \d+: entry #10: fatalities \(none\) → 5 \(3 to 9\) \(AFP\)\n/);
    expect(first.stdout).toContain('Dry run of dossier.ndjson (bundle): 1 accepted, 15 skipped, 0 rejected, 2 corrected. Nothing was written.');
    // Trend calls judge the dossier they were made on: not mixed into another, and said so.
    expect(first.stderr).toContain('Its trend call is not merged: a merge brings entries and actors only (set calls with /trend set).');

    const merged = await importInto(target, fileWith('dossier.ndjson', await exportBundle(source)));
    expect(merged.stdout).toContain('1 accepted, 15 skipped, 0 rejected, 2 corrected');
    const check = new Database(target, { readonly: true });
    try {
      expect(check.prepare("SELECT a.name FROM actors a JOIN actors p ON p.id = a.affiliation_id WHERE p.name = 'Hamas'").pluck().all()).toEqual(['Hamas political bureau']);
      expect(check.prepare("SELECT count(*) FROM actor_names WHERE name = 'Harakat al-Muqawama'").pluck().get()).toBe(1);
    } finally {
      check.close();
    }

    // Corrected at the source since: the merge corrects the entry its key names.
    const app = createApp({ dbPath: source, admins: parseAdminRules('console:op'), logger: silentLogger });
    await app.dispatcher.runText('/entry edit id:18 confidence:confirmed', admin);
    app.close();
    const again = await importInto(target, fileWith('dossier.ndjson', await exportBundle(source)));
    expect(again.stdout).toMatch(/correct {2}line \d+: entry #18: confidence claimed → confirmed/);
    expect(again.stdout).toContain('0 accepted, 17 skipped, 0 rejected, 1 corrected');
  });
});

describe('GIVEN a bundle whose actors answer to stored actors of another name or title', () => {
  it('WHEN merged THEN the reply says which stored actor each was taken for, and that its title is not merged', async () => {
    const edit = createApp({ dbPath: source, admins: parseAdminRules('console:op'), logger: silentLogger });
    expect((await edit.dispatcher.runText('/actors edit name:"Tom Barrack" title:"Envoy B"', admin)).tone).not.toBe('error');
    edit.close();
    const target = join(dir, 'other.db');
    copySeededStore(target);
    const held = createApp({ dbPath: target, admins: parseAdminRules('console:op'), logger: silentLogger });
    expect((await held.dispatcher.runText('/actors add name:"Hamas movement" kind:armed-group aliases:Hamas', admin)).tone).not.toBe('error');
    held.close();
    const merged = await importInto(target, fileWith('dossier.ndjson', await exportBundle(source)), '--dry-run');
    expect(merged.stderr).toContain('Actor "Hamas" of the bundle is the stored Hamas movement (who answers to "Hamas").');
    expect(merged.stderr).toContain('Actor "Tom Barrack" of the bundle: its title "Envoy B" is not merged (the stored one\'s stays: "US special envoy for Syria").');
    expect(merged.stderr).not.toContain('Actor "Israel" of the bundle');
  });
});

describe('GIVEN a bundle that is not whole', () => {
  it.each([
    ['cut short', (lines: string[]) => lines.slice(0, -3), 'the bundle has no closing `end` record: it was cut short, so nothing is imported'],
    ['missing a record', (lines: string[]) => lines.filter((_, i) => i !== 5), /^the bundle holds 12 place records, but its end says 13: it is not whole/],
    ['from a newer Sitrep', (lines: string[]) => lines.map((l) => l.replace('"record":"place","id":1,', '"record":"place","id":1,"population":3,')), /^line \d+: a place record has the field `population`, which this store does not have/],
  ])('WHEN %s THEN it is refused in one line, and no store is created', async (_, change, message) => {
    const lines = (await exportBundle(source)).trimEnd().split('\n');
    const target = join(dir, 'new.db');
    const result = await importInto(target, fileWith('broken.ndjson', `${change(lines).join('\n')}\n`));
    expect(result.status).toBe(2);
    const reason = result.stderr.trim().replace(/^Cannot import broken\.ndjson \(bundle\): /, '').replace(/\. Nothing was written\.$/, '');
    if (typeof message === 'string') expect(reason).toBe(message);
    else expect(reason).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });

  it('WHEN a dry run THEN it says what it would load and creates nothing', async () => {
    const target = join(dir, 'new.db');
    const result = await importInto(target, fileWith('dossier.ndjson', await exportBundle(source)), '--dry-run');
    expect(result.stdout).toContain(`Dry run of dossier.ndjson (bundle): it would create a store at ${target} holding 18 entries (1 removed)`);
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(join(dir, 'dossier.ndjson'), 'utf8').startsWith('{"record":"sitrep-bundle","version":3,"topic":null}\n')).toBe(true);
  });
});

describe('GIVEN a bundle of version 2, made before trend calls', () => {
  it('WHEN imported into no store THEN it is loaded whole, without trend calls', async () => {
    const records = (await exportBundle(source)).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const older = records
      .filter((r) => r.record !== 'trend_call')
      .map((r) => (r.record === 'sitrep-bundle' ? { ...r, version: 2 } : r.record === 'end' ? { ...r, counts: { ...(r.counts as object), trend_call: undefined } } : r));
    const target = join(dir, 'v2.db');
    const result = await importInto(target, fileWith('v2.ndjson', `${older.map((r) => JSON.stringify(r)).join('\n')}\n`));
    expect(result.stdout).toContain('18 entries (1 removed), 18 actors, 13 places and 43 revisions.');
    expect(result.status).toBe(0);
    // Exported again, it is of the version this Sitrep writes.
    expect((await exportBundle(target)).startsWith('{"record":"sitrep-bundle","version":3,"topic":null}\n')).toBe(true);
  });
});

type BundleLine = Record<string, unknown>;
const isEntry1 = (r: BundleLine) => r.record === 'entry' && r.id === 1;
const isActor = (id: number) => (r: BundleLine) => r.record === 'actor' && r.id === id;
/** Changes the records passing `which`, keeping the end's counts true. */
const changed = (which: (r: BundleLine) => boolean, change: (r: BundleLine) => BundleLine | undefined) => (records: BundleLine[]) => {
  const kept = records.flatMap((r) => (which(r) ? [change(r)].filter((c): c is BundleLine => c !== undefined) : [r]));
  return kept.map((r) => {
    if (r.record !== 'end') return r;
    const counts = Object.fromEntries(Object.keys(r.counts as object).map((kind) => [kind, kept.filter((k) => k.record === kind).length]));
    return { ...r, counts };
  });
};

describe('GIVEN a bundle with a record the store would refuse, or one naming a record it lacks', () => {
  it.each([
    ['an impossible date', changed(isEntry1, (r) => ({ ...r, occurred_on: '2025-13-45' })), /^line \d+: entry 1: `occurred_on` must be a date like 2025, 2025-07 or 2025-07-12 — got `2025-13-45`\. There is no month 13: months run from 01 to 12$/],
    ['days that are not its date\'s', changed(isEntry1, (r) => ({ ...r, day_from: '1949-01-01' })), /^line \d+: entry 1: `day_from` must be 1948-01-01, the first day of `occurred_on` 1948 — got `1949-01-01`$/],
    ['a key that is no UUID', changed(isEntry1, (r) => ({ ...r, key: 'not-a-uuid' })), /^line \d+: entry 1: `key` \(not-a-uuid\) must be a UUID like 01984a1e-7c40-7d5e-9a51-3c8f6f0e2b17, as an export writes it$/],
    ['a title with a control character', changed(isEntry1, (r) => ({ ...r, title: '\u001b[31mRed' })), /^line \d+: entry 1: `title` must be text without control characters — got `␛\[31mRed`\. U\+001B is the first character of the text: take it out$/],
    ['an unknown confidence', changed(isEntry1, (r) => ({ ...r, confidence: 'banana' })), /^line \d+: entry 1: `confidence` must be one of: confirmed, reported, claimed, disputed — got `banana`$/],
    ['an unknown type', changed(isEntry1, (r) => ({ ...r, event_type: 'picnic' })), /^line \d+: entry 1: `event_type` must be one of: armed-clash, .*, other — got `picnic`$/],
    ['an actor it lacks', changed(isEntry1, (r) => ({ ...r, actors: [{ actor_id: 999, role: 'participant', position: 0 }] })),
      /^line \d+: entry 1: `actors` item 1 names actor 999, but the bundle holds no actor record with id 999 \(its 18 actor records have ids 1–18\): add that record, or name one the bundle holds$/],
    ['a place it lacks', changed(isEntry1, (r) => ({ ...r, places: [{ place_id: 999, position: 0 }] })), /^line \d+: entry 1: `places` item 1 names place 999, but the bundle holds no place record with id 999 /],
    ['a topic it lacks', changed(isEntry1, (r) => ({ ...r, topic: 'mars' })), /^line \d+: entry 1: `topic` names topic `mars`, but the bundle holds no topic record with slug `mars` \(its topics are gaza, syria-israel\)/],
    ['no record of an actor its entries name', changed((r) => r.record === 'actor' && r.name === 'Israel', () => undefined), /^line \d+: \w+ \d+: `\w+`( item \d+)? names actor 2, but the bundle holds no actor record with id 2 /],
    ['a revision of no entry', changed((r) => r.record === 'revision' && r.entity === 'entry', (r) => ({ ...r, entity_id: 999 })), /^line \d+: revision \d+: `entity_id` names entry 999, but the bundle holds no entry record with id 999 /],
    ['an actor of an unknown kind', changed((r) => r.record === 'actor' && r.id === 1, (r) => ({ ...r, kind: 'wizard' })), /^line \d+: actor 1: `kind` must be one of state, .*, unknown — got `wizard`$/],
    ['a trend call on no day', changed((r) => r.record === 'trend_call', (r) => ({ ...r, day: '2025-02-30' })), /^line \d+: trend_call 1: `day` must be a day like 2025-07-12 — got `2025-02-30`$/],
    ['an entry malformed', changed(isEntry1, (r) => ({ ...r, tags: 'one' })), /^line \d+: an entry record is malformed: /],
    ['an actor whose name is not its primary one', changed(isActor(2), (r) => ({ ...r, name: 'Syria' })), /^line \d+: actor 2: `names` must hold its `name` \(Syria\) as its one primary name — got Israel$/],
    ['two actors of one name', changed(isActor(2), (r) => ({ ...r, name: 'Syria', names: [{ name: 'Syria', primary: true }] })),
      /^line \d+: actor 2: `names` item 1 \(Syria\) already names actor 1 \(Syria\): two actors cannot share a name; merge them, or rename one$/],
    ['an alias naming another actor', changed(isActor(2), (r) => ({ ...r, names: [...(r.names as object[]), { name: 'SYRIA', primary: false }] })), /^line \d+: actor 2: `names` item \d+ \(SYRIA\) already names actor 1 \(Syria\)/],
    ['an alias with a control character', changed(isActor(1), (r) => ({ ...r, names: [...(r.names as object[]), { name: 'Sy\u0007ria', primary: false }] })), /^line \d+: actor 1: `names` item \d+ \(Sy␇ria\) must be text without control characters/],
  ])('WHEN it has %s THEN it is refused in one line naming the record and the fix, and no store is created', async (_, change, message) => {
    const records = (await exportBundle(source)).trimEnd().split('\n').map((line) => JSON.parse(line) as BundleLine);
    const target = join(dir, 'new.db');
    const result = await importInto(target, fileWith('bad.ndjson', `${change(records).map((r) => JSON.stringify(r)).join('\n')}\n`));
    // A refusal found while loading is followed by the line saying no store was created.
    const lines = result.stderr.trim().split('\n').filter((line) => line !== `No store was created at ${target}.`);
    expect(result.stderr).not.toContain('Creating a new store');
    if (result.stderr.includes('to load it into a new store')) expect(result.stderr.trim().split('\n').at(-1)).toBe(`No store was created at ${target}.`);
    const reason = lines.at(-1)!.replace(/^Cannot import bad\.ndjson \(bundle\): /, '').replace(/\. Nothing was written\.$/, '');
    expect(reason).toMatch(message);
    expect(result.status).toBe(2);
    expect(existsSync(target)).toBe(false);
  });

  it('WHEN loaded into an existing store that holds no dossier THEN it is checked the same, and the store is left as it was', async () => {
    const records = (await exportBundle(source)).trimEnd().split('\n').map((line) => JSON.parse(line) as BundleLine);
    const target = join(dir, 'empty.db');
    openDatabase(target).close();
    const bad = changed(isEntry1, (r) => ({ ...r, occurred_on: '2025-13-45' }))(records);
    const result = await importInto(target, fileWith('bad.ndjson', `${bad.map((r) => JSON.stringify(r)).join('\n')}\n`));
    expect(result.stderr).toMatch(/^Cannot import bad\.ndjson \(bundle\): line \d+: entry 1: `occurred_on` must be a date like 2025, 2025-07 or 2025-07-12 — got `2025-13-45`\. There is no month 13: months run from 01 to 12\. Nothing was written\.\n$/);
    expect(result.status).toBe(2);
    const check = new Database(target, { readonly: true });
    try {
      expect(check.prepare('SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM places)').pluck().get()).toBe(0);
    } finally {
      check.close();
    }
  });
});
