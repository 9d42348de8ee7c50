import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { CliIo } from '../../src/cli-io.js';
import type { LocatedPlace } from '../../src/transfer/acled-geo.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// ACLED's columns, in order, as the ACLED Codebook lists them ("Table 1: Data Columns",
// https://acleddata.com/methodology/acled-codebook), copied here by hand from the codebook.
const CODEBOOK_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];

// A gazetteer's answers for the places used below; the lead's gazetteer is connected the same way.
const GAZETTEER: Record<string, LocatedPlace> = {
  Quneitra: { countryCode: 'SY', country: 'Syria', region: 'Middle East', admin1: 'Quneitra', location: 'Quneitra', latitude: 33.12569, longitude: 35.82444, precision: 'locality' },
  'Golan Heights': { countryCode: 'SY', country: 'Syria', admin1: 'Quneitra', location: 'Golan Heights', latitude: 33, longitude: 35.75, precision: 'region' },
  Syria: { countryCode: 'SY', country: 'Syria', location: 'Syria', precision: 'country' },
};
const locate = (place: string) => GAZETTEER[place];

const NOW = new Date('2026-03-01T10:00:00Z');
const TIMESTAMP = String(NOW.getTime() / 1000);
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const TOPIC = 'acled-check';

/** One entry per Sitrep type, each a case of the mapping; added in this order (ids 18…). */
const ENTRIES = [
  'title:"Clash near Quneitra" date:2025-08-05 type:armed-clash places:"Golan Heights, Quneitra" actors:"Israel Defense Forces:initiator, Local armed group:target" outlet:AFP fatalities:"3-5-9" fatalities_source:"Medics, to AFP" summary:"Forces clashed near Quneitra."',
  'title:"Strikes in August" date:2025-08 type:air-strike places:Syria actors:"Israel:initiator, Syria:target" outlet:AFP',
  'title:"Shelling over three days" date:2025-08-06 end:2025-08-08 type:shelling actors:"Israel Defense Forces:initiator" outlet:AFP',
  'title:"Troops move into the buffer zone" date:2025-08-09 type:incursion places:"Golan Heights" actors:"Israel:initiator, Israel Defense Forces:initiator, Syria:target, United Nations:subject" outlet:AFP',
  'title:"Villagers attacked" date:2025-08-10 type:violence-against-civilians places:Quneitra actors:"Israel Defense Forces:initiator, Druze community of Syria:target" outlet:AFP fatalities:2 fatalities_source:AFP',
  'title:"Protest in Sweida" date:2025-08-11 type:protest actors:"Druze community of Syria:initiator" outlet:AFP',
  'title:"Talks in Baku" date:2025-08-12 type:talks actors:"United States:mediator, Syrian Ministry of Foreign Affairs:participant, Asaad al-Shaibani:participant, Israel:participant" outlet:AFP',
  'title:"Disengagement restored" date:2025-08-13 type:agreement actors:"Syria:participant, Israel:participant, United Nations:subject" outlet:AFP',
  'title:"Minister speaks" date:2025-08-14 type:statement actors:"Ron Dermer:initiator" outlet:AFP',
  'title:"Former ruler arrested" date:2025-08-15 type:arrest actors:"Syrian transitional government:initiator, Bashar al-Assad:target" outlet:AFP',
  'title:"Cabinet reshuffle" date:2025 type:political-change actors:"Bashar al-Assad:subject, Syria:subject" outlet:AFP',
  'title:"Aid convoy" date:2025-08-16 type:humanitarian actors:"United Nations:initiator" outlet:AFP',
  'title:"Envoy tours the region" date:2025-08-17 type:other actors:"Tom Barrack:initiator" outlet:AFP',
  'title:"Clashes in Sweida" date:2025-08-18 type:armed-clash actors:"Syrian transitional government:participant, Druze community of Syria:participant, Syria:participant" outlet:AFP',
];

let app: TestApp;
let exported: { status: number; stdout: string; stderr: string };
let rows: Record<string, string>[];
beforeAll(async () => {
  app = createTestApp('slack:U1', () => NOW);
  const run = async (text: string) => expect((await app.dispatcher.runText(text, admin)).tone).toBe('success');
  await run('/actors add name:"Local armed group" kind:armed-group');
  for (const fields of ENTRIES) await run(`/entry add topic:${TOPIC} ${fields}`);
  // A second source, which /entry add does not set.
  app.services.editor.editEntry(19, { sources: [{ outlet: 'AFP' }, { outlet: 'Reuters' }] }, { by: 'slack:U1', at: NOW.toISOString() });
  const withGazetteer = (argv: string[], io: CliIo) => runExport(argv, io, locate);
  exported = await runProgram(withGazetteer, ['--format', 'acled', '--topic', TOPIC], { SITREP_DB: app.dbPath });
  rows = parse(exported.stdout, { columns: true }) as Record<string, string>[];
});
afterAll(() => app.dispose());

