// GIVEN a watched feed and a review channel on Discord WHEN a check proposes candidates THEN each
// card arrives in the channel with Approve, Edit, Reject and Attach to entry (a body Discord's OpenAPI description
// accepts); a refused press changes nothing; a decision adds the entry once and edits the posted
// card to say who decided and the entry it became; a rejected story is never proposed again;
// Edit opens the approval form filled in; an edit Discord refuses is logged, never posted anew.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { ADMINS_ONLY_TEXT } from '../../src/core/interaction/texts.js';
import { reviewButtons } from '../../src/core/review/candidate-card.js';
import { plainLine, type View } from '../../src/core/view.js';
import { buttonPress, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { buttons, startHarness, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
const STYLE = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;
let feeds: ScriptedFeeds;
let dir: string;
let logger: ReturnType<typeof recordingLogger>;
let app: App;
let h: Harness;

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-cards-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  logger = recordingLogger();
  // The feed server is on 127.0.0.1, which only sourcesAllowPrivate lets the fetcher read.
  const admins = parseAdminRules(`discord-role:${adminRole}`);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins, logger, now: () => new Date(NOW), sourcesAllowPrivate: true });
  h = await startHarness({ dispatcher: () => app.dispatcher, userRoles: [adminRole] });
  app.digests.posters.register(h.adapter.poster);
  await h.slash('review', {}, { subcommand: 'channel' });
  // /review channel posts its confirmation there first: set apart, so the channel's other posts are the cards.
  expect(channelPosts()).toHaveLength(1);
  confirmations = 1;
  await h.slash('sources', { url: feeds.url('/levant.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
  await h.slash('sources', { id: 1 }, { subcommand: 'check' });
});
afterAll(async () => {
  await h?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const channel = () => h.fake.guild.channelId;
const entryCount = () => app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
const embedText = (embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n'));
/** /review channel's confirmation posts, before the cards. */
let confirmations = 0;
/** Posts to the review channel by the poster (answers to commands reach Discord as callbacks), after the confirmation. */
const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel()}/messages`).slice(confirmations);

/** The card for `title` as the review channel holds it now (a copy: later edits leave it as it was). */
function card(title: string): Record<string, unknown> & MessageBody & { id: string } {
  const found = [...h.fake.rest.messages.values()].find(
    (m) => m.channel_id === channel() && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === title,
  );
  if (!found) throw new Error(`no card for ${title} in the review channel`);
  return structuredClone(found) as Record<string, unknown> & MessageBody & { id: string };
}

/** Presses the button labelled `label` on `message` (as held then) and waits for the answer. */
function press(message: Record<string, unknown> & MessageBody, label: string, who: FakeUser = h.user): Promise<Answer> {
  const button = buttons(message).find((b) => b.label === label);
  if (!button) throw new Error(`no ${label} button on ${JSON.stringify(message.components)}`);
  return h.deliver(buttonPress(h.fake.appId, h.fake.guild, who, button.custom_id, message));
}

describe('GIVEN a check that proposed three stories', () => {
  it('THEN each card is posted in the review channel with Approve, Edit, Reject and Attach to entry under it, each naming its candidate', () => {
    const posts = channelPosts();
    expect(posts).toHaveLength(3);
    for (const [story, id] of [[PARIS, 1], [SWEIDA, 2], [BAKU, 3]] as const) {
      const posted = card(story.title);
      expect(embedText(posted.embeds![0]!)).toContain(`Candidate #${id} · syria-israel · waiting for review`);
      expect(buttons(posted).map((b) => [b.label, b.style])).toEqual([[`Approve #${id}`, STYLE.success], [`Edit #${id}`, STYLE.primary], [`Reject #${id}`, STYLE.danger], [`Attach #${id} to entry`, STYLE.secondary]]);
      // Written into the custom_id, so the buttons still work after a restart.
      for (const b of buttons(posted)) expect(b.custom_id).toMatch(/^s1:[rf]:d::/);
    }
  });

  it('WHEN someone who is not an admin presses Approve or Reject THEN they alone are refused and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    for (const label of ['Approve #3', 'Reject #3']) {
      const refused = await press(card(BAKU.title), label, h.other);
      expect(refused.callbackType).toBe(4);
      expect(refused.ephemeral).toBe(true);
      expect(embedText(refused.body.embeds![0]!)).toContain(ADMINS_ONLY_TEXT);
    }
    expect(storeFingerprint(app.db)).toBe(before);
    expect(buttons(card(BAKU.title)).map((b) => b.label)).toEqual(['Approve #3', 'Edit #3', 'Reject #3', 'Attach #3 to entry']);
  });

  it('WHEN an admin presses Approve THEN the entry is added once and the card shows who decided and the entry', async () => {
    const before = entryCount();
    const pending = card(BAKU.title);
    const approved = await press(pending, 'Approve #3');
    expect(entryCount()).toBe(before + 1);
    const entryId = before + 1;
    // The presser's answer is the card itself, updated in place without its buttons.
    expect(approved.callbackType).toBe(7);
    expect(approved.body.components).toEqual([]);
    const shown = embedText(approved.body.embeds![0]!);
    expect(shown).toContain(`Approved by ${h.user.username} (Discord) at 2025-07-20 12:00 UTC → entry #${entryId}`);
    expect(shown).toContain(`Approved: added as entry #${entryId}.`);
    // Every posted copy is edited too: here, the message the card went out as.
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${pending.id}`);
    expect(edit.status).toBe(200);
    expect((edit.body as MessageBody).components).toEqual([]);
    expect(embedText(card(BAKU.title).embeds![0]!)).toContain(`→ entry #${entryId}`);
    expect(buttons(card(BAKU.title))).toEqual([]);
    const timeline = await h.slash('timeline', { topic: 'syria-israel', since: '2025-07-18' });
    expect(timeline.body.embeds!.map(embedText).join('\n')).toContain(BAKU.title);

    // A press that was on its way meanwhile (the card as it was) adds nothing.
    const again = await press(pending, 'Approve #3');
    expect(again.ephemeral).toBe(true);
    expect(embedText(again.body.embeds![0]!)).toContain(`Already approved as entry #${entryId}`);
    expect(entryCount()).toBe(before + 1);
    expect(channelPosts()).toHaveLength(3);
  });

  it('WHEN the entry an approved card became is corrected THEN the card is edited to show it, and nothing is posted', async () => {
    const entryId = Number(/→ entry #(\d+)/.exec(embedText(card(BAKU.title).embeds![0]!))![1]);
    const posts = channelPosts().length;
    await h.slash('entry', { id: entryId, confidence: 'confirmed' }, { subcommand: 'edit' });
    // The scheduler's heartbeat makes the edits due; here, at once.
    expect(await app.digests.edits!.runDue(['discord'])).toBe(1);
    const shown = embedText(card(BAKU.title).embeds![0]!);
    expect(shown).toMatch(/✏️ Corrected 20 Jul: confidence \w+ → confirmed/);
    expect(shown).toContain(`→ entry #${entryId}`); // the rest of the card as it was
    expect(channelPosts()).toHaveLength(posts);
  });

  it('WHEN an admin presses Reject THEN the card says so, and checking the feed again never proposes it again', async () => {
    const pending = card(SWEIDA.title);
    const rejected = await press(pending, 'Reject #2');
    expect(rejected.callbackType).toBe(7);
    expect(embedText(rejected.body.embeds![0]!)).toContain(`Rejected by ${h.user.username} (Discord) at`);
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${pending.id}`);
    expect(buttons(card(SWEIDA.title))).toEqual([]);

    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });
    const queue = await h.slash('review', {}, { subcommand: 'list' });
    const listed = queue.body.embeds!.map(embedText).join('\n');
    expect(listed).not.toContain(SWEIDA.title);
    expect(listed).toContain(PARIS.title);
    expect(channelPosts()).toHaveLength(3);
  });

  it('WHEN an admin presses Edit THEN the approval form opens filled in, and submitting it shows the decision on the card in place; an edit Discord refuses is logged, never posted anew', async () => {
    const pending = card(PARIS.title);
    const opened = await press(pending, 'Edit #1');
    expect(opened.callbackType).toBe(9);
    expect(opened.modal!.title).toMatch(/^Approve candidate #\d+$/);
    const values = Object.fromEntries(opened.modal!.components.map((c) => [c.component.custom_id, c.component.value ?? '']));
    expect(values.title).toBe(PARIS.title);
    expect(values.date).toBe('2025-07-20');

    // The bot lost access to the channel: the card cannot show the decision, and nothing else is posted.
    h.fake.failChannel(channel(), { status: 403, body: { code: 50001, message: 'Missing Access' }, times: 1 });
    const before = entryCount();
    const submitted = await h.submit(opened.modal!.custom_id, { ...values, type: 'talks' });
    expect(embedText(submitted.body.embeds![0]!)).toContain(`Approved: added as entry #${before + 1}.`);
    // The form answers as the Approve button does: the card itself shows the decision, no second copy under it.
    expect(submitted.callbackType).toBe(7);
    expect(buttons(card(PARIS.title))).toEqual([]);
    expect(embedText(card(PARIS.title).embeds![0]!)).toContain(`→ entry #${before + 1}`);
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${pending.id}`);
    expect(edit.status).toBe(403);
    expect(logger.lines.some((l) => l.message === 'could not show the decision on a posted card')).toBe(true);
    expect(channelPosts()).toHaveLength(3);
    expect(entryCount()).toBe(before + 1);
  });

  it('WHEN an admin presses Attach to entry on a story the dossier holds already and gives the entry THEN the entry cites the report, no entry is added, and the card shows the decision', async () => {
    const contacts = { guid: 'levant-48400', title: 'Azerbaijan confirms it hosted Syrian-Israeli contacts', link: 'https://levant.example/2025/07/20/azerbaijan-contacts', summary: 'Baku confirmed the meeting of 12 July.', published: '2025-07-20T09:00:00Z' };
    feeds.serve('/levant.xml', 'Levant Wire', [contacts, PARIS, SWEIDA, BAKU]);
    await h.slash('sources', { id: 1 }, { subcommand: 'check' });
    const pending = card(contacts.title);
    const opened = await press(pending, 'Attach #4 to entry');
    expect(opened.callbackType).toBe(9);
    expect(opened.modal!.title).toMatch(/^Attach candidate #\d+$/);
    expect(opened.modal!.components.map((c) => c.component.custom_id)).toEqual(['entry']);
    const before = entryCount();
    const submitted = await h.submit(opened.modal!.custom_id, { entry: '12' });
    expect(embedText(submitted.body.embeds![0]!)).toContain('Approved: its reports added as sources of entry #12.');
    expect(entryCount()).toBe(before);
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${channel()}/messages/${pending.id}`);
    const shown = await h.slash('entry', { id: 12 }, { subcommand: 'show' });
    expect(shown.body.embeds!.map(embedText).join('\n')).toContain(contacts.link);
  });
});

