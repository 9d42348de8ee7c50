// A digest posted on the fake Discord, then its entry corrected, the correction taken back or
// corrected again: the edited message and the next digest say what truly changed and when. A
// claim added and taken back is no correction; a mark keeps the day of the change it shows; a
// section keeps what its digest announced; a correction withdrawn is said to be; an actor merged
// since is named as it is now.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { diffFields } from '../../src/core/digest/changes.js';
import { LEFT_FILTERS } from '../../src/core/digest/compose.js';
import { describeChanges } from '../../src/core/digest/entry-lines.js';
import type { EntryInput } from '../../src/core/domain.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { entryInput } from './support/entry-input.js';
import { cleanupEachTest, discordDigests, embedText, type Embed, settleAll } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

const discordAdmin = (guild: string): Caller => ({ platform: 'discord', userId: '1001', workspaceId: guild, channelId: 'c1' });

/** A daily 08:00 Paris digest on the fake Discord (`filter`: its extra options), posted on 6 Jul with one entry. */
async function posted(filter = '') {
  const { fake, h, channel } = await discordDigests(cleanup);
  settleAll(h);
  h.startScheduler();
  const admin = discordAdmin(fake.guild.id);
  const inChannel = { ...admin, channelId: channel };
  expect(await h.runText(`/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false ${filter}`, inChannel)).toContain('Sitrep posted a confirmation');
  const actors = [
    { actorId: h.actorId('Israel'), role: 'participant' as const },
    { actorId: h.actorId('Ron Dermer'), role: 'participant' as const },
  ];
  const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported', actors, fatalities: { best: 3, source: 'SOHR' } });
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
  const messageOf = () => h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat()[0]!;
  const messageId = messageOf();
  const textOf = (message: string) => visibleText((fake.rest.messages.get(message)!.embeds as Embed[]).map(embedText).join('\n'));
  const edits = (message: string) => fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${message}`);
  expect(textOf(messageId)).toContain('Envoys meet in Baku');
  return { h, id, admin, inChannel, messageId, messageOf, textOf, edits };
}

describe('GIVEN two states of an entry', () => {
  const state = (fields: Partial<EntryInput>) => entryInput({ title: 'Envoys meet in Baku', ...fields });
  const names = new Map<number, string>();
  const described = (before: EntryInput, after: EntryInput) => describeChanges({ before, after, changedFields: diffFields(before, after) }, names);

  it('THEN no claims is no change, whether said with an empty list or none', () => {
    expect(diffFields(state({}), state({ claims: [] }))).toEqual([]);
  });

  it('THEN a list is said reordered only when the same items stand in another order', () => {
    expect(described(state({ places: ['Baku', 'Tbilisi'] }), state({ places: ['Tbilisi', 'Baku'] }))).toBe('places: reordered');
    expect(described(state({ places: ['Baku'] }), state({ places: ['Baku', 'Baku'] }))).toBe('places: + Baku');
  });
});

describe('GIVEN a digest posted on the fake Discord', () => {
  it('WHEN a claim is added to its entry and taken back THEN the next digest lists no correction and no edit says "reordered"', async () => {
    const { h, id, admin, inChannel, messageId, textOf } = await posted();
    expect(await h.runText(`/entry claim id:${id} actor:Israel stance:denies outlet:"Army radio"`, admin)).toContain('Israel denies');
    await h.time.advance(2 * 60_000);
    await h.runText(`/entry unclaim id:${id} actor:Israel`, admin);
    await h.time.advance(2 * 60_000);
    const preview = await h.runText('/digest preview', inChannel);
    expect(preview).toContain('Nothing changed since the last digest.');
    expect(preview).not.toContain('reordered');
    expect(textOf(messageId)).not.toContain('reordered');
  });

  it('WHEN it is corrected, and two days later another field is edited and undone THEN the mark keeps the day of the correction and the message is not edited again', async () => {
    const { h, id, admin, messageId, textOf, edits } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(textOf(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(edits(messageId)).toHaveLength(1);
    await h.time.advanceTo('2026-07-08T10:00:00Z');
    await h.runText(`/entry edit id:${id} title:"Envoys meet in Baku, day 2"`, admin);
    await h.runText(`/entry undo id:${id}`, admin);
    await h.time.advance(2 * 60_000);
    expect(textOf(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(textOf(messageId)).not.toContain('8 Jul');
    expect(edits(messageId)).toHaveLength(1);
  });

  it('WHEN it is corrected and another field edited on a later day THEN the mark takes that later day', async () => {
    const { h, id, admin, messageId, textOf } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advanceTo('2026-07-08T10:00:00Z');
    await h.runText(`/entry edit id:${id} title:"Envoys meet in Baku, day 2"`, admin);
    await h.time.advance(2 * 60_000);
    expect(textOf(messageId)).toMatch(/✏️ Corrected 8 Jul: confidence reported → confirmed; title \(was “Envoys meet in Baku”\)/);
  });

  it('WHEN a shown correction is withdrawn THEN the message is drawn as posted under a mark saying so', async () => {
    const { h, id, admin, messageId, textOf, edits } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed fatalities:5`, admin);
    await h.time.advance(2 * 60_000);
    expect(textOf(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed; fatalities 3 → 5');
    await h.time.advanceTo('2026-07-07T05:00:00Z');
    await h.runText(`/entry undo id:${id}`, admin);
    await h.time.advance(2 * 60_000);
    const text = textOf(messageId);
    expect(edits(messageId)).toHaveLength(2);
    expect(text).toContain('✏️ Correction of 6 Jul withdrawn (7 Jul)');
    expect(text).not.toContain('Corrected');
    expect(text).toContain('· reported');
  });

  it('WHEN the entry’s actor is merged and the entry then corrected THEN the redrawn section names the actor as it is now', async () => {
    const { h, id, admin, messageId, textOf } = await posted();
    await h.runText('/actors add name:"Ronen Dermer" kind:person', admin);
    await h.runText('/actors merge from:"Ron Dermer" into:"Ronen Dermer"', admin);
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    const text = textOf(messageId);
    expect(text).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(text).toContain('Actors: Israel (participant), Ronen Dermer (participant)');
    expect(text).not.toContain('actors:');
  });
});