/** An expected row: what the case sets, every other column empty. */
const row = (values: Record<string, string>) => ({
  ...Object.fromEntries(CODEBOOK_COLUMNS.map((column) => [column, ''])),
  source: 'AFP', fatalities: '0', timestamp: TIMESTAMP, ...values,
});
/** The row's id: the entry's stable key, marked as Sitrep's so that it is never one of ACLED's ids. */
const acledIdOf = (id: number) => `sitrep-${app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck().get(id) as string}`;
const rowOf = (id: number) => rows.find((r) => r.event_id_cnty === acledIdOf(id))!;
const STATE = 'State forces';
const NO_PLACE = {};
const SYRIA_COUNTRY = { iso: '760', country: 'Syria', location: 'Syria', geo_precision: '3' };

describe('GIVEN npm run export -- --format acled', () => {
  it('THEN the header is ACLED’s columns in the codebook’s order, and a statement, which ACLED does not record, is left out and counted', () => {
    expect(exported.status).toBe(0);
    expect(exported.stdout.split('\n')[0]).toBe(CODEBOOK_COLUMNS.join(','));
    expect(rows).toHaveLength(ENTRIES.length - 1);
    expect(exported.stderr).toContain(`Exported 13 entries of ${TOPIC} as acled.`);
    expect(exported.stderr).toContain('Left out 1 statement entry: ACLED records no such event (see "ACLED export" in the README).');
  });

  it.each([
    [18, 'armed-clash: the most precise located place, a known day, the lowest fatality figure; an armed group has no ACLED type', {
      event_date: '2025-08-05', year: '2025', time_precision: '1', disorder_type: 'Political violence', event_type: 'Battles', sub_event_type: 'Armed clash',
      actor1: 'Israel Defense Forces', inter1: STATE, actor2: 'Local armed group', iso: '760', region: 'Middle East', country: 'Syria', admin1: 'Quneitra', location: 'Quneitra',
      latitude: '33.1257', longitude: '35.8244', geo_precision: '1', notes: '5 Aug 2025: Forces clashed near Quneitra.', fatalities: '3',
    }],
    [19, 'air-strike: a month is dated at its middle with precision 3; a country-level place is precision 3; every outlet is a source', {
      ...SYRIA_COUNTRY, event_date: '2025-08-16', year: '2025', time_precision: '3', disorder_type: 'Political violence', event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike', actor1: 'Israel', inter1: STATE, actor2: 'Syria', inter2: STATE, interaction: 'State forces-State forces', source: 'AFP; Reuters',
      notes: 'Aug 2025: Strikes in August',
    }],
    [20, 'shelling: a three-day span is dated at its middle with precision 2; one actor only', {
      ...NO_PLACE, event_date: '2025-08-07', year: '2025', time_precision: '2', disorder_type: 'Political violence', event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Israel Defense Forces', inter1: STATE, interaction: 'State forces only', notes: '6 Aug 2025 – 8 Aug 2025: Shelling over three days',
    }],
    [21, 'incursion: a movement of forces; a second initiator is actor 1’s associate, a subject has no column', {
      event_date: '2025-08-09', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments',
      sub_event_type: 'Change to group/activity', actor1: 'Israel', assoc_actor_1: 'Israel Defense Forces', inter1: STATE, actor2: 'Syria', inter2: STATE, interaction: 'State forces-State forces',
      iso: '760', country: 'Syria', admin1: 'Quneitra', location: 'Golan Heights', latitude: '33.0000', longitude: '35.7500', geo_precision: '3', notes: '9 Aug 2025: Troops move into the buffer zone',
    }],
    [22, 'violence against civilians: civilians targeted, a community is Civilians', {
      event_date: '2025-08-10', year: '2025', time_precision: '1', disorder_type: 'Political violence', event_type: 'Violence against civilians', sub_event_type: 'Attack',
      actor1: 'Israel Defense Forces', inter1: STATE, actor2: 'Druze community of Syria', inter2: 'Civilians', interaction: 'State forces-Civilians', civilian_targeting: 'Civilians targeted',
      iso: '760', region: 'Middle East', country: 'Syria', admin1: 'Quneitra', location: 'Quneitra', latitude: '33.1257', longitude: '35.8244', geo_precision: '1',
      notes: '10 Aug 2025: Villagers attacked', fatalities: '2',
    }],
    [23, 'protest: a demonstration by one side, whose actor ACLED types as Protesters', {
      event_date: '2025-08-11', year: '2025', time_precision: '1', disorder_type: 'Demonstrations', event_type: 'Protests', sub_event_type: 'Peaceful protest',
      actor1: 'Druze community of Syria', inter1: 'Protesters', interaction: 'Protesters only', notes: '11 Aug 2025: Protest in Sweida',
    }],
    [24, 'talks: ACLED files talks under Agreement; participants side by the body they belong to, the mediator has no column', {
      event_date: '2025-08-12', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Agreement',
      actor1: 'Syrian Ministry of Foreign Affairs', assoc_actor_1: 'Asaad al-Shaibani', inter1: STATE, actor2: 'Israel', inter2: STATE, interaction: 'State forces-State forces',
      notes: '12 Aug 2025: Talks in Baku',
    }],
    [25, 'agreement', {
      event_date: '2025-08-13', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Agreement',
      actor1: 'Syria', inter1: STATE, actor2: 'Israel', inter2: STATE, interaction: 'State forces-State forces', notes: '13 Aug 2025: Disengagement restored',
    }],
    [27, 'arrest: a person is typed by the state it belongs to', {
      event_date: '2025-08-15', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Arrests',
      actor1: 'Syrian transitional government', inter1: STATE, actor2: 'Bashar al-Assad', inter2: STATE, interaction: 'State forces-State forces', notes: '15 Aug 2025: Former ruler arrested',
    }],
    [28, 'political change: a year is dated at its middle; subjects stand in when an entry names nobody else', {
      event_date: '2025-07-02', year: '2025', time_precision: '3', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Other',
      actor1: 'Bashar al-Assad', assoc_actor_1: 'Syria', inter1: STATE, interaction: 'State forces only', notes: '2025: Cabinet reshuffle',
    }],
    [29, 'humanitarian: an international organisation is External/Other forces', {
      event_date: '2025-08-16', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Other',
      actor1: 'United Nations', inter1: 'External/Other forces', interaction: 'External/Other forces only', notes: '16 Aug 2025: Aid convoy',
    }],
    [30, 'other', {
      event_date: '2025-08-17', year: '2025', time_precision: '1', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Other',
      actor1: 'Tom Barrack', inter1: STATE, interaction: 'State forces only', notes: '17 Aug 2025: Envoy tours the region',
    }],
    [31, 'armed clash among parties of one state: a battle has two sides; the state joins the government body that belongs to it; a community that fights is an identity militia', {
      event_date: '2025-08-18', year: '2025', time_precision: '1', disorder_type: 'Political violence', event_type: 'Battles', sub_event_type: 'Armed clash',
      actor1: 'Syrian transitional government', assoc_actor_1: 'Syria', inter1: STATE, actor2: 'Druze community of Syria', inter2: 'Identity militia', interaction: 'State forces-Identity militia',
      notes: '18 Aug 2025: Clashes in Sweida',
    }],
  ])('THEN entry #%i (%s) is the row worked out by hand', (id, _case, expected) => {
    expect(rowOf(id)).toEqual(row({ ...(expected as Record<string, string>), event_id_cnty: acledIdOf(id) }));
  });
});

