// GIVEN an entry whose source is graded F3, WHEN anyone shows it, THEN the grade says what it
// means, as the review cards word a grade: "F3 (reliability cannot be judged; possibly true)".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
beforeAll(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterAll(() => app?.dispose());

describe('GIVEN an entry sourced to SANA, graded F3', () => {
  it('WHEN anyone shows it THEN its source line explains the grade', async () => {
    await run('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-07-10 grade:F3');
    expect(await run('/entry show id:18')).toContain('SANA · F3 (reliability cannot be judged; possibly true) (10 Jul 2025)');
  });

  it('WHEN a grade is B2 THEN it reads as a usually reliable source, probably true', async () => {
    await run('/entry edit id:18 grade:B2');
    expect(await run('/entry show id:18')).toContain('SANA · B2 (usually reliable; probably true)');
  });
});