describe('GIVEN an Israel digest that announced a correction taking Ron Dermer off an entry', () => {
  /** Day 1 shows the entry; its correction is announced in the day-2 digest (7 Jul). */
  async function announced() {
    const setup = await posted('actor:"Ron Dermer"');
    const { h, id, admin } = setup;
    await h.runText(`/entry edit id:${id} actors:"Israel:participant" confidence:confirmed`, admin);
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const dayTwo = setup.messageOf();
    expect(dayTwo).not.toBe(setup.messageId);
    const said = setup.textOf(dayTwo);
    expect(said).toContain('Changed: actors: − Ron Dermer (participant); confidence reported → confirmed');
    expect(said).toContain(LEFT_FILTERS);
    return { ...setup, dayTwo };
  }

  it('WHEN the entry is corrected again THEN that digest’s section keeps what it announced, with the new mark under it', async () => {
    const { h, id, admin, dayTwo, textOf } = await announced();
    await h.runText(`/entry edit id:${id} title:"Envoys meet in Baku again"`, admin);
    await h.time.advance(2 * 60_000);
    const text = textOf(dayTwo);
    expect(text).toContain('Envoys meet in Baku again');
    expect(text).toContain(['Changed: actors: − Ron Dermer (participant); confidence reported → confirmed', LEFT_FILTERS, '✏️ Corrected 7 Jul: title (was “Envoys meet in Baku”)'].join('\n'));
    expect(text.split(LEFT_FILTERS)).toHaveLength(2);
  });

  it('WHEN the announced change is undone THEN the section still says what it announced, and the mark says what the undo changed', async () => {
    const { h, id, admin, dayTwo, textOf } = await announced();
    await h.runText(`/entry undo id:${id}`, admin);
    await h.time.advance(2 * 60_000);
    const text = textOf(dayTwo);
    expect(text).toContain('Changed: actors: − Ron Dermer (participant); confidence reported → confirmed');
    expect(text).toMatch(/✏️ Corrected 7 Jul: actors: \+ Ron Dermer \(participant\); confidence confirmed → reported/);
  });
});
