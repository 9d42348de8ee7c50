// GIVEN places with coordinates (as a gazetteer would give them), WHEN /chart map runs through the
// command layer, THEN it maps the located places and names the others; without coordinates it
// says how places get located.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import type { ChartFilter } from '../../src/core/charts/chart-data-port.js';
import type { PlaceCoordinates } from '../../src/core/charts/locate.js';
import { silentLogger } from '../../src/core/logger.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { SqliteChartQueries } from '../../src/store/chart-queries.js';
import { pngSize } from '../support/png.js';
import { copySeededStore } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';

const KNOWN: Record<string, { lat: number; lon: number }> = {
  paris: { lat: 48.86, lon: 2.35 },
  damascus: { lat: 33.51, lon: 36.29 },
  'sweida province': { lat: 32.71, lon: 36.57 },
  // Only the 1948 entry (#1) is at Israel.
  israel: { lat: 31.5, lon: 34.9 },
};
const gazetteer: PlaceCoordinates = {
  coordinatesOf: (keys) => new Map(keys.flatMap((key) => (KNOWN[key] ? [[key, KNOWN[key]] as const] : []))),
};
const operator = { platform: 'console', userId: 'operator', localOperator: true };

let dir: string;
let app: App;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-map-'));
  copySeededStore(join(dir, 'sitrep.db'));
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: [], logger: silentLogger, placeCoordinates: gazetteer });
});
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const intro = (view: { intro?: Parameters<typeof lineToPlainText>[0][] }) => (view.intro ?? []).map(lineToPlainText);

