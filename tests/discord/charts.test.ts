// GIVEN the real discord.js client against the fake Discord, WHEN a user asks for a chart, THEN
// the reply carries the PNG as an attachment (its description the alt text) shown in the embed,
// and the Chart data as text button answers the figures to the presser alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import { pngSize } from '../support/png.js';
import { buttons, startHarness, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';
import { DRAWING } from '../support/drawing.js';

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

describe('/chart timeline on Discord', DRAWING, () => {
  it('attaches a PNG of the stated size, shows it in the embed, and describes it with the figures', async () => {
    const answer = await h.slash('chart', { by: 'month', since: '2024' }, { subcommand: 'timeline' });
    const sent = h.fake.requests.filter((r) => r.files?.length).at(-1);
    expect(sent?.files).toHaveLength(1);
    const file = sent!.files![0]!;
    expect(file.name).toBe('timeline.png');
    expect(pngSize(file.bytes)).toEqual(CHART_SIZES.timeline);
    const embed = answer.body.embeds![0]!;
    expect(embed.title).toBe('Entries per month — since 2024');
    expect(embed.image?.url).toBe('attachment://timeline.png');
    const payload = answer.body as { attachments?: { description: string }[] };
    expect(payload.attachments).toMatchObject([{ description: expect.stringMatching(/^Bar chart of 14 entries per month from Jan 2024 to Jul 2025, stacked by event type \(Statement 5, Air\/drone strike 2/) }]);
    // The attachment's description says what the picture shows; the embed's text does not say it again.
    expect(embed.description ?? '').not.toContain('Bar chart');
    expect(answer.message?.attachments).toMatchObject([{ filename: 'timeline.png', content_type: 'image/png' }]);
    expect(buttons(answer.body).map((b) => b.label)).toEqual(['Chart data as text']);
  });

  it('Chart data as text answers the same figures as a table, privately, and leaves the chart as it was', async () => {
    const chart = await h.slash('chart', { by: 'month', since: '2025-06' }, { subcommand: 'timeline' });
    const data = await h.press(chart, 'Chart data as text', h.other);
    expect(data.ephemeral).toBe(true);
    const embed = data.body.embeds![0]!;
    expect(embed.title).toBe('Data — Entries per month — since Jun 2025');
    expect(embed.description).toMatch(/^Bar chart of 9 entries per month from Jun 2025 to Jul 2025/);
    expect(embed.fields?.[0]?.value).toContain('`Jun 2025      0`\n`Jul 2025      9`  Armed clash 1, Air/drone strike 1, Talks/negotiation 2, Statement 4, Other 1');
    expect(data.body.embeds![0]!.image).toBeUndefined();
    expect(h.fake.rest.originalMessage(chart.interaction.token)?.attachments).toHaveLength(1);
  });

  it('a posted view (a digest with its card) carries the PNG in its first message', async () => {
    const view = await h.app.dispatcher.runText('/chart timeline by:month since:2024', { platform: 'discord', userId: h.user.id, channelId: '42' });
    const [id] = (await h.adapter.poster.post('4242', view)).refs;
    const sent = h.fake.requests.find((r) => r.method === 'POST' && r.path === '/channels/4242/messages')!;
    expect(pngSize(sent.files![0]!.bytes)).toEqual(CHART_SIZES.timeline);
    const body = sent.body as { embeds: { image?: { url: string } }[]; attachments: { description: string }[] };
    expect(body.embeds[0]!.image).toEqual({ url: 'attachment://timeline.png' });
    expect(body.attachments[0]!.description).toBe(view.image!.alt);
    expect(h.fake.rest.messages.get(id!)?.attachments).toMatchObject([{ filename: 'timeline.png', description: view.image!.alt }]);
  });

  it('a chart of nothing says so in text, with no picture', async () => {
    const answer = await h.slash('chart', { type: 'protest' }, { subcommand: 'timeline' });
    expect(answer.body.embeds![0]!.description).toContain('No entries match, so there is nothing to chart.');
    expect(answer.message?.attachments).toEqual([]);
  });
});
