// GIVEN a command typed (or pasted from a chat) on any platform, WHEN it carries characters no one
// types — a word joiner after a colon, zero-width spaces, the look-alike underscore older Slack
// replies showed in option names — THEN the command reads as meant; AND text in quotes is stored as
// typed: a title keeps its characters, and one with nothing visible in it is still refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.dispose());

const run = (text: string) => app.dispatcher.runText(text, operator);
const REST = 'date:2025-07 type:talks topic:syria-israel outlet:AFP summary:"As sourced."';

describe('GIVEN a command pasted from an older Slack reply', () => {
  it('WHEN `asˍof:` names the option THEN the past view is shown, not "There is no topic"', async () => {
    const view = await run('/timeline as\u02CDof:2025-07-20');
    expect(viewText(view)).not.toContain('There is no topic');
    expect(view.title).toContain('as of the end of 20 Jul 2025');
  });
});

describe('GIVEN a title in quotes', () => {
  it('WHEN it holds a zero-width space between words THEN it is stored with it', async () => {
    const view = await run(`/entry add title:"Talks\u200bin Paris" ${REST}`);
    expect(view.tone, viewText(view)).toBe('success');
    const id = Number(/#(\d+)/.exec(viewText(view))![1]);
    expect(app.services.dossier.getEntry(id)!.title).toBe('Talks\u200bin Paris');
  });

  it('WHEN it holds nothing but zero-width characters THEN it is refused as before, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const view = await run(`/entry add title:"\u200b\u2060" ${REST}`);
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain('Option `title` of `/entry add` must be text with something visible in it');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
