// GIVEN entries of mid-2025 and today 5 Dec 2026, WHEN /chart timeline or /chart map is asked
// with until alone, THEN the range ends at until (at most today) and starts where the entries
// do, so they are charted as /timeline lists them; and without dates the map covers the days the
// timeline chart draws, an entry it counts mapped too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import type { PlaceCoordinates } from '../../src/core/charts/locate.js';
import { silentLogger } from '../../src/core/logger.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { DRAWING } from '../support/drawing.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE, introLines } from '../support/view-text.js';

const KNOWN: Record<string, { lat: number; lon: number }> = {
  beirut: { lat: 33.89, lon: 35.5 },
  damascus: { lat: 33.51, lon: 36.29 },
  amman: { lat: 31.95, lon: 35.93 },
};
const gazetteer: PlaceCoordinates = { coordinatesOf: (keys) => new Map(keys.flatMap((key) => (KNOWN[key] ? [[key, KNOWN[key]] as const] : []))) };
const today = new Date('2026-12-05T12:00:00Z');
const desk: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, desk);
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);

let dir: string;
let app: App;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-until-only-'));
  copySeededStore(join(dir, 'sitrep.db'), today);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana'), logger: silentLogger, placeCoordinates: gazetteer, now: () => today });
  for (const line of [
    '/entry add title:"Talks in Beirut" date:2025-06-10 type:talks topic:newsroom places:Beirut',
    '/entry add title:"Talks in Damascus" date:2025-07-15 type:talks topic:newsroom places:Damascus',
    // The seed dossier's shape: more entries dated only to a month than to a day, so the default timeline is by month.
    '/entry add title:"Early July meeting" date:2024-07-10 type:talks topic:levant places:Beirut',
    '/entry add title:"Late July meeting" date:2025-07-26 type:talks topic:levant places:Damascus',
    ...['Spring talks', 'Spring visit', 'Spring statement'].map((title) => `/entry add title:"${title}" date:2025-03 type:talks topic:levant places:Amman`),
  ]) {
    expect(viewText(await run(line))).not.toMatch(REFUSAL_TITLE);
  }
});
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/chart with until alone', DRAWING, () => {
  it('charts the entries /timeline lists up to until, from where they start to until', async () => {
    expect(viewText(await run('/timeline topic:newsroom until:2026-09'))).toContain('Talks in Damascus');
    const view = await run('/chart timeline topic:newsroom until:2026-09 data:true');
    expect(introLines(view)[0]).toMatch(/^Bar chart of 2 entries per month from Jun 2025 to Sep 2026, /);
    expect(rows(view).slice(1, 3)).toEqual([expect.stringMatching(/^Jun 2025 +1 {2}Talks\/negotiation 1$/), expect.stringMatching(/^Jul 2025 +1 {2}Talks\/negotiation 1$/)]);
  });

  it('maps them up to today, not up to an until after it, and names the period so', async () => {
    const view = await run('/chart map topic:newsroom until:2027 data:true');
    expect(view.title).toBe('Data — Where entries happened — topic newsroom, from 1 Jun 2025 to 5 Dec 2026');
    expect(introLines(view)[0]).toMatch(/^Map of 2 located places from 1 Jun 2025 to 5 Dec 2026, /);
  });
});

describe('/chart map without dates', DRAWING, () => {
  it('covers the days the timeline chart draws: an entry in its first month is mapped too', async () => {
    const timeline = await run('/chart timeline topic:levant data:true');
    expect(introLines(timeline)[0]).toContain('per month from Jul 2024 to Jul 2025');
    expect(rows(timeline)[1]).toMatch(/^Jul 2024 +1 {2}Talks\/negotiation 1$/);
    const map = await run('/chart map topic:levant data:true');
    expect(map.title).toBe('Data — Where entries happened — topic levant, from 1 Jul 2024 to 26 Jul 2025');
    expect(rows(map).map((row) => row.split(': ')[0])).toEqual(['Amman', 'Beirut', 'Damascus']);
  });
});
