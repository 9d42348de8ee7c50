// GIVEN an entry whose source address is longer than a Discord embed field (an Arabic Wikipedia
// page, percent-encoded), or several sources whose links each fill most of a field, WHEN someone
// runs /entry show or /digest preview through the real discord.js client, THEN every source's
// address reaches them: as a link where one fits in a field, otherwise as text they can copy.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const stamp = () => ({ by: 'test', at: new Date().toISOString() });
/** 200 characters as typed; 1,070 once stored percent-encoded, more than a field's 1,024. */
const ARABIC_URL = `https://ar.wikipedia.org/wiki/${'اتفاق_فك_الاشتباك_بين_سوريا_وإسرائيل_'.repeat(6).slice(0, 200)}`;
const fieldValues = (answer: Answer) => answer.body.embeds!.flatMap((e) => (e.fields ?? []).map((f) => f.value));
/** The fields' text as a reader copies it: field breaks and code markers gone. */
const copied = (answer: Answer) => fieldValues(answer).join('').replace(/`/g, '');

describe('source addresses on Discord', () => {
  it('/entry show shows an address too long for a field as text, whole across fields', async () => {
    const added = await h.slash('entry', { title: 'Arabic source', date: '2025-07-12', type: 'talks', topic: 'edge', source_url: ARABIC_URL, outlet: 'ويكيبيديا', summary: 's' }, { subcommand: 'add' });
    const id = Number(/#(\d+)/.exec(added.body.embeds![0]!.title!)![1]);
    const stored = h.app.dossier.getEntry(id)!.sources[0]!.url!;
    expect(stored.length).toBeGreaterThan(1024);
    const answer = await h.slash('entry', { id }, { subcommand: 'show' });
    expect(copied(answer)).toContain(`\u2068ويكيبيديا\u2069 (${stored})`);
  });

  it('/entry show links every one of four sources whose links each fill most of a field', async () => {
    const sources = [1, 2, 3, 4].map((i) => ({
      outlet: `Outlet ${i}`,
      url: `https://news.example.org/2025/07/12/story-${i}?${'utm_source=x&utm_medium=y&ref=abcdefghij&'.repeat(9)}`,
      attribution: 'a senior official speaking on condition of anonymity '.repeat(5).trim(),
      published: '2025-07-12',
    }));
    const id = h.app.services.editor.addEntry(
      { topic: 'edge', title: 'Four sources', summary: 's', eventType: 'talks', start: { year: 2025, month: 7, day: 12 }, confidence: 'reported', places: [], actors: [], sources, tags: [] },
      stamp(),
    );
    const answer = await h.slash('entry', { id }, { subcommand: 'show' });
    const values = fieldValues(answer).join('\n');
    for (const s of sources) expect(values).toContain(`[${s.outlet}](${s.url})`);
  });

  it('/digest preview shows the address of an entry’s source too', async () => {
    await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
    const added = await h.slash('entry', { title: 'Digest source', date: '2025-07-13', type: 'talks', topic: 'edge', source_url: ARABIC_URL, outlet: 'Wikipedia', summary: 's' }, { subcommand: 'add' });
    const id = Number(/#(\d+)/.exec(added.body.embeds![0]!.title!)![1]);
    const stored = h.app.dossier.getEntry(id)!.sources[0]!.url!;
    const answer = await h.slash('digest', {}, { subcommand: 'preview' });
    expect(copied(answer)).toContain(`Wikipedia (${stored})`);
  });
});
