// GIVEN the fake Discord, WHEN the adapter starts and stops, THEN it is connected only while
// running, and a bad token fails the start instead of leaving a half-started bot.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let fake: FakeDiscord;
let app: TestApp;
beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
  app = createTestApp();
});
afterAll(async () => {
  await fake?.close();
  app?.dispose();
});

const deps = (token: string) => ({ config: { token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: app.dispatcher, logger: app.logger });

it('is connected once started and disconnected once stopped', async () => {
  const adapter = await startDiscordAdapter(deps(fake.token));
  expect(adapter.name).toBe('discord');
  expect(fake.gateway.connections).toBe(1);
  // Heartbeats are sent and acknowledged: the client keeps the same connection.
  const heartbeats = fake.gateway.heartbeats;
  await expect.poll(() => fake.gateway.heartbeats, { timeout: 2_000 }).toBeGreaterThanOrEqual(heartbeats + 2);
  expect(fake.gateway.identifies).toHaveLength(1);
  expect(fake.gateway.connections).toBe(1);
  await adapter.stop();
  await expect.poll(() => fake.gateway.connections).toBe(0);
});

it('refuses to start with a token Discord rejects', async () => {
  await expect(startDiscordAdapter(deps('wrong-token'))).rejects.toThrow();
  expect(fake.gateway.connections).toBe(0);
});