describe('GIVEN a card longer than one message', () => {
  const long: View = {
    title: 'A long card',
    tone: 'normal',
    sections: Array.from({ length: 40 }, (_, i) => ({ lines: [plainLine(`Report ${i}: ${'a long line of card text '.repeat(20)}`)] })),
    buttons: reviewButtons(99),
  };

  it('THEN its buttons are under the last message, and the decision replaces that one', async () => {
    const target = snowflake();
    const ids = (await h.adapter.poster.post(target, long)).refs;
    expect(ids.length).toBeGreaterThan(1);
    const sent = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${target}/messages`);
    expect(sent.map((r) => buttons(r.body as MessageBody).map((b) => b.label))).toEqual([...ids.slice(1).map(() => []), ['Approve #99', 'Edit #99', 'Reject #99', 'Attach #99 to entry']]);

    await h.adapter.poster.update!(target, ids, { title: 'A long card', tone: 'success', sections: [{ lines: [plainLine('Approved → entry #99')] }] });
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${target}/`));
    expect(edits.map((r) => r.path)).toEqual([`/channels/${target}/messages/${ids.at(-1)}`]);
    expect(h.fake.rest.messages.get(ids.at(-1)!)).toMatchObject({ components: [] });
    expect(embedText((h.fake.rest.messages.get(ids.at(-1)!)!.embeds as Embed[])[0]!)).toContain('Approved → entry #99');
  });
});
