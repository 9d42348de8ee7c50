// A place name the gazetteer does not hold is answered with the closest spellings, those in the
// dossier's own countries first; and the press spelling `Izraa` is Syria's Izra‘.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const reader: Caller = { platform: 'discord', userId: '42', workspaceId: 'g1', channelId: 'c1' };
let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.dispose());

const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN the seed dossier, whose located places are in Syria, Israel and France', () => {
  it('WHEN a misspelt name is close to places in Jordan and in Syria THEN Syria’s is offered first', async () => {
    const text = await reply('/place Izrra');
    expect(text).toMatch(/Closest in the gazetteer: Izra‘ \(Syria\) — Daraa, Syria \(locality\); ‘Izrā \(Jordan\) — Karak, Jordan \(locality\)\./);
  });

  it('WHEN the press spelling Izraa is typed THEN it is Izra‘ in Daraa', async () => {
    const text = await reply('/place Izraa');
    expect(text).toContain('Izra‘');
    expect(text).toMatch(/Region\s+Daraa/);
  });
});
