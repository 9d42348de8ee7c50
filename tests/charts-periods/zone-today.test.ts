// GIVEN a bot whose zone is Pacific/Pago_Pago, at 18:00 on Saturday 5 Dec 2026 there (already 6
// Dec in UTC), WHEN /chart timeline counts up to today, THEN today is Pago Pago's day, as
// /timeline until:today reads it; and an entry or trend call a channel whose day is already later
// (UTC) dated 6 Dec is named as not on the chart yet, not left out silently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';

import { DRAWING } from '../support/drawing.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE, introLines } from '../support/view-text.js';

const clock = new Date('2026-12-06T05:00:00Z');
const pagoPago: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'pacific', displayName: 'Ana' };
const london: Caller = { ...pagoPago, channelId: 'london' };

let dir: string;
let app: App;
const run = (line: string, caller = pagoPago) => app.dispatcher.runText(line, caller);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-zone-today-'));
  copySeededStore(join(dir, 'sitrep.db'), clock);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana'), logger: silentLogger, now: () => clock, timezone: 'Pacific/Pago_Pago' });
  expect(viewText(await run('/entry add title:"Cyclone warning" date:2026-12-01 type:statement topic:pacific'))).not.toMatch(REFUSAL_TITLE);
});
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/chart timeline west of UTC', DRAWING, () => {
  it('counts up to the channel’s today, not the UTC day', async () => {
    const view = await run('/chart timeline topic:pacific data:true');
    expect(introLines(view)).toContain('The week starting 30 Nov 2026 is not over: it is counted up to today, 5 Dec 2026.');
    expect(viewText(view)).not.toContain('6 Dec 2026');
    expect(viewText(view)).not.toContain('dated after today');
  });

  it('names what a channel whose day is later dated after today here', async () => {
    expect(viewText(await run('/digest subscribe schedule:"daily 08:00" timezone:Europe/London', london))).not.toMatch(REFUSAL_TITLE);
    expect(viewText(await run('/entry add title:"Cyclone landfall" date:2026-12-06 type:statement topic:pacific', london))).not.toMatch(REFUSAL_TITLE);
    expect(viewText(await run('/trend set topic:pacific direction:deteriorated note:"Cyclone"', london))).not.toMatch(REFUSAL_TITLE);
    const view = await run('/chart timeline topic:pacific data:true');
    expect(introLines(view)).toContain('The week starting 30 Nov 2026 is not over: it is counted up to today, 5 Dec 2026.');
    expect(introLines(view)).toContain('1 entry and 1 trend call dated after today here (5 Dec 2026 in Pacific/Pago_Pago), by a channel whose day is already later, are not on this chart yet.');
    // The channel whose day it is charts them.
    const there = await run('/chart timeline topic:pacific data:true', london);
    expect(introLines(there)[0]).toMatch(/^Bar chart of 2 entries per week /);
    expect(introLines(there).join('\n')).not.toContain('dated after today');
  });
});
