// GIVEN two sessions of the bot on one store and one token (a process standing by beside the one
// that schedules), WHEN an admin runs a command that writes, THEN both receive the interaction,
// the one that claimed it runs it and answers with its result, and the other says nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { parseAdminRules } from '../../src/core/caller.js';
import type { CommandSpec } from '../../src/core/command-spec.js';
import { Dispatcher } from '../../src/core/dispatcher.js';
import { plainLine } from '../../src/core/view.js';
import { SqliteRequestLog } from '../../src/store/sqlite-request-log.js';
import { startHarness, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

const adminRole = '990000000000000001';
let finish = () => {};
let running = false;
const writeCommand: CommandSpec = {
  name: 'slow-write',
  description: 'A write that runs until the test lets it finish',
  adminOnly: true,
  run: async () => {
    running = true;
    await new Promise<void>((resolve) => (finish = resolve));
    return { title: 'Written', tone: 'success', intro: [plainLine('Done once.')], sections: [] };
  },
};

let h: Harness;
let second: RunningAdapter;
let dispatcher: Dispatcher;
beforeAll(async () => {
  h = await startHarness({
    userRoles: [adminRole],
    // Long enough that the session running the write answers it rather than deferring.
    adapter: { deferAfterMs: 60_000 },
    // One store's request log, as two processes on one store share it.
    dispatcher: (app) =>
      (dispatcher = new Dispatcher({
        commands: [...app.dispatcher.commands, writeCommand], services: app.services, adminRules: parseAdminRules(`discord-role:${adminRole}`), logger: app.logger,
        requestLog: new SqliteRequestLog(app.db),
      })),
  });
  second = await startDiscordAdapter({ config: { token: h.fake.token, appId: h.fake.appId, apiUrl: h.fake.apiUrl }, dispatcher, logger: h.app.logger }, { deferAfterMs: 60_000 });
});
afterAll(async () => {
  await second?.stop();
  await h?.close();
});

describe('GIVEN two sessions of the bot on one token', () => {
  it('WHEN an admin runs a writing command THEN the session running it answers with its result, and the other does not answer', async () => {
    await expect.poll(() => h.fake.gateway.connections).toBe(2);
    const answer = h.slash('slow-write');
    await expect.poll(() => running).toBe(true);
    await expect.poll(() => h.app.logger.lines.some((l) => l.message === 'discord interaction is being answered by another session')).toBe(true);
    finish();
    const { body, callback } = await answer;
    expect(body.embeds![0]!.title).toBe('Written');
    expect(callback.status).toBe(204);
    expect(h.fake.requests.filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    expect(problemsIn(h.fake.requests)).toEqual([]);
  });
});