describe('/chart map', DRAWING, () => {
  it('maps the located places, sized by entries, and says which are not located', async () => {
    const view = await app.dispatcher.runText('/chart map topic:syria-israel', operator);
    expect(view.title).toBe('Where entries happened — topic syria-israel, from 1 Jul 2024 to 26 Jul 2025');
    expect(view.image?.alt).toMatch(/^Map of 3 located places from 1 Jul 2024 to 26 Jul 2025, each sized by its entries \(an entry naming several places counts at each\) and coloured by its latest event type; the busiest: .*Paris \d+.*; 7 places without coordinates are not shown\. /);
    // The colours say each place's type: the alt text says it in words.
    expect(view.image?.alt).toMatch(/ Latest event types: Statement at 2 places \(Paris and Sweida province\); Air\/drone strike at 1 place \(Damascus\)\.$/);
    // The picture's alt text describes it; the text under the title does not say it again.
    expect(intro(view).join('\n')).not.toContain('Map of 3 located places');
    expect(pngSize(await view.image!.png())).toEqual(CHART_SIZES.map);
    expect(view.buttons?.map((b) => b.label)).toEqual(['Chart data as text']);
    // The places left out are named, with the command that gives one coordinates.
    expect(intro(view)[0]).toMatch(/^Without coordinates: [^.]+ and 2 more\.$/);
    expect(intro(view)[1]).toMatch(/^An admin gives one coordinates by naming the gazetteer place it stands for: \/places locate name:"[^"]+" as:"…", or by pinning it: \/places locate name:"[^"]+" at:"LAT, LON" in:…\.$/);
  });

  it('with no place located names those that are not, and how to locate one', async () => {
    const view = await app.dispatcher.runText('/chart map topic:syria-israel since:1967 until:1967', operator);
    expect(intro(view)[0]).toBe('1 place has matching entries, but none has coordinates, so there is nothing to map.');
    expect(intro(view)[1]).toBe('Without coordinates: Golan Heights.');
    expect(intro(view)[2]).toBe('An admin gives one coordinates by naming the gazetteer place it stands for: /places locate name:"Golan Heights" as:"…", or by pinning it: /places locate name:"Golan Heights" at:"LAT, LON" in:….');
  });

  it('gives the figures with data:true as lines, one place per line, each figure named', async () => {
    const view = await app.dispatcher.runText('/chart map data:true', operator);
    const rows = view.sections[0]!.lines.map(lineToPlainText);
    // Read by a screen reader line by line: no header to remember, no padding read as cells.
    expect(rows).toContain('Paris: 3 entries; latest event type Statement; latitude 48.86, longitude 2.35');
    for (const row of rows) expect(row).toMatch(/^\S.*: \d+ entr(y|ies); latest event type [^;]+; latitude -?\d+\.\d\d, longitude -?\d+\.\d\d$/);
    expect(rows.join('\n')).not.toMatch(/ {2}/);
    expect(view.image).toBeUndefined();
  });

  it('without dates covers the year up to the newest matching entry from the first day of the timeline chart’s first period, and names that period', async () => {
    // The seed's newest syria-israel entry is of 26 Jul 2025; its oldest, at Israel, of 1948.
    const places = (view: View) => view.sections[0]!.lines.map((line) => lineToPlainText(line).split(': ')[0]);
    const lastYear = await app.dispatcher.runText('/chart map topic:syria-israel data:true', operator);
    // The timeline chart of the same filters is by month, from Jul 2024: the map covers its days.
    expect(lastYear.title).toBe('Data — Where entries happened — topic syria-israel, from 1 Jul 2024 to 26 Jul 2025');
    expect(intro(lastYear)[0]).toContain(' places from 1 Jul 2024 to 26 Jul 2025, each sized');
    expect(places(lastYear)).not.toContain('Israel');
    const sinceGiven = await app.dispatcher.runText('/chart map topic:syria-israel since:1948 data:true', operator);
    expect(sinceGiven.title).toBe('Data — Where entries happened — topic syria-israel, from 1 Jan 1948 to 26 Jul 2025');
    expect(places(sinceGiven)).toContain('Israel');
    const untilGiven = await app.dispatcher.runText('/chart map topic:syria-israel until:1948 data:true', operator);
    // The timeline chart of until:1948 is by week, from the Monday of its first week.
    expect(untilGiven.title).toBe('Data — Where entries happened — topic syria-israel, from 29 Dec 1947 to 31 Dec 1948');
    expect(places(untilGiven)).toEqual(['Israel']);
    // A year before until holds no entry: the map runs from the year before the newest (not all time before until) to until.
    const yearBefore = await app.dispatcher.runText('/chart map topic:syria-israel until:1950 data:true', operator);
    expect(yearBefore.title).toBe('Data — Where entries happened — topic syria-israel, from 1 Jan 1948 to 31 Dec 1950');
    expect(places(yearBefore)).toEqual(['Israel']);
    const bothGiven = await app.dispatcher.runText('/chart map since:2025-07-12 until:2025-07-12', operator);
    expect(bothGiven.title).toBe('Where entries happened — on 12 Jul 2025');
  });

  it('names its period with both ends at one precision: days when a month given runs up to the newest entry’s day', async () => {
    const monthSince = await app.dispatcher.runText('/chart map topic:syria-israel since:2025-07 data:true', operator);
    expect(monthSince.title).toBe('Data — Where entries happened — topic syria-israel, from 1 Jul 2025 to 26 Jul 2025');
    expect(intro(monthSince)[0]).toContain(' from 1 Jul 2025 to 26 Jul 2025, each sized');
    const monthsGiven = await app.dispatcher.runText('/chart map topic:syria-israel since:2024-07 until:2025-06', operator);
    expect(monthsGiven.title).toBe('Where entries happened — topic syria-israel, from Jul 2024 to Jun 2025');
  });

  it('says there is nothing to map when no matching entry has a place', async () => {
    const view = await app.dispatcher.runText('/chart map since:2030', operator);
    expect(intro(view)).toEqual(['No entries with places match, so there is nothing to map.']);
    expect(view.image).toBeUndefined();
  });
});

describe('the places a map draws', DRAWING, () => {
  it("colours each place by its newest entry within the chart's range", () => {
    const queries = new SqliteChartQueries(app.db);
    const paris = (filter: ChartFilter) => queries.placeActivity(filter).find((p) => p.placeKey === 'paris');
    // Paris in the seed: #15 (talks, Jul 2025), #14 (statement, 24 Jul), #16 (statement, 26 Jul).
    expect(paris({ topic: 'syria-israel' })).toMatchObject({ name: 'Paris', entries: 3, latestType: 'statement' });
    expect(paris({ topic: 'syria-israel', until: '2025-07-23' })).toMatchObject({ entries: 1, latestType: 'talks' });
    expect(paris({ topic: 'syria-israel', since: '2026-01-01' })).toBeUndefined();
  });
});
