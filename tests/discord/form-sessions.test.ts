// GIVEN open forms in memory and the form definitions, THEN forms expire after a quiet spell and
// the oldest go first, their ids fit a custom_id, and every modal is built within Discord's limits
// from the option specs.
import { afterAll, describe, expect, it } from 'vitest';
import { FormSessions, formModalId, formReopenId, parseFormModalId, parseFormReopenId } from '../../src/adapters/discord/form-sessions.js';
import { FORMS, modalData, resolveForm, splitArgs, submittedArgs } from '../../src/adapters/discord/forms.js';
import { createTestApp } from '../support/test-app.js';
import { discordSpec } from './support/openapi.js';

const form = { ownerId: 'u', command: 'entry', subcommand: 'add', fixed: {}, values: {} };

describe('form sessions', () => {
  it('expire after the quiet time, counted from the last use', () => {
    let now = 0;
    const forms = new FormSessions({ ttlMs: 1_000, maxSessions: 10, now: () => now });
    const session = forms.open(form);
    now = 900;
    forms.touch(session);
    now = 1_800;
    expect(forms.find(session.id)).toBe(session);
    now = 1_900;
    expect(forms.find(session.id)).toBeUndefined();
    expect(forms.size).toBe(0);
  });

  it('drop the oldest when the cap is reached', () => {
    const forms = new FormSessions({ ttlMs: 60_000, maxSessions: 3, now: () => 0 });
    const [a, b, c] = [1, 2, 3].map(() => forms.open(form));
    forms.touch(a!);
    const d = forms.open(form);
    expect(forms.size).toBe(3);
    expect([a, b, c, d].map((s) => forms.find(s!.id) !== undefined)).toEqual([true, false, true, true]);
  });

  it('ids fit a custom_id and round-trip; other custom ids are not ours', () => {
    const forms = new FormSessions({ ttlMs: 1, maxSessions: 1, now: () => 0 });
    const session = forms.open(form);
    expect(formModalId(session).length).toBeLessThanOrEqual(100);
    expect(formReopenId(session).length).toBeLessThanOrEqual(100);
    expect(parseFormModalId(formModalId(session))).toBe(session.id);
    expect(parseFormReopenId(formReopenId(session))).toBe(session.id);
    expect(parseFormModalId(formReopenId(session))).toBeUndefined();
    expect(parseFormModalId('sitrep:pg:abc:0:n')).toBeUndefined();
  });
});

describe('modals from the option specs', () => {
  const app = createTestApp();
  const registry = app.dispatcher.registry;
  afterAll(() => app.dispose());

  it.each(FORMS.map((f) => [`${f.command} ${f.subcommand}`, f] as const))('/%s: within Discord’s limits and valid per the OpenAPI description', (_name, definition) => {
    const resolved = resolveForm(registry, definition);
    const args = { title: 'T'.repeat(200), places: 'P'.repeat(1000) };
    const { fixed, values } = splitArgs(resolved, args);
    const sessions = new FormSessions({ ttlMs: 1, maxSessions: 1, now: () => 0 });
    const modal = modalData(resolved, sessions.open({ ...form, fixed, values }));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components.length).toBeLessThanOrEqual(5);
    expect(discordSpec().errors('POST', '/interactions/1/t/callback', { type: 9, data: modal })).toEqual([]);
  });

  it('a submission keeps the command’s options and gives only the inputs that hold text', () => {
    const session = { ...form, id: 'x', expiresAt: 0, fixed: { title: 'T', date: '2025' }, values: {} };
    expect(submittedArgs(session, { summary: ' S ', places: '', tags: '  ' })).toEqual({ title: 'T', date: '2025', summary: ' S ' });
  });

  it('a form whose inputs disagree with the spec is a bug, reported at once', () => {
    expect(() => resolveForm(registry, { command: 'entry', subcommand: 'add', longText: 'summary', inputs: ['summary', 'nonexistent'] })).toThrow(/no text option nonexistent/);
    expect(() => resolveForm(registry, { command: 'entry', subcommand: 'add', longText: 'summary', inputs: ['summary', 'title', 'places', 'actors', 'tags', 'outlet'] })).toThrow(/a modal holds 5/);
  });
});
