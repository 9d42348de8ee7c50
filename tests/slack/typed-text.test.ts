// GIVEN the real Bolt app and the fake Slack, WHEN an admin types text Slack rewrites on its way
// to the app (entities for & < >, `<…>` around links, and around mentions and channels when the
// command escapes them), THEN the entry stores what was typed, exactly as the same text
// submitted through the modal (which Slack hands over unchanged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText, startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});

// With a summary: /entry add given every required option but no summary opens its form instead.
const REQUIRED = 'date:2025-07 type:talks topic:syria-israel outlet:AFP summary:"As sourced."';

/** Runs `/entry add` as Slack delivers it and returns the new entry as stored. */
async function addTyped(deliveredText: string) {
  const body = await h.command(`/entry add ${deliveredText} ${REQUIRED}`, { userId: ADMIN });
  const id = /#(\d+)/.exec(shownText(body))?.[1];
  if (!id || !shownText(body).includes('Added entry')) throw new Error(`not added: ${shownText(body)}`);
  return h.app.services.dossier.getEntry(Number(id))!;
}

/** Submits the same fields through the modal and returns the new entry as stored. */
async function addThroughModal(fields: Record<string, string>) {
  const view = await h.openForm('/entry add', { userId: ADMIN });
  const before = h.slack.callsTo('chat.postEphemeral').length;
  const answer = await h.submitForm(view, { date: '2025-07', type: 'talks', topic: 'syria-israel', outlet: 'AFP', ...fields }, { userId: ADMIN });
  expect(answer.body).toBeUndefined();
  const [posted] = (await h.slack.calls.atLeast(before + 1, (c) => c.method === 'chat.postEphemeral')).slice(before);
  const id = /Added entry #(\d+)\./.exec(String(posted!.args.text))![1];
  return h.app.services.dossier.getEntry(Number(id))!;
}

describe('slash-command text is stored as typed', () => {
  it('a link Slack wrapped in <…> is a valid source_url, its &amp; back to &', async () => {
    const entry = await addTyped('title:"Talks in Paris" source_url:<https://example.org/story?id=7&amp;lang=en>');
    expect(entry.sources.map((s) => s.url)).toEqual(['https://example.org/story?id=7&lang=en']);
  });

  it('a link Slack gave a label keeps the text the user typed', async () => {
    const entry = await addTyped('title:"Read <http://example.org/brief|example.org/brief> first"');
    expect(entry.title).toBe('Read example.org/brief first');
  });

  it('mentions and channels escaped by Slack read as typed, not as <@U…> ids', async () => {
    const entry = await addTyped('title:"Barrack <@U0BARRACK|tom.barrack> in <#C0PARIS|paris-talks> for <!here>"');
    expect(entry.title).toBe('Barrack @tom.barrack in #paris-talks for @here');
  });

  it('the same title typed in the command and in the modal is stored the same', async () => {
    const typed = 'Talks <Paris> & Baku: “Hamas & Israel” https://example.org';
    const viaCommand = await addTyped('title:"Talks &lt;Paris&gt; &amp; Baku: “Hamas &amp; Israel” <https://example.org>"');
    const viaModal = await addThroughModal({ title: typed });
    expect(viaModal.title).toBe(typed);
    expect(viaCommand.title).toBe(viaModal.title);
  });
});
