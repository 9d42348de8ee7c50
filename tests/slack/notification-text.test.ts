// GIVEN what Sitrep posts on Slack (a watch DM, a digest in several messages) THEN the first line
// of each message's fallback text, which Slack's notification and a screen reader give, says what
// the message is (the view's title), and the rest follows.
import { describe, expect, it } from 'vitest';
import { SlackPoster } from '../../src/adapters/slack/poster.js';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import type { Caller } from '../../src/core/caller.js';
import { plainLine, span } from '../../src/core/view.js';
import { cleanupEachTest } from '../digest/support/platform-digests.js';
import { Harness } from '../digest/support/harness.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { recordingLogger } from '../support/test-app.js';

const cleanup = cleanupEachTest();
const TICK_MS = 30_000;
const firstLine = (text: unknown) => String(text).split('\n')[0];

describe('GIVEN a Slack user watching a place and an actor', () => {
  it('WHEN an entry there is added THEN the first line of the DM’s text is its title, the counts and the watches after it', async () => {
    let clock: Harness | undefined;
    const slack = await FakeSlack.start({ now: () => clock!.time.now().getTime() });
    const h = new Harness({ start: '2026-07-06T05:00:00Z', noFakePoster: true });
    clock = h;
    const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
    const adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
    cleanup.push(() => slack.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
    h.app.digests.posters.register(adapter.poster);
    const runner = h.app.startWatchRunner({ tickMs: TICK_MS });
    h.time.settle = () => runner.idle();
    cleanup.push(() => (h.app.db.open ? runner.stop(1000) : undefined));
    const watcher: Caller = { platform: 'slack', userId: 'U0BOB', workspaceId: 'T0TEST', channelId: 'C0NEWS' };

    await h.run('/watch add place:Paris', watcher);
    await h.run('/watch add actor:Dermer', watcher);
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    const [dm] = slack.callsTo('chat.postMessage');
    const lines = String(dm!.args.text).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Sitrep — what you watch changed', '1 new entry', 'You watch Paris; Ron Dermer.']);
  });
});

describe('GIVEN a digest too long for one Slack message', () => {
  it('WHEN it is posted THEN the first line of every message’s text is the digest’s title, with the part it is', async () => {
    const slack = await FakeSlack.start();
    cleanup.push(() => slack.close());
    slack.replyTo('chat.postMessage', (args) => ({ body: { ok: true, channel: args.channel, ts: `1700000000.${String(slack.callsTo('chat.postMessage').length).padStart(6, '0')}` } }));
    const poster = SlackPoster.create({ botToken: 'xoxb-digest', port: 0, apiUrl: slack.apiUrl }, recordingLogger());
    const sections = Array.from({ length: 120 }, (_, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [plainLine('z'.repeat(200))] }));
    const ts = (await poster.post('C0DIGEST', { title: 'Sitrep digest — syria-israel', tone: 'normal', intro: [plainLine('120 new entries')], sections })).refs;
    expect(ts.length).toBeGreaterThan(1);
    const firstLines = slack.callsTo('chat.postMessage').map((call) => firstLine(call.args.text));
    expect(firstLines).toEqual(ts.map((_, i) => `Sitrep digest — syria-israel (part ${i + 1} of ${ts.length})`));
  });
});
