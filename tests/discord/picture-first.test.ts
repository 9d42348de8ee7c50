// GIVEN a view with a picture (a digest with its card) WHEN Discord's poster posts or edits it
// THEN the first message shows the picture before the entries, as Slack and the console do: an
// embed holds the title, the intro and the picture, and the entries follow in an embed of their
// own (Discord draws an embed's image below its fields). One file is attached, described by the
// alt text; later messages, a retry's remaining messages and a picture that cannot be drawn carry
// none, and an edit keeps the picture first without sending the file again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { span, type View } from '../../src/core/view.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Embed, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

/** A 1×1 PNG: the poster sends the bytes as drawn. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const ALT = 'Bar chart of 3 entries added, by event type, this period against the period before (Statement 2, Armed clash 1).';

interface Sent {
  embeds: Embed[];
  attachments?: { id: string; filename: string; description: string }[];
}

/** A digest of `count` entries with its card; `drawn` counts the drawings asked for. */
function cardDigest(count: number, png: () => Promise<Uint8Array> = () => Promise.resolve(PNG)) {
  const drawn = { times: 0 };
  const view: View = {
    title: 'Sitrep digest — syria-israel',
    tone: 'normal',
    intro: [[span.plain(`${count} new entries since yesterday.`)]],
    sections: Array.from({ length: count }, (_, i) => ({ heading: [span.bold(`Entry ${i + 1}`)], lines: [[span.plain(`What happened, number ${i + 1}. ${'More of the story. '.repeat(count > 5 ? 40 : 1)}`)]] })),
    footer: [span.plain('Unsubscribe: '), span.command('digest unsubscribe')],
    image: { filename: 'card.png', width: 1, height: 1, alt: ALT, table: [], png: () => ((drawn.times += 1), png()) },
  };
  return { view, drawn };
}

const postsTo = (channel: string) => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`).map((r) => ({ ...r, body: r.body as Sent }));
const stored = (id: string) => h.fake.rest.messages.get(id) as { embeds: Embed[]; attachments: { id: string; filename: string; description?: string }[] };
const entryNames = (embeds: readonly Embed[]) => embeds.flatMap((e) => (e.fields ?? []).map((f) => f.name));

describe('a digest with its card, posted on Discord', () => {
  it('opens with the title, the intro and the picture in the first embed; the entries follow in the next; one file, described', async () => {
    const channel = snowflake();
    const [id] = (await h.adapter.poster.post(channel, cardDigest(3).view)).refs;
    const [request] = postsTo(channel);
    const [head, entries, ...more] = request!.body.embeds;
    expect(more).toEqual([]);
    expect(head).toMatchObject({ title: 'Sitrep digest — syria-israel', description: '3 new entries since yesterday.', image: { url: 'attachment://card.png' } });
    expect(head!.fields).toBeUndefined();
    expect(entries!.image).toBeUndefined();
    expect(entryNames([entries!])).toEqual(['**Entry 1**', '**Entry 2**', '**Entry 3**']);
    // The footer closes the message, under the entries; the colour marks both embeds alike.
    expect(head!.footer).toBeUndefined();
    expect(entries!.footer?.text).toBe('Unsubscribe: /digest unsubscribe');
    expect(entries!.color).toBe(head!.color);
    expect(request!.files?.map((f) => f.name)).toEqual(['card.png']);
    expect(request!.body.attachments).toEqual([{ id: '0', filename: 'card.png', description: ALT }]);
    expect(stored(id!).attachments).toMatchObject([{ filename: 'card.png', description: ALT }]);
  });

  it('in several messages, only the first carries the picture, and the entries lose nothing', async () => {
    const channel = snowflake();
    const ids = (await h.adapter.poster.post(channel, cardDigest(12).view)).refs;
    expect(ids.length).toBeGreaterThan(1);
    const requests = postsTo(channel);
    expect(requests[0]!.body.embeds[0]!.image).toEqual({ url: 'attachment://card.png' });
    expect(requests[0]!.body.embeds[1]!.fields?.length).toBeGreaterThan(0);
    for (const later of requests.slice(1)) {
      expect(later.body.embeds).toHaveLength(1);
      expect(later.body.embeds[0]!.image).toBeUndefined();
      expect(later.files ?? []).toEqual([]);
    }
    expect(ids.slice(1).map((id) => stored(id).attachments)).toEqual(ids.slice(1).map(() => []));
    expect(entryNames(requests.flatMap((r) => r.body.embeds)).filter((n) => n.startsWith('**Entry'))).toEqual(Array.from({ length: 12 }, (_, i) => `**Entry ${i + 1}**`));
  });

  it('a retry after the first message went out posts the rest without drawing or attaching the picture', async () => {
    const channel = snowflake();
    const { view, drawn } = cardDigest(12);
    const ids = (await h.adapter.poster.post(channel, view, 1)).refs;
    expect(ids.length).toBeGreaterThan(0);
    expect(drawn.times).toBe(0);
    for (const request of postsTo(channel)) {
      expect(request.body.embeds.some((e) => e.image)).toBe(false);
      expect(request.files ?? []).toEqual([]);
    }
  });

  it('a picture that cannot be drawn is left out: one embed, its alt text said under the intro, no file', async () => {
    const channel = snowflake();
    const [id] = (await h.adapter.poster.post(channel, cardDigest(3, () => Promise.reject(new Error('the renderer stopped'))).view)).refs;
    const [request] = postsTo(channel);
    expect(request!.body.embeds).toHaveLength(1);
    expect(request!.body.embeds[0]!.image).toBeUndefined();
    expect(request!.body.embeds[0]!.description).toContain(ALT);
    expect(request!.files ?? []).toEqual([]);
    expect(stored(id!).attachments).toEqual([]);
  });
});

describe('a digest with its card, edited on Discord', () => {
  it('keeps the picture first, above the corrected entries, and does not send the file again', async () => {
    const channel = snowflake();
    const { view } = cardDigest(3);
    const [id] = (await h.adapter.poster.post(channel, view)).refs;
    const before = stored(id!).attachments;
    const { image: _image, ...posted } = view;
    const corrected: View = { ...posted, postedPicture: { filename: 'card.png', alt: ALT }, sections: [{ heading: [span.bold('Entry 1')], lines: [[span.plain('✏️ Corrected: what happened, told again.')]] }, ...view.sections.slice(1)] };
    await h.adapter.poster.update!(channel, [id!], corrected);
    const edit = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${id}`).at(-1)!;
    const body = edit.body as Sent;
    expect(body).not.toHaveProperty('attachments');
    expect(edit.files ?? []).toEqual([]);
    expect(body.embeds).toHaveLength(2);
    expect(body.embeds[0]).toMatchObject({ title: 'Sitrep digest — syria-israel', image: { url: 'attachment://card.png' } });
    expect(body.embeds[1]!.fields?.[0]?.value).toContain('✏️ Corrected: what happened, told again.');
    const after = stored(id!);
    expect(after.attachments).toEqual(before);
    expect(after.embeds[0]!.image?.url).toBe('attachment://card.png');
    expect(after.embeds[1]!.image).toBeUndefined();
  });
});
