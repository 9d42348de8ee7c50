// Corrections that outgrow a posted digest message: every entry of a digest part corrected with a
// longer title no longer fits one platform message when drawn whole, and an edit cannot add a
// message. Through the real Slack and Discord posters to the fake platforms, the edited message
// keeps its header, its part line and every entry it listed, in the one message it was, the
// longest corrections drawn shorter with the commands that show them in full; a message that
// cannot hold its corrections even so is left as it was, and the edit recorded as failed.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { shownText } from '../slack/harness.js';
import { cleanupEachTest, discordDigests, embedText, slackDigests, settleAll, type Embed } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

/** Titles full of characters both platforms escape: the rendered text is longer than the stored one. */
const postedTitle = (n: number) => `Talks ${n} ${'Q&A <> '.repeat(20)}`.trim();
const correctedTitle = (id: number) => `Corrected ${id} ${'Q&A <> '.repeat(27)}`.trim();

/** The entries a message lists, in order: the ids its sections open with. */
function entriesListed(text: string): number[] {
  const ids = [...text.matchAll(/^\*?#(\d+)\*? /gm)].map((m) => Number(m[1]));
  return [...new Set(ids)];
}

/** The lines saying which part of the digest (or of a split message) this is. */
const partLines = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((line) => line.split(' · '))
    .filter((line) => /^(part|page) \d+ of \d+$/i.test(line.trim()));

/** Each listed entry's section shows its correction: whole, or shortened with where it is in full. */
function expectEveryCorrectionShown(text: string, ids: readonly number[], inFull: (id: number) => string): number {
  let shortened = 0;
  for (const [index, id] of ids.entries()) {
    const from = text.search(new RegExp(`^\\*?#${id}\\*? `, 'm'));
    const next = ids[index + 1];
    const section = text.slice(from, next === undefined ? undefined : text.search(new RegExp(`^\\*?#${next}\\*? `, 'm')));
    expect(section).toMatch(/✏️ Corrected 6 Jul:_? confidence reported → confirmed/);
    if (section.includes(inFull(id))) shortened += 1;
    else expect(section).toContain('title (was “Talks');
  }
  return shortened;
}

describe('GIVEN a digest posted on the fake Slack in two messages, 15 entries and 5', () => {
  async function posted() {
    const setup = await slackDigests(cleanup);
    const { h, slack } = setup;
    settleAll(h);
    h.startScheduler();
    expect(await setup.command('subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false')).toContain('Digest subscribed');
    const ids = Array.from({ length: 20 }, (_, n) => h.addEntry({ title: postedTitle(n) }));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const digest = () => slack.messagesIn('C0CHAN').slice(1); // after the confirmation
    const texts = () => digest().map((m) => shownText(m as Record<string, unknown>));
    const before = texts();
    expect(before.map((t) => entriesListed(t).length)).toEqual([15, 5]);
    return { ...setup, ids, digest, texts, before, posts: slack.callsTo('chat.postMessage').length };
  }

  it('WHEN every entry is corrected with a longer title THEN each message keeps its header, part line and entries in one message, the longest corrections shortened', async () => {
    const { h, slack, ids, digest, texts, before, posts } = await posted();
    for (const id of ids) h.editEntry(id, { title: correctedTitle(id), confidence: 'confirmed' });
    await h.time.advance(3 * 60_000);

    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
    expect(slack.callsTo('chat.update').map((c) => c.args.ts).sort()).toEqual(digest().map((m) => m.ts).sort());
    const [first, second] = texts();
    expect(entriesListed(first!)).toEqual(entriesListed(before[0]!));
    expect(entriesListed(second!)).toEqual(entriesListed(before[1]!));
    expect(first).toMatch(/^Sitrep digest\nChanges from Mon 6 Jul 2026 07:00 CEST to Mon 6 Jul 2026 08:00 CEST\.\n\*20 new entries \(20 Talks\/negotiation\)\*\n/);
    expect(partLines(first!)).toEqual(['part 1 of 2']);
    expect(partLines(second!)).toEqual(['part 2 of 2']);
    // Escaped as posted: no mention or link can form.
    expect(first).toContain(`#${ids[19]}* *Corrected ${ids[19]} Q&amp;A &lt;&gt; Q&amp;A`);
    expect(first).not.toContain('<>');

    const inFull = (id: number) => `_Shortened to fit this message; in full:_ \`/entry show id:${id}\`, \`/entry history id:${id}\``;
    expect(expectEveryCorrectionShown(first!, entriesListed(first!), inFull)).toBeGreaterThan(0);
    expect(expectEveryCorrectionShown(second!, entriesListed(second!), inFull)).toBe(0); // five fit whole
  });
});

describe('GIVEN a digest on the fake Slack listing 20 short entries in one message', () => {
  it('WHEN they are all removed with reasons too long for it even shortened THEN the message is left as it was, and the edit recorded as failed and logged', async () => {
    const { h, slack, command } = await slackDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    expect(await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false')).toContain('Digest subscribed');
    const ids = Array.from({ length: 20 }, (_, n) => h.addEntry({ title: `Talks ${n}` }));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const [digest] = slack.messagesIn('C0CHAN').slice(1);
    const before = shownText(digest as Record<string, unknown>);
    expect(entriesListed(before)).toHaveLength(20);

    for (const id of ids) h.removeEntry(id, `Duplicate of ${'&<>'.repeat(150)}`);
    await h.time.advance(3 * 60_000);

    expect(slack.callsTo('chat.update')).toEqual([]);
    expect(shownText(slack.messagesIn('C0CHAN')[1] as Record<string, unknown>)).toBe(before);
    const failed = h.app.db.prepare("SELECT status, last_error FROM post_edits").all();
    expect(failed).toEqual([{ status: 'failed', last_error: 'the corrected post does not fit the message it went out as, even with its corrections shortened; left as it was' }]);
    expect(h.logger.lines.filter((l) => l.message.includes('does not fit')).map((l) => l.level)).toEqual(['warn']);
  });
});

describe('GIVEN a digest posted on the fake Discord in two messages', () => {
  const admin = (guild: string): Caller => ({ platform: 'discord', userId: '1001', workspaceId: guild, channelId: 'c1' });

  async function posted() {
    const setup = await discordDigests(cleanup);
    const { fake, h, channel } = setup;
    settleAll(h);
    h.startScheduler();
    expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false', { ...admin(fake.guild.id), channelId: channel })).toContain('Sitrep posted a confirmation');
    const ids = Array.from({ length: 20 }, (_, n) => h.addEntry({ title: postedTitle(n) }));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const messageIds = h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat();
    const texts = () => messageIds.map((id) => visibleText((fake.rest.messages.get(id)!.embeds as Embed[]).map(embedText).join('\n')));
    const before = texts();
    expect(before).toHaveLength(2);
    expect(before.flatMap(entriesListed)).toHaveLength(20);
    const edits = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${channel}/messages/`));
    return { ...setup, ids, messageIds, texts, before, edits, posts: setup.channelPosts().length };
  }

  it('WHEN every entry is corrected with a longer title THEN each message keeps its header, part line and entries in one message, the longest corrections shortened', async () => {
    const { h, ids, messageIds, texts, before, edits, channelPosts, posts } = await posted();
    for (const id of ids) h.editEntry(id, { title: correctedTitle(id), confidence: 'confirmed' });
    await h.time.advance(3 * 60_000);

    expect(channelPosts()).toHaveLength(posts);
    expect(edits().map((r) => r.path.split('/').at(-1)).sort()).toEqual([...messageIds].sort());
    for (const request of edits()) expect((request.body as { embeds: unknown[] }).embeds).toHaveLength(1);
    const [first, second] = texts();
    expect(entriesListed(first!)).toEqual(entriesListed(before[0]!));
    expect(entriesListed(second!)).toEqual(entriesListed(before[1]!));
    expect(first).toMatch(/^Sitrep digest\nChanges from Mon 6 Jul 2026 07:00 CEST to Mon 6 Jul 2026 08:00 CEST\.\n20 new entries \(20 Talks\/negotiation\)\n/);
    expect(partLines(first!)).toEqual(['part 1 of 2']);
    expect(partLines(second!)).toEqual(['part 2 of 2']);

    const inFull = (id: number) => `Shortened to fit this message; in full: /entry show id:${id}, /entry history id:${id}`;
    const shortened = [first!, second!].map((text) => expectEveryCorrectionShown(text, entriesListed(text), inFull));
    expect(shortened[0]).toBeGreaterThan(0);
  });
});