describe('GIVEN npm run export -- --format csv', () => {
  it('THEN it keeps its columns, in their places, with the new fields after them', async () => {
    const csv = await runProgram(runExport, ['--format', 'csv', '--topic', TOPIC], { SITREP_DB: app.dbPath });
    expect(csv.stdout.split('\n')[0]).toBe(
      '\uFEFFevent_id,event_date,time_precision,event_type,actor1,actor2,location,source,notes,title,summary,date,end,type,topic,places,actors,source_url,outlet,attribution,published,more_sources,confidence,tags,' +
        'grade,fatalities,fatalities_source,claims,located,place_refs,revision',
    );
  });
});

describe('GIVEN npm run export -- --format acled with no locator given', () => {
  it('THEN the geography comes from the store’s located places: Damascus is a locality in Syria with its coordinates', async () => {
    const seeded = createTestApp('slack:U1', () => NOW);
    try {
      const out = await runProgram(runExport, ['--format', 'acled'], { SITREP_DB: seeded.dbPath });
      expect(out.status).toBe(0);
      const key = seeded.db.prepare('SELECT key FROM entries WHERE id = 10').pluck().get() as string;
      const strikes = (parse(out.stdout, { columns: true }) as Record<string, string>[]).find((r) => r.event_id_cnty === `sitrep-${key}`)!;
      expect(strikes).toMatchObject({ event_id_cnty: `sitrep-${key}`, iso: '760', country: 'Syria', location: 'Damascus', geo_precision: '1' });
      expect(Number(strikes.latitude)).toBeCloseTo(33.51, 1);
      expect(Number(strikes.longitude)).toBeCloseTo(36.29, 1);
    } finally {
      seeded.dispose();
    }
  });
});
