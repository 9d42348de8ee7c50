// A digest of one event type posted on the fake Discord, then one of its entries corrected to
// another type: the message edited in place says the entry no longer matches the digest's
// filters, as the next digest would, and its header no longer counts it among the new entries.
// An actor filter likewise: an entry the actor is taken off leaves it, while a merge of the actor
// into another (whose entries it then names) does not.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { LEFT_FILTERS } from '../../src/core/digest/compose.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { cleanupEachTest, discordDigests, embedText, type Embed, settleAll } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

const discordAdmin = (guild: string): Caller => ({ platform: 'discord', userId: '1001', workspaceId: guild, channelId: 'c1' });

describe('GIVEN a Talks-only digest posted on the fake Discord with two talks entries', () => {
  async function posted() {
    const { fake, h, channel } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    const admin = discordAdmin(fake.guild.id);
    expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris type:talks card:false', { ...admin, channelId: channel })).toContain('Sitrep posted a confirmation');
    const first = h.addEntry({ title: 'Talks item A', eventType: 'talks' });
    h.addEntry({ title: 'Talks item B', eventType: 'talks' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const [messageId] = h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat();
    const messageText = () => visibleText((fake.rest.messages.get(messageId!)!.embeds as Embed[]).map(embedText).join('\n'));
    expect(messageText()).toContain('2 new entries (2 Talks/negotiation)');
    return { h, admin, first, messageText };
  }

  it('WHEN one entry is corrected to a Statement THEN the edited message says it left the filters and counts it apart', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText(`/entry edit id:${first} type:statement`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).toContain('✏️ Corrected 6 Jul: type Talks/negotiation → Statement');
    expect(text).toContain(LEFT_FILTERS);
    expect(text).toContain('1 new entry (1 Talks/negotiation) · 1 entry since out of this digest’s filters');
    expect(text).not.toContain('Statement)');
  });

  it('WHEN the correction is undone THEN the message no longer says it left the filters', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText(`/entry edit id:${first} type:statement`, admin);
    await h.time.advance(2 * 60_000);
    await h.runText(`/entry undo id:${first}`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).not.toContain(LEFT_FILTERS);
    expect(text).toContain('2 new entries (2 Talks/negotiation)');
  });
});

describe('GIVEN an Israel digest posted on the fake Discord with two entries naming Israel', () => {
  async function posted() {
    const { fake, h, channel } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    const admin = discordAdmin(fake.guild.id);
    await h.runText('/actors add name:"Israeli government" kind:state', admin);
    expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris actor:Israel card:false', { ...admin, channelId: channel })).toContain('Sitrep posted a confirmation');
    const israel = h.actorId('Israel');
    const first = h.addEntry({ title: 'Israel item A', actors: [{ actorId: israel, role: 'participant' }] });
    h.addEntry({ title: 'Israel item B', actors: [{ actorId: israel, role: 'participant' }] });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const [messageId] = h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat();
    const messageText = () => visibleText((fake.rest.messages.get(messageId!)!.embeds as Embed[]).map(embedText).join('\n'));
    expect(messageText()).toContain('2 new entries (2 Talks/negotiation)');
    return { h, admin, first, messageText };
  }

  it('WHEN Israel is taken off one entry THEN the edited message says it left the filters and counts it apart', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText(`/entry edit id:${first} actors:"Syria:participant"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).toContain('✏️ Corrected 6 Jul: actors');
    expect(text).toContain(LEFT_FILTERS);
    expect(text).toContain('1 new entry (1 Talks/negotiation) · 1 entry since out of this digest’s filters');
  });

  it('WHEN Israel is merged into another actor and the entry then corrected THEN the message does not say it left the filters', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText('/actors merge from:"Israel" into:"Israeli government"', admin);
    await h.runText(`/entry edit id:${first} title:"Israel item A, corrected"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).toContain('Israel item A, corrected');
    expect(text).not.toContain(LEFT_FILTERS);
    expect(text).toContain('2 new entries (2 Talks/negotiation)');
  });

  it('WHEN Israel is merged into another actor, that one into a third, and the entry then corrected THEN the message does not say it left the filters', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText('/actors add name:"State of Israel" kind:state', admin);
    await h.runText('/actors merge from:"Israel" into:"Israeli government"', admin);
    await h.runText('/actors merge from:"Israeli government" into:"State of Israel"', admin);
    await h.runText(`/entry edit id:${first} title:"Israel item A, corrected"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).toContain('Israel item A, corrected');
    expect(text).not.toContain(LEFT_FILTERS);
    expect(text).toContain('2 new entries (2 Talks/negotiation)');
  });

  it('WHEN Israel is merged into another actor and then taken off the entry THEN the edited message says it left the filters', async () => {
    const { h, admin, first, messageText } = await posted();
    await h.runText('/actors merge from:"Israel" into:"Israeli government"', admin);
    await h.runText(`/entry edit id:${first} actors:"Syria:participant"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText();
    expect(text).toContain(LEFT_FILTERS);
    expect(text).toContain('1 new entry (1 Talks/negotiation) · 1 entry since out of this digest’s filters');
  });
});
