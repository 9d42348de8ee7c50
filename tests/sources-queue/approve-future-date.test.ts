// GIVEN a candidate WHEN an admin types an approval with a date in the future THEN it is refused
// for that date alone: its order against the report's publication is not asked, and no command
// is suggested that repeats the refused day (it would be refused again); with the item dated
// ahead too, the command suggested leaves both days to give. Nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { BAKU } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

/** Published 22 Jul 2025 by its feed; the clock says 20 Jul. */
const AHEAD: ScriptedItem = { guid: 'levant-ahead', title: 'Drone strike kills 3 near Quneitra', link: 'https://levant.example/2025/07/22/quneitra-strike', published: '2025-07-22T08:30:00Z' };

async function candidate(item: ScriptedItem): Promise<number> {
  feeds.serve('/levant.xml', 'Levant Wire', [item]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  return QueueApp.idAfter(await queue.text('/sources check id:1'), 'candidate');
}

describe('GIVEN a candidate published on 18 Jul 2025', () => {
  it('WHEN approved with a date in the future THEN only that is refused, with no command repeating it', async () => {
    const id = await candidate(BAKU);
    const said = await queue.refused(`/review approve id:${id} date:2031-07-20`);
    expect(said).toContain('Option `date` is in the future — got `20 Jul 2031`; today is 20 Jul 2025 (UTC).');
    expect(said).not.toContain('is after the day the source');
    expect(said).not.toContain('date:2031-07-20');
  });
});

describe('GIVEN a candidate its feed dates two days ahead', () => {
  it('WHEN approved with a date in the future THEN the command suggested leaves both days to give', async () => {
    const id = await candidate(AHEAD);
    const said = await queue.refused(`/review approve id:${id} date:2031-07-20`);
    expect(said).toContain('Option `date` is in the future — got `20 Jul 2031`');
    expect(said).toContain('Option `published` is in the future — got `22 Jul 2025`');
    expect(said).toContain(`Give both days in the card's Edit form, or type them: \`/review approve id:${id} date:… published:…\``);
    expect(said).not.toContain('date:2031-07-20');
  });
});
