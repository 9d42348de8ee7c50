// An edit naming an entry's outlet in another letter case keeps the stored spelling, as places keep
// theirs, says so and gives the respell:true edit; another spelling of the same outlet is told.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, operator)).replaceAll('`', '');
const sources = async (id: number) => (await text(`/entry show ${id}`)).split('Sources\n')[1]!.split('\n\n')[0]!;

beforeEach(async () => {
  const clock = new Date('2026-12-05T10:00:00Z');
  app = createTestApp('', () => clock);
  expect(await text('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:AFP grade:B2')).toContain('Added entry #18.');
});
afterEach(() => app.dispose());

describe('GIVEN entry #18 citing AFP', () => {
  it('WHEN an edit gives outlet:afp alone THEN nothing changes, and the refusal says the stored spelling is kept and how to re-spell it', async () => {
    const before = storeFingerprint(app.db);
    const said = await text('/entry edit id:18 outlet:afp');
    expect(said).toContain('Nothing to change');
    expect(said).toContain('Kept the stored spelling of the outlet, which differs only in letter case: shown “afp” as “AFP”. To re-spell it: /entry edit id:18 outlet:afp respell:true');
    expect(storeFingerprint(app.db)).toBe(before);
    expect(await sources(18)).toContain('AFP · B2');
  });

  it('WHEN an edit gives outlet:afp beside another change THEN that change is made, AFP stays AFP, and the reply says so', async () => {
    const said = await text('/entry edit id:18 outlet:afp confidence:confirmed');
    expect(said).toContain('Updated #18: confidence.');
    expect(said).toContain('shown “afp” as “AFP”');
    expect(await sources(18)).toContain('AFP · B2');
  });

  it('WHEN an edit gives outlet:afp respell:true THEN the outlet is re-spelled, its grade kept, and the reply says so', async () => {
    const said = await text('/entry edit id:18 outlet:afp respell:true');
    expect(said).toContain('Updated #18: source.');
    expect(said).toContain('Re-spelled the outlet “AFP” as “afp” on this source.');
    expect(await sources(18)).toContain('afp · B2');
  });

  it('WHEN an edit spells the same outlet otherwise (A.F.P.) THEN it is re-spelled and the reply says so', async () => {
    const said = await text('/entry edit id:18 outlet:A.F.P.');
    expect(said).toContain('Re-spelled the outlet “AFP” as “A.F.P.” on this source.');
    expect(await sources(18)).toContain('A.F.P. · B2');
  });

  it('WHEN the second source is named in another case THEN the re-spell edit names that source', async () => {
    await text('/entry edit id:18 source:2 outlet:Reuters');
    expect(await text('/entry edit id:18 source:2 outlet:REUTERS')).toContain('To re-spell it: /entry edit id:18 source:2 outlet:REUTERS respell:true');
  });

  it('WHEN respell:true comes without places or outlet THEN it is refused, naming both uses', async () => {
    const said = await text('/entry edit id:18 respell:true');
    expect(said).toContain('Option respell re-spells the places given in places, and none are given.');
    expect(said).toContain('It re-spells an outlet given in outlet too: /entry edit id:18 outlet:… respell:true');
  });
});
