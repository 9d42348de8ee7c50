// GIVEN a Slack workspace whose manifest names Sitrep's commands `/sitrep-digest`, `/sitrep-entry`…
// WHEN a channel subscribes there THEN its confirmation and every digest posted later (by the
// scheduler, long after the command) name commands as that workspace types them, because the
// subscription keeps the workspace's spelling; stored text mentioning `/timeline` stays as stored.
import { afterEach, describe, expect, it } from 'vitest';
import { slackDigests, type Cleanup } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

const CHANNEL = { platform: 'slack', workspaceId: 'T0TEST', channelId: 'C0CHAN' };

async function subscribedWith(invoked: string) {
  const { slack, h, command } = await slackDigests(cleanup, invoked);
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  const reply = await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris');
  const [confirmation] = slack.callsTo('chat.postMessage');
  return { slack, h, reply, confirmation: JSON.stringify(confirmation!.args) };
}

describe('GIVEN a workspace with prefixed commands', () => {
  it('THEN the confirmation, the reply and the scheduled digest name /sitrep-… commands, and stored text is left alone', async () => {
    const { slack, h, reply, confirmation } = await subscribedWith('/sitrep-digest');
    expect(confirmation).toContain('`/sitrep-digest unsubscribe` stops it.');
    expect(reply).toContain('`/sitrep-digest preview`');
    expect(h.app.digests.store.subscriptions.byChannel(CHANNEL)?.context).toBe('sitrep-');

    h.addEntry({ title: '/timeline of the talks', sources: [{ outlet: 'Gate /help', url: 'https://example.com/report' }] });
    await h.time.advanceTo('2026-07-06T06:01:00Z'); // 08:00 in Paris
    const [digest] = slack.callsTo('chat.postMessage').slice(1);
    const posted = JSON.stringify(digest!.args);
    expect(posted).toContain('`/sitrep-entry show ID`');
    expect(posted).toContain('`/sitrep-digest list`');
    expect(posted).toContain('/timeline of the talks');
    expect(posted).toContain('Gate /help');
    expect(posted).not.toContain('sitrep-timeline');
    expect(posted).not.toContain('sitrep-help');
  });

  it('THEN a workspace without the prefix gets the commands as defined', async () => {
    const { slack, h, confirmation } = await subscribedWith('/digest');
    expect(confirmation).toContain('`/digest unsubscribe` stops it.');
    expect(h.app.digests.store.subscriptions.byChannel(CHANNEL)?.context).toBe('');
    h.addEntry({ title: 'Talks resume' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const posted = JSON.stringify(slack.callsTo('chat.postMessage')[1]!.args);
    expect(posted).toContain('`/digest list`');
    expect(posted).not.toContain('sitrep-');
  });
});
