// GIVEN discord.js against the fake Discord and a card of a candidate its feed dates two days
// ahead WHEN an admin presses Edit, corrects the date and submits THEN the publication is refused
// (Discord's five inputs leave Published out), saying the command to type; the form reopened by
// Edit and resubmit shows Published in place of a field left as it was, and both days corrected
// approve the candidate: it is approvable from the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { REOPEN_LABEL } from '../../src/core/interaction/texts.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { NOW } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { openDiscordReviewDesk } from './support/review-desk.js';
import { buttons, type Answer, type Embed, type Harness, type MessageBody } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const AHEAD = {
  guid: 'levant-ahead',
  title: 'Drone strike kills 3 near Quneitra',
  link: 'https://levant.example/2025/07/22/quneitra-strike',
  summary: 'A drone strike killed three people near Quneitra, local sources said.',
  published: '2025-07-22T08:30:00Z',
};
const adminRole = snowflake();
let feeds: ScriptedFeeds;
let store: ReviewStore;
let app: App;
let h: Harness;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'ahead', adminRole, items: [AHEAD] }));
  ({ feeds, app } = store);
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});

const embedText = (answer: Answer) => answer.body.embeds!.map((embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))).join('\n');
const valuesOf = (answer: Answer) => Object.fromEntries(answer.modal!.components.map((c) => [c.component.custom_id, c.component.value ?? '']));
const entryCount = () => app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;

function card(): Record<string, unknown> & MessageBody {
  const found = [...h.fake.rest.messages.values()].find((m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined && (m.embeds as Embed[])[0]?.title === AHEAD.title);
  if (!found) throw new Error('no card in the review channel');
  return structuredClone(found) as Record<string, unknown> & MessageBody;
}

describe('GIVEN a card of a candidate dated two days ahead', () => {
  it('WHEN the date is corrected in the Edit form THEN Published is refused, and comes into the form reopened, where both days corrected approve it', async () => {
    const posted = card();
    const edit = buttons(posted).find((b) => b.label === 'Edit #1')!;
    const opened = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, edit.custom_id, posted));
    expect(opened.modal!.components.map((c) => c.component.custom_id)).toEqual(['title', 'date', 'type', 'actors', 'summary']);

    const before = storeFingerprint(app.db);
    const refused = await h.submit(opened.modal!.custom_id, { ...valuesOf(opened), date: '2025-07-20' });
    expect(refused.ephemeral).toBe(true);
    const said = embedText(refused);
    expect(said).toContain('Option published is in the future');
    expect(said).toMatch(/date:2025-07-20 published:…/);
    expect(said).toContain('Edit and resubmit opens the form with Published in place of Summary (left as it was).');
    expect(storeFingerprint(app.db)).toBe(before);

    const reopened = await h.press(refused, REOPEN_LABEL);
    expect(reopened.callbackType).toBe(9);
    expect(reopened.modal!.components.map((c) => c.component.custom_id)).toEqual(['title', 'date', 'type', 'actors', 'published']);
    const values = valuesOf(reopened);
    expect(values).toMatchObject({ date: '2025-07-20', published: '2025-07-22' });
    const count = entryCount();
    const approved = await h.submit(reopened.modal!.custom_id, { ...values, published: '2025-07-20' });
    expect(embedText(approved)).toContain(`Approved: added as entry #${count + 1}.`);
    expect(entryCount()).toBe(count + 1);
  });
});
