// The digest tests' platforms: a Harness store whose digests go through the real Discord or
// Slack adapter's poster to the fake platform, and a way to run /digest there as a user would.
import { afterEach, expect } from 'vitest';
import { startDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { startSlackAdapter } from '../../../src/adapters/slack/index.js';
import { FakeDiscord } from '../../fakes/discord-fake.js';
import type { FakeUser } from '../../fakes/discord-payloads.js';
import { FakeSlack } from '../../fakes/slack-api.js';
import { formBody, postSigned, slashCommandPayload } from '../../fakes/slack-requests.js';
import { Harness } from './harness.js';

/** Run in reverse after each test: what a setup started. */
export type Cleanup = (() => Promise<void> | void)[];

/** A Cleanup list emptied, in reverse, after each test of the file that calls this. */
export function cleanupEachTest(): Cleanup {
  const cleanup: Cleanup = [];
  afterEach(async () => {
    for (const done of cleanup.splice(0).reverse()) await done();
  });
  return cleanup;
}

/** Deliveries and corrections' edits alike finish before virtual time moves on. */
export function settleAll(h: Harness): void {
  h.time.settle = async () => {
    await h.app.digests.deliverer.idle();
    await h.app.digests.edits!.idle();
  };
}

export interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

export const embedText = (e: Embed) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n');

const START = '2026-07-06T05:00:00Z';

export async function discordDigests(cleanup: Cleanup, admin: FakeUser = { id: '1001', username: 'editor' }) {
  const fake = await FakeDiscord.start();
  const h = new Harness({ start: START, admins: `discord:${admin.id}`, noFakePoster: true });
  const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger });
  cleanup.push(() => fake.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  const channel = fake.guild.channelId;
  /** Every message posted in the channel: confirmations and digests. */
  const channelPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
  return { fake, h, admin, channel, channelPosts };
}

/**
 * `invoked`: the command as the workspace's manifest names it (`/sitrep-digest` with `--prefix`);
 * `uploadReadyWaitsMs`: the adapter's waits for a picture Slack has not finished.
 */
export async function slackDigests(cleanup: Cleanup, invoked = '/digest', options: { uploadReadyWaitsMs?: readonly number[] } = {}) {
  const slack = await FakeSlack.start();
  const h = new Harness({ start: START, admins: 'slack:U0ALICE', noFakePoster: true });
  const adapter = await startSlackAdapter(
    { config: { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger },
    { host: '127.0.0.1', ...(options.uploadReadyWaitsMs ? { uploadReadyWaitsMs: options.uploadReadyWaitsMs } : {}) },
  );
  cleanup.push(() => slack.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  /** Runs /digest <text> as Slack delivers it and returns the reply Bolt posted to the response_url, as JSON. */
  const command = async (text: string, userName?: string) => {
    const id = `cmd-${Math.random().toString(36).slice(2)}`;
    const url = `http://127.0.0.1:${adapter.port}/slack/events`;
    const payload = slashCommandPayload({ command: invoked, text, ...(userName ? { userName } : {}), responseUrl: slack.responseUrl(id) });
    const res = await postSigned(url, formBody(payload), { secret: 'secret' });
    expect(res.status).toBe(200);
    const [reply] = await slack.responses.atLeast(1, (r) => r.id === id);
    return JSON.stringify(reply!.body);
  };
  return { slack, h, command };
}
