// GIVEN the compiled bot running as its own process against the fake Discord, WHEN the gateway
// sends it interactions discord.js cannot read (before, each ended the process), THEN the process
// logs and drops them and goes on answering commands; WHEN it is then told to stop (SIGTERM, as
// systemd does), THEN it stops cleanly: status 0 and the store closed (its WAL folded back in).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { slashCommand, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { startCompiled } from '../support/compiled.js';

let fake: FakeDiscord;
let dir: string;
let bot: ChildProcessByStdio<null, Readable, Readable>;
let log = '';
let exited: Promise<number | null>;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-process-'));
  bot = startCompiled('src/main.ts', [], {
    SITREP_DB: join(dir, 'sitrep.db'), DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info',
  });
  exited = new Promise((resolve) => bot.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    bot.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Sitrep is running')) resolve();
    });
  });
});
afterAll(async () => {
  if (bot.exitCode === null) bot.kill('SIGKILL');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const user: FakeUser = { id: snowflake(), username: 'analyst' };
const timeline = () => slashCommand(fake.appId, fake.guild, user, 'timeline', []);

it('WHEN unreadable interactions arrive THEN it logs their ids, drops them and answers the next command', async () => {
  const spoiled = [timeline(), timeline(), timeline()];
  delete spoiled[0]!.payload.data;
  (spoiled[1]!.payload.data as Record<string, unknown>).options = { limit: 5 };
  delete spoiled[2]!.payload.member;
  for (const { payload } of spoiled) fake.gateway.dispatch('INTERACTION_CREATE', payload);
  const logged = (id: string) => log.split('\n').some((line) => line.includes(`"id":"${id}"`) && line.includes('dropped a gateway event it could not read'));
  await expect.poll(() => spoiled.filter(({ id }) => logged(id))).toHaveLength(3);
  const answered = fake.interact(timeline());
  await fake.waitFor((r) => r.path === `/interactions/${answered.id}/${answered.token}/callback`);
  expect(bot.exitCode).toBeNull();
});

it('WHEN it is sent SIGTERM THEN it exits with status 0 and the store is closed', async () => {
  bot.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(existsSync(join(dir, 'sitrep.db-wal'))).toBe(false);
  expect(log).toContain('shutting down');
});
