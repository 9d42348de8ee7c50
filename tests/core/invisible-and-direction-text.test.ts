// GIVEN text typed or imported with characters that hide or disguise it — C1 controls (a terminal's
// one-byte escape), direction overrides that reverse the rest of a line, or nothing visible at all
// (zero-width spaces, lone accents, a blank Braille cell) — THEN it is refused, naming the option,
// with nothing written; right-to-left text without such controls is stored as typed; and a refusal
// that repeats a long value never cuts an emoji in half.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { renderText } from '../../src/core/render-text.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.dispose());

const add = (args: Record<string, string>) =>
  app.dispatcher.run({ command: 'entry', subcommand: 'add', caller: operator, args: { date: '2025-07-01', type: 'talks', topic: 'syria-israel', outlet: 'AFP', ...args } });

describe('GIVEN a C1 control character in typed text', () => {
  it('WHEN an entry is added with it THEN it is refused as a control character, shown as its code point, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const view = await add({ title: 'ok \u009b31m red' });
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain('Option `title` of `/entry add` must be text without control characters — got `ok ⟨U+009B⟩31m red`.');
    expect(renderText(view, { color: false })).not.toContain('\u009b');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});

describe('GIVEN direction overrides in typed text', () => {
  it.each([
    ['title', { title: '\u202eexe.live title' }],
    ['outlet', { title: 'Talks', outlet: 'A\u202eB' }],
    ['summary', { title: 'Talks', summary: 'an \u2066isolated\u2069 phrase' }],
  ])('WHEN the %s holds one THEN it is refused, saying why, and nothing is written', async (option, args) => {
    const before = storeFingerprint(app.db);
    const view = await add(args);
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain(`Option \`${option}\` of \`/entry add\` must be text without direction controls`);
    expect(viewText(view)).toContain('right-to-left text needs none');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN an actor is added with one THEN it is refused too', async () => {
    const view = await app.dispatcher.runText('/actors add name:"\u202eleasrI" kind:state', operator);
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain('without direction controls');
  });

  it('WHEN Arabic and Hebrew are typed without them THEN they are stored as typed', async () => {
    const view = await add({ title: 'محادثات في باريس — שיחות בפריז', summary: 'Talks in Paris (باريس)' });
    expect(view.tone, viewText(view)).toBe('success');
    expect(viewText(await app.dispatcher.runText('/timeline topic:syria-israel', operator))).toContain('محادثات في باريس — שיחות בפריז');
  });
});

describe('GIVEN text with nothing visible in it', () => {
  it.each([
    ['a zero-width space', '\u200b'],
    ['lone accents', '\u0301\u0301'],
    ['a blank Braille cell', '\u2800'],
    ['a zero-width joiner between spaces', ' \u200d '],
  ])('WHEN a title is %s THEN it is refused, saying so, and nothing is written', async (_what, title) => {
    const before = storeFingerprint(app.db);
    const view = await add({ title });
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain('Option `title` of `/entry add` must be text with something visible in it (this holds only spaces, zero-width characters or marks)');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a title is an emoji or a word with accents THEN it is accepted', async () => {
    expect((await add({ title: '🕊️' })).tone).toBe('success');
    expect((await add({ title: 'Négociations' })).tone).toBe('success');
  });
});

describe('GIVEN a value too long for its option, made of emoji', () => {
  it('WHEN the refusal repeats its start THEN no emoji is cut in half', async () => {
    const family = '👨‍👩‍👧‍👦';
    const view = await app.dispatcher.runText(`/timeline actor:"${family.repeat(30)}"`, operator);
    expect(view.tone).toBe('error');
    const text = viewText(view);
    expect(text).toContain('must be at most 100 characters');
    expect(text).toContain(`got \`${family}`);
    // No lone surrogate anywhere in the reply.
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
