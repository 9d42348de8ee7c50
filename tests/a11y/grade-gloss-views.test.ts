// GIVEN sources and claims graded with Admiralty codes, WHEN anyone compares an entry over days
// (/entry diff) or looks up an actor (/actor), THEN each grade says what it means, as /entry show
// and the review cards word it: "B2 (usually reliable; probably true)", not a bare code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };

let app: TestApp;
let clock: number;
const run = async (line: string) => viewText(await app.dispatcher.runText(line, admin));

beforeEach(async () => {
  clock = Date.parse('2025-08-01T12:00:00Z');
  app = createTestApp('slack:U1', () => new Date(clock));
  await run('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-07-10 grade:F3');
  clock = Date.parse('2025-08-03T12:00:00Z');
});
afterEach(() => app.dispose());

describe('GIVEN an entry whose source was regraded and which gained a claim', () => {
  it('WHEN anyone diffs it THEN the old and new grades, and the claim’s, say what they mean', async () => {
    await run('/entry edit id:18 grade:B2');
    await run('/entry claim id:18 actor:Israel stance:denies date:2025-08-03 outlet:"Israeli army radio" grade:C3');
    clock = Date.parse('2025-08-05T12:00:00Z');
    const diff = await run('/entry diff id:18 from:2025-08-02');
    expect(diff).toContain('Sources: SANA: grade F3 (reliability cannot be judged; possibly true) → B2 (usually reliable; probably true)\n');
    expect(diff).toContain('Claims: + Israel denies · 3 Aug 2025 · Israeli army radio · C3 (fairly reliable; possibly true)\n');
  });

  it('WHEN its source is replaced THEN the source taken off keeps its grade explained', async () => {
    await run('/entry edit id:18 outlet:Reuters grade:A1');
    clock = Date.parse('2025-08-05T12:00:00Z');
    const diff = await run('/entry diff id:18 from:2025-08-02');
    expect(diff).toContain('Sources: + Reuters · A1 (completely reliable; confirmed by other sources), − SANA · F3 (reliability cannot be judged; possibly true) (10 Jul 2025)\n');
  });
});

describe('GIVEN an actor that made a graded claim', () => {
  it('WHEN anyone looks the actor up THEN the claim’s grade says what it means', async () => {
    await run('/entry claim id:18 actor:Syria stance:confirms date:2025-07-10 outlet:SANA grade:D4');
    expect(await run('/actor Syria')).toMatch(/#18 Strike on Tasil: confirms · 10 Jul 2025 · SANA · D4 \(not usually reliable; doubtful\)/);
  });
});
