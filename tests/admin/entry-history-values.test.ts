// GIVEN an entry corrected several times WHEN anyone reads /entry history THEN each correction
// shows what it changed, from what to what (a toll corrected twice keeps its middle figure in the
// record), and an undo shows what it brought back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };
const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN a strike whose toll was corrected twice', () => {
  it('WHEN anyone reads its history THEN every figure it held is there, each correction from → to, and the undo too', async () => {
    await run('/entry add title:"Strike near Quneitra" date:2025-08-01 type:air-strike topic:syria-israel places:Quneitra fatalities:"3-4-6" fatalities_source:SANA');
    await run('/entry edit id:18 fatalities:"2-6-6" fatalities_source:"SANA; IDF says 2"');
    await run('/entry edit id:18 fatalities:"2-5-6" fatalities_source:"SOHR, to Reuters" confidence:confirmed');
    await run('/entry undo id:18');
    const history = await run('/entry history id:18', reader);
    expect(history).toMatch(/r\d+`? .* edit by ed \(Slack\) — fatalities\n +Fatalities: 4 \(3 to 6\) — SANA → 6 \(2 to 6\) — SANA; IDF says 2\n/);
    expect(history).toMatch(/— confidence, fatalities\n +Confidence: reported → confirmed\n +Fatalities: 6 \(2 to 6\) — SANA; IDF says 2 → 5 \(2 to 6\) — SOHR, to Reuters\n/);
    expect(history).toMatch(/\(undo of r\d+, an edit\)\n +Confidence: confirmed → reported\n +Fatalities: 5 \(2 to 6\) — SOHR, to Reuters → 6 \(2 to 6\) — SANA; IDF says 2\n/);
  });

  it('WHEN its summary was rewritten THEN the history shows each end by its start, and /entry diff has it whole', async () => {
    const long = `${'The strike hit a house on the edge of the town. '.repeat(4)}End.`;
    await run(`/entry add title:"Strike near Quneitra" date:2025-08-01 type:air-strike topic:syria-israel places:Quneitra summary:"${long}"`);
    await run('/entry edit id:18 summary:"A house was hit."');
    const history = await run('/entry history id:18', reader);
    expect(history).toMatch(/Summary: The strike hit a house on the edge of the town\. .{40,}…\s→ A house was hit\./);
    expect(history).not.toContain('End.');
  });

  it('WHEN its place was corrected THEN the history keeps how each place it showed was located, the one edited away too', async () => {
    await run('/entry add title:"Strike near Quneitra" date:2025-08-01 type:air-strike topic:syria-israel places:Quneitra');
    await run('/entry edit id:18 places:"Khan Arnabeh"');
    const history = await run('/entry history id:18', reader);
    expect(history).toMatch(/Places located\n.* · Quneitra: located — Al Qunayţirah, Quneitra, Syria \(locality\), by ed \(Slack\)\n.* · Khan Arnabeh: located — Khān Arnabah, Quneitra, Syria \(locality\)/);
    expect(history).toMatch(/Places: \+ Khan Arnabeh, − Quneitra/);
  });
});
