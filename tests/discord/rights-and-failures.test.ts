// GIVEN a dispatcher with test-only commands (admin-only, failing, slow), WHEN users run them
// through Discord, THEN rights are enforced, failures apologise privately, slow work is deferred.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAdminRules } from '../../src/core/caller.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { Dispatcher } from '../../src/core/dispatcher.js';
import { UserError } from '../../src/core/errors.js';
import { plainLine, type View } from '../../src/core/view.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const done = (title: string): View => ({ title, tone: 'success', intro: [plainLine('Done.')], sections: [] });

/**
 * Slow commands wait until the test has seen the bot defer their interaction (callback type 5,
 * or 6 behind a button): slow by that event rather than by a clock, however loaded the machine.
 */
let released: Promise<void> = Promise.resolve();

/** Sends an interaction for a slow command, and lets the command finish once it was deferred. */
async function slowly(send: () => Promise<Answer>): Promise<Answer> {
  let release = () => {};
  released = new Promise((resolve) => (release = resolve));
  const from = h.fake.requests.length;
  const answer = send();
  try {
    await h.fake.waitFor((r) => h.fake.requests.indexOf(r) >= from && r.path.endsWith('/callback') && [5, 6].includes((r.body as { type: number }).type));
  } finally {
    release();
  }
  return answer;
}

const testCommands: CommandSpec[] = [
  { name: 'purge-cache', description: 'Admin-only test command', adminOnly: true, run: () => done('Cache purged') },
  { name: 'boom', description: 'Fails with a bug', run: () => { throw new Error('disk on fire'); } },
  { name: 'slow', description: 'Takes longer than the defer threshold', run: async () => { await released; return done('Slow result'); } },
  { name: 'slow-refusal', description: 'Slowly refuses', run: async () => { await released; throw new UserError('not-found', 'Nothing here, slowly.'); } },
  {
    // Page 1 is quick, page 2 slow, page 3 is refused: paging through covers every path.
    name: 'reports',
    description: 'Paged results with a slow and a failing page',
    readOnly: true, // page buttons re-run only commands marked read-only
    options: [{ name: 'page', description: 'Page', type: 'integer', min: 1, max: 3 }],
    run: async (args) => {
      const page = Number(args.page ?? 1);
      if (page === 2) await released;
      if (page === 3) throw new UserError('not-found', 'Page 3 was removed meanwhile.');
      return {
        ...done(`Reports page ${page}`),
        pager: {
          page, pageCount: 3, total: 3,
          next: { command: 'reports', args: { page: page + 1 } },
          ...(page > 1 ? { previous: { command: 'reports', args: { page: page - 1 } } } : {}),
        },
      };
    },
  },
];

const adminRole = snowflake();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    userRoles: [adminRole],
    adapter: { deferAfterMs: 100 },
    dispatcher: (app) =>
      new Dispatcher({
        commands: [...app.dispatcher.commands, ...testCommands],
        services: app.services,
        adminRules: parseAdminRules(`discord-role:${adminRole}`),
        logger: app.logger,
      }),
  });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const embed = (answer: Answer) => answer.body.embeds![0]!;

describe('admin rights', () => {
  it('a member holding an admin role runs an admin-only command', async () => {
    const answer = await h.slash('purge-cache');
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).title).toBe('Cache purged');
  });

  it('a member without the role is refused privately', async () => {
    const answer = await h.slash('purge-cache', {}, { user: h.other });
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Not allowed');
    expect(embed(answer).description).toContain('`/purge-cache` is for Sitrep admins only.');
  });

  it('the real /entry add is refused to a non-admin and changes nothing', async () => {
    const before = h.app.dossier.timeline({ limit: 1, offset: 0 }).total;
    const answer = await h.slash('entry', { title: 'Talks resume', date: '2025-08', type: 'talks', topic: 'syria-israel' }, { subcommand: 'add', user: h.other });
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Not allowed');
    expect(h.app.dossier.timeline({ limit: 1, offset: 0 }).total).toBe(before);
  });
});

describe('failures', () => {
  it('an internal error gets a private apology quoting the logged error id', async () => {
    const answer = await h.slash('boom');
    expect(answer.ephemeral).toBe(true);
    const logged = h.app.logger.lines.find((l) => l.level === 'error' && l.message === 'command failed');
    const errorId = (logged?.context as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(embed(answer).title).toBe('Something went wrong');
    expect(visibleText(embed(answer).description!)).toContain(`Quote error id ${errorId}`);
    expect(embed(answer).footer?.text).toBe(`Error id: ${errorId}`);
  });
});

describe('slow commands', () => {
  it('a slow page behind a button is deferred (type 6), then the message is edited', async () => {
    const first = await h.slash('reports');
    const second = await slowly(() => h.press(first, 'Next page'));
    expect(second.callbackType).toBe(6);
    expect(second.callback.body).toEqual({ type: 6 });
    expect(embed(second).title).toBe('Reports page 2');
    expect(second.message?.id).toBe(first.message?.id);
    expect(second.message?.embeds).toEqual(second.body.embeds);
  });

  it('a page that fails behind a button answers privately and leaves the message alone', async () => {
    const first = await slowly(() => h.slash('reports', { page: 2 }));
    const shown = structuredClone(first.message);
    const refused = await h.press(first, 'Next page');
    expect(refused.callbackType).toBe(4);
    expect(refused.ephemeral).toBe(true);
    expect(embed(refused).description).toContain('Page 3 was removed meanwhile.');
    expect(h.fake.rest.messages.get(String(shown?.id))).toEqual(shown);
  });

  it('are deferred, then the reply is edited in', async () => {
    const answer = await slowly(() => h.slash('slow'));
    expect(answer.callbackType).toBe(5);
    expect(answer.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).title).toBe('Slow result');
    expect(answer.message?.embeds).toEqual(answer.body.embeds);
  });

  it('a slow refusal replaces the public placeholder with a private message', async () => {
    const answer = await slowly(() => h.slash('slow-refusal'));
    expect(answer.callbackType).toBe(5);
    const { token } = answer.interaction;
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path === `/webhooks/${h.fake.appId}/${token}/messages/@original`)).toBe(true);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toContain('Nothing here, slowly.');
  });
});
