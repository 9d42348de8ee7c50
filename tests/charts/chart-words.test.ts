// GIVEN charts whose figures are unknown, zero or tied, WHEN their alt text and Data table say
// them in words, THEN a period with no figure is not named as the most, no "most" is claimed
// where every figure is 0, ties are named whole or counted, and a run of empty weeks ends on its
// last day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { LocatedPoint } from '../../src/core/charts/chart.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { mapAlt } from '../../commands/chart/map.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);

beforeAll(async () => {
  app = createTestApp('memory:ana', () => new Date('2025-09-01T09:00:00Z'));
  for (const line of [
    '/entry add title:"Quiet patrol" date:2025-06-10 type:other topic:quiet fatalities:0 fatalities_source:"Observers"',
    '/entry add title:"Unreported clash" date:2025-06-18 type:armed-clash topic:quiet',
    '/entry add title:"First clash" date:2025-06-03 type:armed-clash topic:tied fatalities:3 fatalities_source:"Observers"',
    '/entry add title:"Second clash" date:2025-06-17 type:armed-clash topic:tied fatalities:3 fatalities_source:"Observers"',
  ]) {
    expect((await run(line)).tone).toBe('success');
  }
});
afterAll(() => app?.dispose());

describe('a timeline chart’s fatality line in words', DRAWING, () => {
  it('claims no most when every figure is 0, and names no week without a figure', async () => {
    const view = await run('/chart timeline topic:quiet since:2025-06-02 until:2025-06-29 by:week data:true');
    expect(introLines(view)[0]).toMatch(/; a line of fatalities \(best estimates\), 0 in all\.$/);
  });

  it('names the weeks tied for the most, each with its figure', async () => {
    const view = await run('/chart timeline topic:tied since:2025-06-02 until:2025-06-29 by:week data:true');
    expect(introLines(view)[0]).toContain('; a line of fatalities (best estimates), 6 in all, most in the week starting 2 Jun 2025 and the week starting 16 Jun 2025 (3 each).');
  });
});

describe('a timeline chart’s Data table', DRAWING, () => {
  it('gives a run of empty weeks up to the last one’s Sunday', async () => {
    const view = await run('/chart timeline topic:tied since:2025-06-02 until:2025-07-27 by:week data:true');
    expect(rows(view).at(-1)).toMatch(/^23 Jun – 27 Jul 2025 +0$/);
  });
});

const place = (name: string, entries: number, lat = 35, lon = 36): LocatedPoint => ({ name, lat, lon, entries, latestType: 'talks' });

describe('a map’s alt text', () => {
  it('names a tie whole, and counts the tie that would be cut', () => {
    const others = ['Amman', 'Beirut', 'Daraa', 'Deir ez-Zor', 'Hama', 'Hasakah', 'Homs', 'Idlib', 'Irbid', 'Latakia', 'Palmyra', 'Qamishli', 'Quneitra', 'Sidon', 'Sweida', 'Tyre'];
    const points = [place('Aleppo', 9), place('Damascus', 9), place('Raqqa', 9), ...others.map((name) => place(name, 5))];
    expect(mapAlt(points, [], 'in 2025')).toBe(
      'Map of 19 located places in 2025, each sized by its entries (an entry naming several places counts at each) and coloured by its latest event type; the busiest: Aleppo, Damascus and Raqqa 9 each; 16 more places 5 each. Latest event type: Talks/negotiation at every place.',
    );
  });

  it('calls no place the busiest when every place has as many entries', () => {
    const points = [place('Apia', 1), place("Nuku'alofa", 1), place('Pago Pago', 1), place('Suva', 1)];
    expect(mapAlt(points, [], 'in 2025')).toContain('coloured by its latest event type; 4 places, 1 each: Apia, Nuku\'alofa, Pago Pago and Suva.');
  });

  it('names places of different counts busiest first, as before', () => {
    const points = [place('Paris', 3), place('Damascus', 2), place('Sweida province', 1)];
    expect(mapAlt(points, [], 'in 2025')).toContain('; the busiest: Paris 3, Damascus 2, Sweida province 1.');
  });
});
