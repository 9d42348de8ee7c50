// /timeline lists the entries whose dates reach into since/until, and sums the fatalities of those
// on the page: the part of that sum from entries that only reach into the range (dated Jul 2025,
// listed from 29 Jul) is named, as their toll may lie mostly outside it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
const ADD = 'topic:south-syria outlet:OCHA';

beforeEach(async () => {
  app = createTestApp('slack:U1', () => new Date('2025-08-12T09:00:00Z'));
  await run(`/entry add title:"Clashes in Sweida city" date:2025-07-28 type:armed-clash fatalities:12-45-45 fatalities_source:SOHR ${ADD}`);
  await run(`/entry add title:"Shelling of Daraa countryside" date:2025-07-30 type:shelling fatalities:20-30-40 fatalities_source:Reuters ${ADD}`);
  await run(`/entry add title:"Clashes across Sweida province in July" date:2025-07 type:armed-clash fatalities:100-150-200 fatalities_source:OCHA ${ADD}`);
});
afterEach(() => app.dispose());

describe('GIVEN an entry dated to the month, with a toll, reaching into a range of days', () => {
  it('WHEN /timeline lists the range THEN the sum line says how much of it comes from that entry', async () => {
    expect(await run('/timeline topic:south-syria since:2025-07-29')).toContain(
      'Fatalities on this page: 180 (120 to 240), from 2 entries with figures, of which 150 (100 to 200) from 1 entry dated Jul 2025 that only reaches into this range.',
    );
    // Listed up to a day within its month, it reaches past the range's end: named alike.
    expect(await run('/timeline topic:south-syria until:2025-07-29')).toContain(
      'Fatalities on this page: 195 (112 to 245), from 2 entries with figures, of which 150 (100 to 200) from 1 entry dated Jul 2025 that only reaches into this range.',
    );
  });

  it('WHEN the range holds the whole month THEN the sum line names no part', async () => {
    expect(await run('/timeline topic:south-syria since:2025-07')).toContain('Fatalities on this page: 225 (132 to 285), from 3 entries with figures.');
  });
});
