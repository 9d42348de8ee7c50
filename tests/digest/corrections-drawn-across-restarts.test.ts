// A digest posted on the fake Discord and its entry corrected, then Sitrep restarted: the next
// process knows what the edited message shows. A correction withdrawn after the restart is told
// as withdrawn, and a correction that leaves the message as it is does not edit it again.
import { describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { Caller } from '../../src/core/caller.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { Harness } from './support/harness.js';
import { cleanupEachTest, discordDigests, embedText, settleAll, type Embed } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

/** A daily 08:00 Paris digest posted on 6 Jul with one entry, whose correction the message was then edited to show. */
async function correctedAndShown() {
  const { fake, h, channel } = await discordDigests(cleanup);
  settleAll(h);
  h.startScheduler();
  const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: 'c1' };
  expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false', { ...admin, channelId: channel })).toContain(
    'Sitrep posted a confirmation',
  );
  const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported', fatalities: { best: 3, source: 'SOHR' } });
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
  const messageId = h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat()[0]!;
  const textOf = () => visibleText((fake.rest.messages.get(messageId)!.embeds as Embed[]).map(embedText).join('\n'));
  const edits = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${messageId}`);
  await h.runText(`/entry edit id:${id} confidence:confirmed fatalities:5`, admin);
  await h.time.advance(2 * 60_000);
  expect(textOf()).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed; fatalities 3 → 5');
  expect(edits()).toHaveLength(1);

  /** Stops this process and starts another on the same store and Discord, as a restart does. */
  const restarted = async (): Promise<Harness> => {
    await h.dispose();
    const next = new Harness({ start: '', sharing: h, admins: 'discord:1001', noFakePoster: true });
    const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: next.app.dispatcher, logger: next.logger });
    cleanup.push(() => next.dispose(), () => adapter.stop());
    next.app.digests.posters.register(adapter.poster);
    settleAll(next);
    next.startScheduler();
    return next;
  };
  return { h, id, admin, textOf, edits, restarted };
}

describe('GIVEN a digest message edited to show a correction, and Sitrep restarted since', () => {
  it('WHEN the correction is undone THEN the message is drawn as posted under a mark saying it was withdrawn', async () => {
    const { id, admin, textOf, edits, restarted } = await correctedAndShown();
    const next = await restarted();
    await next.time.advanceTo('2026-07-07T05:00:00Z');
    await next.runText(`/entry undo id:${id}`, admin);
    await next.time.advance(2 * 60_000);
    const text = textOf();
    expect(edits().map((r) => r.status)).toEqual([200, 200]);
    expect(text).toContain('Envoys meet in Baku — correction withdrawn\n✏️ Correction of 6 Jul withdrawn (7 Jul)');
    expect(text).not.toContain('Corrected');
    expect(text).toContain('· reported');
  });

  it('WHEN another field is edited and the edit undone THEN the message, which would read the same, is not edited again', async () => {
    const { id, admin, textOf, edits, restarted } = await correctedAndShown();
    const shown = textOf();
    const next = await restarted();
    await next.time.advanceTo('2026-07-08T10:00:00Z');
    await next.runText(`/entry edit id:${id} title:"Envoys meet in Baku, day 2"`, admin);
    await next.runText(`/entry undo id:${id}`, admin);
    await next.time.advance(2 * 60_000);
    expect(edits()).toHaveLength(1);
    expect(textOf()).toBe(shown);
  });
});
