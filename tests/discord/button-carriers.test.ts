// GIVEN paged answers on Discord, THEN each button names its page in its custom_id whenever that
// fits in 100 characters (a query in any script with `&` and `%` in it, a subcommand with a
// choice), so paging survives a restart; and a custom_id naming a command that buttons may not run
// (one that writes, even when it is not admin-only) runs nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { Dispatcher } from '../../src/core/dispatcher.js';
import type { EntryInput } from '../../src/core/domain.js';
import { encodeInline } from '../../src/core/interaction/carrier.js';
import { BROKEN_BUTTON_TEXT } from '../../src/core/interaction/texts.js';
import { buttonPress } from '../fakes/discord-payloads.js';
import { buttons, startHarness, type Answer, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

let stamps = 0;
/** Writes, and is not admin-only: nothing says a button may run it. */
const stamp: CommandSpec = { name: 'stamp', description: 'Writes', run: () => ({ title: `Stamped ${++stamps}`, tone: 'success', sections: [] }) };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    dispatcher: (app) => new Dispatcher({ commands: [...app.dispatcher.commands, stamp], services: app.services, adminRules: [], logger: app.logger }),
  });
  for (let i = 0; i < 5; i++) {
    const input: EntryInput = {
      topic: 'scripts', title: `الشرع في دمشق ${i}`, summary: 'Barrack & Dermer: 100% agreed', eventType: 'talks',
      start: { year: 2024, month: 3, day: 1 + i }, confidence: 'confirmed', places: [], actors: [], sources: [], tags: [],
    };
    h.app.services.editor.addEntry(input, { by: 'test', at: new Date().toISOString() });
  }
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const embed = (answer: Answer) => answer.body.embeds![0]!;
const next = (answer: Answer) => buttons(answer.body).find((b) => b.label.startsWith('Next page'))!;

describe('page buttons', () => {
  it('name a query in any script, with & and % in it, and page after a restart', async () => {
    const first = await h.slash('search', { query: 'الشرع & 100%', limit: 2 });
    expect(embed(first).description).toMatch(/^Showing 1 to 2 of 5 results\./);
    expect(next(first).custom_id).toMatch(/^s1:r:/);
    expect(next(first).custom_id.length).toBeLessThanOrEqual(100);
    await h.restart();
    const second = await h.press(first, 'Next page');
    expect(second.callbackType).toBe(7);
    expect(embed(second).title).toBe(embed(first).title);
    expect(embed(second).description).toMatch(/^Showing 3 to 4 of 5 results\./);
  });

  it('name a subcommand and its choice, and page after a restart', async () => {
    const first = await h.slash('actors', { kind: 'person', limit: 2 }, { subcommand: 'list' });
    expect(next(first).custom_id).toMatch(/^s1:r:/);
    await h.restart();
    const second = await h.press(first, 'Next page');
    expect(second.callbackType).toBe(7);
    expect(embed(second).title).toBe('Actors — person');
    expect(embed(second).footer?.text).toMatch(/Page 2 of \d+/);
  });
});

describe('a custom_id naming a command that writes', () => {
  it('runs nothing, even when the command is not admin-only', async () => {
    expect(embed(await h.slash('stamp')).title).toBe('Stamped 1');
    const first = await h.slash('timeline');
    const forged = encodeInline({ action: { kind: 'run', invocation: { command: 'stamp', args: {} } }, audience: 'anyone' }, 100)!;
    const answer = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, forged, first.message!));
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toBe(BROKEN_BUTTON_TEXT);
    expect(stamps).toBe(1);
  });
});
