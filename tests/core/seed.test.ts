import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/store/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.dispose());

function entryByTitle(title: string) {
  const row = app.db.prepare('SELECT id FROM entries WHERE title = ?').get(title) as { id: number } | undefined;
  expect(row, `seed entry "${title}"`).toBeDefined();
  return app.dossier.getEntry(row!.id)!;
}

function actorProfile(name: string) {
  const [match] = app.dossier.findActors(name, 1);
  expect(match?.name).toBe(name);
  return app.dossier.getActorProfile(match!.id)!;
}

describe('GIVEN a new store seeded from the Paris-talks article', () => {
  it('THEN historical facts keep year precision', () => {
    expect(entryByTitle('Syria and Israel technically at war').start).toEqual({ year: 1948 });
    expect(entryByTitle('Israel occupies the Syrian Golan Heights').start).toEqual({ year: 1967 });
    expect(entryByTitle('1974 disengagement agreement establishes the buffer zone').start).toEqual({ year: 1974 });
  });

  it('THEN the buffer-zone deployment is December 2024 and the Baku meeting 12 July 2025', () => {
    expect(entryByTitle('Israel deploys troops into the UN-patrolled Golan buffer zone').start).toEqual({ year: 2024, month: 12 });
    const baku = entryByTitle('Syrian and Israeli officials meet in Baku');
    expect(baku.start).toEqual({ year: 2025, month: 7, day: 12 });
    expect(baku.places).toEqual(['Baku', 'Azerbaijan']);
  });

  it('THEN "Thursday" is 24 July 2025 and "Saturday" the publication day, 26 July 2025', () => {
    expect(entryByTitle('Barrack says he held talks with Syrian and Israeli officials in Paris').start).toEqual({ year: 2025, month: 7, day: 24 });
    expect(entryByTitle('Syrian source confirms Paris talks with Israeli officials').start).toEqual({ year: 2025, month: 7, day: 26 });
  });

  it('THEN confidence follows the article’s wording', () => {
    expect(entryByTitle('Syrian and Israeli officials meet in Baku').confidence).toBe('reported');
    expect(entryByTitle('Diplomat: Barrack to facilitate al-Shaibani–Dermer talks').confidence).toBe('reported');
    expect(entryByTitle('Syrian source confirms Paris talks with Israeli officials').confidence).toBe('confirmed');
  });

  it('THEN each entry keeps its attribution as reported', () => {
    const paris = entryByTitle('US-mediated Syria–Israel talks in Paris');
    expect(paris.sources[0]).toMatchObject({
      outlet: 'Syrian state television',
      attribution: 'Syrian diplomatic source, to state television',
      published: '2025-07-26',
    });
    const afp = entryByTitle('Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    expect(afp.sources[0]).toMatchObject({ outlet: 'AFP', attribution: 'Senior diplomat, to AFP' });
    // A forecast (“would facilitate”) of talks: those it names are its subjects, not parties to talks held.
    expect(afp.actors.map((a) => `${a.name}:${a.role}`)).toEqual(['Tom Barrack:subject', 'Asaad al-Shaibani:subject', 'Ron Dermer:subject']);
  });

  it('THEN people and bodies are actors with titles, aliases and affiliations', () => {
    const shaibani = actorProfile('Asaad al-Shaibani');
    expect(shaibani.affiliation?.name).toBe('Syrian Ministry of Foreign Affairs');
    expect(shaibani.title).toBe('Foreign Minister of Syria');
    expect(actorProfile('Ron Dermer').affiliation?.name).toBe('Israel');
    expect(actorProfile('Tom Barrack').title).toBe('US special envoy for Syria');
    expect(actorProfile('Ahmed al-Sharaa').aliases).toContain('al-Sharaa');
    expect(actorProfile('Syrian General Intelligence Service').affiliation?.name).toBe('Syria');
  });

  it('THEN every change is on record as a revision by the seed', () => {
    const entries = app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
    const revisions = app.db.prepare("SELECT count(*) FROM revisions WHERE entity = 'entry' AND changed_by = 'seed'").pluck().get();
    expect(entries).toBeGreaterThanOrEqual(15);
    expect(revisions).toBe(entries);
  });

  it('WHEN seeding runs again THEN nothing changes', () => {
    const count = () => app.db.prepare('SELECT (SELECT count(*) FROM entries) || \'/\' || (SELECT count(*) FROM actors) || \'/\' || (SELECT count(*) FROM revisions)').pluck().get();
    const before = count();
    expect(seedDatabase(app.db)).toEqual([]);
    expect(count()).toBe(before);
  });
});
