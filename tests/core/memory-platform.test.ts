// A platform is one folder: the in-memory platform of tests/support (nothing but drawing and
// handing presses to the core) runs every command, pages, a form, a refused admin press and an
// expired button through the real dispatcher.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { leaves } from '../../src/core/help.js';
import { EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, NEXT_LABEL, NOT_YOURS_TEXT, PREVIOUS_LABEL } from '../../src/core/interaction/texts.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { REFUSAL_TITLE } from '../support/view-text.js';

let app: TestApp;
let platform: MemoryPlatform;
let clock = 0;
beforeEach(() => {
  app = createTestApp('memory:ana');
  clock = Date.now();
  platform = new MemoryPlatform(app.dispatcher, app.logger, () => clock);
});
afterEach(() => app.dispose());

const examples = allCommands.flatMap((command) =>
  leaves(command).flatMap(({ path, leaf }) => (leaf.examples ?? []).map((example) => `/${path} ${example}`.trim())),
);

describe('GIVEN a platform that only draws and hands presses to the core', () => {
  it('WHEN every read-only example runs THEN each answers, without an error', async () => {
    const readOnly = examples.filter((e) => app.dispatcher.isReadOnly(resolvedPath(e)));
    expect(readOnly.length).toBeGreaterThan(5);
    for (const example of readOnly) {
      const message = await platform.command(example, 'bob');
      expect(message.text, example).not.toMatch(REFUSAL_TITLE);
    }
  });

  it('WHEN the caller pages a timeline THEN Next shows page 2, and Previous goes back; another user is refused', async () => {
    const first = await platform.command('/timeline limit:4', 'bob');
    expect(first.text).toContain('Showing 1 to 4 of 17 entries');
    expect(first.buttons.map((b) => b.label)).toEqual([PREVIOUS_LABEL, `${NEXT_LABEL} (2 of 5)`]);
    expect(first.buttons[0]!.disabled).toBe(true);
    const second = await platform.press(first, NEXT_LABEL, 'bob');
    expect(second.text).toContain('Showing 5 to 8 of 17 entries');
    const back = await platform.press(second, PREVIOUS_LABEL, 'bob');
    expect(back.text).toContain('Showing 1 to 4 of 17 entries');
    const stranger = await platform.press(second, NEXT_LABEL, 'eve');
    expect(stranger.private).toBe(true);
    expect(stranger.text).toContain(NOT_YOURS_TEXT);
  });

  it('WHEN an admin opens /entry edit with only its id THEN the form starts from the entry, and a submission changes only what changed', async () => {
    const opened = await platform.command('/entry edit id:3', 'ana');
    const form = opened.form!;
    expect(form.title).toBe('Edit entry #3');
    expect(form.fields.find((f) => f.name === 'title')?.value).toBe('1974 disengagement agreement establishes the buffer zone');
    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? '']));
    const done = await platform.submit(form, { ...values, title: '1974 disengagement agreement sets the buffer zone' }, 'ana');
    expect(done.text).toContain('Updated #3: title.');
    const someoneElse = await platform.submit(form, values, 'bob');
    expect(someoneElse.text).toContain(FORM_NOT_YOURS_TEXT);
  });

  it('WHEN a form is submitted with a bad field THEN the error names the field and nothing is written', async () => {
    const form = (await platform.command('/entry add', 'ana')).form!;
    const before = storeFingerprint(app.db);
    const refused = await platform.submit(form, { title: 'Talks', date: 'soon', type: 'talks', topic: 'syria-israel' }, 'ana');
    expect(refused.fieldError?.field).toBe('date');
    expect(storeFingerprint(app.db)).toBe(before);
    const added = await platform.submit(form, { title: 'Talks', date: '2025-08', type: 'talks', topic: 'syria-israel' }, 'ana');
    expect(added.text).toContain('Added entry #18');
  });

  it('WHEN a non-admin presses a button that runs an admin form THEN it is refused and nothing changes', async () => {
    const form = await platform.interactions.press('s1:f:a::::entry.edit:id#3', platform.caller('bob'));
    expect(form.kind).toBe('notice');
    expect(JSON.stringify(form)).toContain('is for Sitrep admins only');
  });

  it('WHEN a button kept in memory is pressed after its lifetime THEN it says it expired', async () => {
    // A page query too long for this platform's carrier lives in memory.
    const long = await platform.command('/timeline limit:5 since:2000-01-01 until:2030-12-31 topic:syria-israel', 'ana');
    // Next, to the next part or page, runs the query again from memory.
    const next = long.buttons.find((b) => b.label.startsWith('Next ') && !b.disabled);
    expect(next?.carrier, long.text).toMatch(/^s1:m:/);
    clock += 31 * 60_000;
    const expired = await platform.press(long, next!.label, 'ana');
    expect(expired.text).toContain(EXPIRED_TEXT);
  });
});

function resolvedPath(example: string) {
  const [command, maybeSub] = example.slice(1).split(' ');
  const spec = allCommands.find((c) => c.name === command)!;
  return { command: command!, ...(spec.subcommands ? { subcommand: maybeSub! } : {}) };
}
