// Property tests that a refusal names what was wrong: an option a command does not have is
// refused by its name (whatever the name, even one every JavaScript object inherits), and one bad
// value added to a command that works is refused marking that option first, where forms look for it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import type { Caller } from '../../../src/core/caller.js';
import type { OptionSpec, RawOptionValue } from '../../../src/core/command-spec.js';
import { markedNames } from '../../../src/core/error-views.js';
import { leaves } from '../../../src/core/help.js';
import { convertOption } from '../../../src/core/option-values.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { viewText } from '../../support/view-text.js';
import { ADMIN_RULES, CALLERS, expectPromiseKept } from './bad-input-promise.js';
import { deliveredValueFor } from './hostile-values.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const settings = { seed: SEED, numRuns: RUNS } as const;

/** Commands that work on the seed store as given, as text and as split options. */
const WORKING: { path: string; text: string; args: Record<string, RawOptionValue> }[] = [
  { path: 'timeline', text: '/timeline', args: {} },
  { path: 'actor', text: '/actor Dermer', args: { name: 'Dermer' } },
  { path: 'actors list', text: '/actors list', args: {} },
  { path: 'entry show', text: '/entry show 3', args: { id: 3 } },
  { path: 'entry history', text: '/entry history 3', args: { id: 3 } },
  { path: 'search', text: '/search golan', args: { query: 'golan' } },
  { path: 'help', text: '/help', args: {} },
  { path: 'entry edit', text: '/entry edit id:3', args: { id: 3 } },
  { path: 'entry add', text: '/entry add title:Talks date:2025-08 type:talks topic:syria-israel', args: { title: 'Talks', date: '2025-08', type: 'talks', topic: 'syria-israel' } },
  { path: 'actors edit', text: '/actors edit name:Dermer', args: { name: 'Dermer' } },
  { path: 'digest subscribe', text: '/digest subscribe schedule:"daily 08:00"', args: { schedule: 'daily 08:00' } },
];

const leafOf = (path: string) => allCommands.flatMap((c) => leaves(c)).find((l) => l.path === path)!.leaf;
const optionNamesOf = (path: string) => (leafOf(path).options ?? []).map((o) => o.name);

/** Whether the option takes the value at all (conversion is the oracle; handlers check more). */
function convertible(option: OptionSpec, value: RawOptionValue, path: string): boolean {
  try {
    convertOption(option, value, path);
    return true;
  } catch {
    return false;
  }
}

/** The range a refusal says it accepts: `from 1 to 25` or `1 or more`. */
function statedRange(text: string): { min: bigint; max?: bigint } | undefined {
  const number = (digits: string) => BigInt(digits.replace(/,/g, ''));
  const between = /a whole number from (-?[\d,]+) to (-?[\d,]+)/.exec(text);
  if (between) return { min: number(between[1]!), max: number(between[2]!) };
  const atLeast = /a whole number, (-?[\d,]+) or more/.exec(text);
  // `1 or more, of at most 15 digits`: an id past the largest exact number.
  const digits = /, of at most (\d+) digits/.exec(text);
  if (atLeast && digits) return { min: number(atLeast[1]!), max: 10n ** BigInt(digits[1]!) - 1n };
  return atLeast ? { min: number(atLeast[1]!) } : undefined;
}

const operator = CALLERS.find((c) => c.label === 'console operator')!;
const consoleCaller: Caller = { ...operator.caller, channelId: 'console' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp(ADMIN_RULES);
});
afterAll(() => app.dispose());

describe('GIVEN a command that works', () => {
  it('WHEN an option it does not have is added THEN it is refused by that name, and nothing is written', async () => {
    const unknownName = fc.oneof(
      fc.constantFrom('constructor', 'hasownproperty', 'isprototypeof', 'valueof', 'tostring', 'proto__'),
      fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/),
    );
    // Built once, outside chain: stringMatching compiles its pattern, tens of milliseconds a time.
    const value = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const input = fc
      .constantFrom(...WORKING)
      .chain((working) => fc.tuple(fc.constant(working), unknownName.filter((name) => !optionNamesOf(working.path).includes(name)), value));
    await fc.assert(
      fc.asyncProperty(input, async ([working, name, value]) => {
        const line = `${working.text} ${name}:${value}`;
        const view = await expectPromiseKept(app, operator, line, () => app.dispatcher.runText(line, consoleCaller));
        expect(view.tone, viewText(view)).toBe('error');
        expect(markedNames(view)[0], viewText(view)).toBe(name);
      }),
      settings,
    );
  });

  it('WHEN one of its options gets a value of any type that option cannot take THEN the refusal marks that option first', async () => {
    const input = fc.constantFrom(...WORKING).chain((working) =>
      fc.constantFrom(...(leafOf(working.path).options ?? [])).chain((option) => fc.tuple(fc.constant(working), fc.constant(option), deliveredValueFor(option))),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([working, option, value]) => {
        const [command, subcommand] = working.path.split(' ') as [string, string | undefined];
        const request = { command, ...(subcommand ? { subcommand } : {}), args: { ...working.args, [option.name]: value } };
        const view = await expectPromiseKept(app, operator, JSON.stringify(request), () => app.dispatcher.run({ ...request, caller: consoleCaller }));
        // Forms and page links find the field at fault as the first name a refusal marks.
        if (!convertible(option, value, working.path)) expect(markedNames(view)[0], viewText(view)).toBe(option.name);
      }),
      settings,
    );
  });

  it('WHEN a whole number is refused THEN the range the refusal states does not hold it', async () => {
    const withIntegers = WORKING.flatMap((working) => (leafOf(working.path).options ?? []).filter((o) => o.type === 'integer').map((option) => ({ working, option })));
    const digits = fc.oneof(fc.integer({ min: -5, max: 200_000 }).map(String), fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withIntegers), digits, async ({ working, option }, value) => {
        const line = `${working.text} ${option.name}:${value}`.replace(/^(\/entry (?:show|history|edit)) (?:id:)?3/, '$1');
        const view = await expectPromiseKept(app, operator, line, () => app.dispatcher.runText(line, consoleCaller));
        if (view.tone !== 'error' || markedNames(view)[0] !== option.name) return;
        const text = viewText(view);
        const stated = statedRange(text);
        if (stated) expect(BigInt(value) < stated.min || (stated.max !== undefined && BigInt(value) > stated.max), text).toBe(true);
      }),
      settings,
    );
  });
});
