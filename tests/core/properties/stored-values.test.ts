// Property tests that what an admin manages to store stays readable: an entry or actor added
// with hostile text (quotes, RTL, control characters, search syntax) can be shown, searched,
// listed, changed back and autocompleted without an internal error. And autocomplete, which
// answers every keystroke, never fails whatever was typed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import type { Caller } from '../../../src/core/caller.js';
import { leaves } from '../../../src/core/help.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ADMIN_RULES, CALLERS, expectPromiseKept } from './bad-input-promise.js';
import { hostileText } from './hostile-values.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const settings = { seed: SEED, numRuns: RUNS } as const;

const operator = CALLERS.find((c) => c.label === 'console operator')!;
const member = CALLERS.find((c) => c.label === 'slack member')!;
const consoleCaller: Caller = { ...operator.caller, channelId: 'console' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp(ADMIN_RULES);
});
afterAll(() => app.dispose());

/** Runs a command line as `who` and asserts the promise, returning the view. */
const typed = (who: typeof operator, line: string) => expectPromiseKept(app, who, line, () => app.dispatcher.runText(line, who.caller));
/** A value as it must be typed to arrive whole: between quotes no other character closes. */
const quoted = (text: string) => `«${text.replace(/[«»\s]+/g, ' ').trim() || 'x'}»`;

describe('GIVEN text an admin managed to store', () => {
  it('WHEN an entry was added with hostile fields THEN it can be shown, listed, searched, edited and undone', async () => {
    const fields = fc.record({ title: hostileText, summary: hostileText, places: hostileText, tags: hostileText, outlet: hostileText, attribution: hostileText });
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        const request = { command: 'entry', subcommand: 'add', args: { ...values, date: '2025-08', type: 'talks', topic: 'syria-israel' } };
        const added = await expectPromiseKept(app, operator, JSON.stringify(request), () => app.dispatcher.run({ ...request, caller: consoleCaller }));
        if (added.tone !== 'success') return;
        const id = /#(\d+)/.exec(added.title)![1]!;
        const word = values.title.split(/\s+/).find((w) => /[\p{L}\p{N}]/u.test(w)) ?? 'x';
        for (const line of [`/entry show ${id}`, `/entry history ${id}`, '/timeline limit:25', `/timeline place:${quoted(values.places.split(',')[0] ?? '')}`, `/search ${quoted(word)}`]) {
          await typed(member, line);
        }
        await typed(operator, `/entry edit id:${id} title:${quoted(values.summary)}`);
        await typed(operator, `/entry undo ${id}`);
        await typed(operator, `/entry remove id:${id} reason:${quoted(values.tags)}`);
        await typed(member, `/entry show ${id}`);
      }),
      settings,
    );
  });

  it('WHEN an actor was added with a hostile name THEN it can be looked up, listed, aliased and merged', async () => {
    const names = fc.record({ name: hostileText, title: hostileText, aliases: hostileText });
    await fc.assert(
      fc.asyncProperty(names, async (values) => {
        const request = { command: 'actors', subcommand: 'add', args: { ...values, kind: 'person' } };
        const added = await expectPromiseKept(app, operator, JSON.stringify(request), () => app.dispatcher.run({ ...request, caller: consoleCaller }));
        if (added.tone !== 'success') return;
        const name = quoted(values.name);
        await typed(member, `/actor ${name}`);
        await typed(member, '/actors list kind:person page:1');
        await typed(member, `/timeline actor:${name}`);
        await typed(operator, `/actors alias name:${name} add:${quoted(values.title)}`);
        await typed(operator, `/actors merge from:${name} into:Dermer`);
        await typed(operator, `/actors unmerge name:${name}`);
      }),
      settings,
    );
  });
});

describe('GIVEN any text typed into an option with suggestions', () => {
  const withSuggestions = allCommands.flatMap((command) =>
    leaves(command).flatMap(({ path, leaf }) =>
      (leaf.options ?? []).filter((o) => o.autocomplete || o.choices).map((o) => ({ command: command.name, subcommand: path.split(' ')[1], option: o.name })),
    ),
  );

  it('THEN autocomplete answers with at most 25 choices and logs no failure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...withSuggestions), hostileText, fc.constantFrom(...CALLERS), (target, value, who) => {
        const warnings = app.logger.lines.length;
        const choices = app.dispatcher.autocomplete({ ...target, value, caller: who.caller });
        expect(choices.length).toBeLessThanOrEqual(25);
        expect(app.logger.lines.slice(warnings).filter((l) => l.message === 'autocomplete failed')).toEqual([]);
      }),
      settings,
    );
  });
});
