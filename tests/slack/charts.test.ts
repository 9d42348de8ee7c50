// GIVEN the real Bolt app and the fake Slack, WHEN a user asks for a chart, THEN the PNG is
// uploaded (getUploadURLExternal, the bytes POSTed to the address it gave, completeUploadExternal)
// and the answer shows it in an image block with the alt text; Chart data as text answers the figures privately.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import { pngSize } from '../support/png.js';
import { blocksOf, button, labelsOf, shownText, startHarness, type Harness } from './harness.js';
import { DRAWING } from '../support/drawing.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('/chart timeline on Slack', DRAWING, () => {
  it('uploads a PNG of the stated size and shows it with its alt text', async () => {
    const body = await h.command('/chart timeline by:month since:2024');
    const [asked] = h.slack.callsTo('files.getUploadURLExternal');
    const [upload] = h.slack.uploads.items;
    expect(upload?.contentType).toBe('image/png');
    expect(pngSize(upload!.bytes)).toEqual(CHART_SIZES.timeline);
    expect(asked?.args).toMatchObject({ filename: 'timeline.png', length: String(upload!.bytes.length) });
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.args.files).toEqual([{ id: upload!.fileId, title: 'Entries per month — since 2024' }]);
    const image = blocksOf(body).find((b) => b.type === 'image');
    expect(image).toEqual({ type: 'image', slack_file: { id: upload!.fileId }, alt_text: expect.stringMatching(/^Bar chart of 14 entries per month from Jan 2024 to Jul 2025/) });
    expect(asked?.args.alt_text).toBe((image as { alt_text: string }).alt_text);
    expect(labelsOf(body)).toEqual(['Chart data as text']);
  });

  it('Chart data as text answers the figures as a table to the presser alone', async () => {
    const chart = await h.command('/chart timeline by:month since:2025-06');
    const data = await h.press(button(chart, 'Chart data as text'), 'U0OTHER');
    expect(data.response_type).toBe('ephemeral');
    expect(data.replace_original).toBe(false);
    expect(shownText(data)).toContain('`Jul 2025      9`  Armed clash 1, Air/drone strike 1, Talks/negotiation 2, Statement 4, Other 1');
    expect(blocksOf(data).some((b) => b.type === 'image')).toBe(false);
  });

  it('a posted view (a digest with its card) shows the uploaded PNG in its first message', async () => {
    const view = await h.app.dispatcher.runText('/chart timeline by:month since:2024', { platform: 'slack', userId: 'U0ADMIN', channelId: 'C0DIGEST' });
    await h.adapter.poster.post('C0DIGEST', view);
    const upload = h.slack.uploads.items.at(-1)!;
    expect(pngSize(upload.bytes)).toEqual(CHART_SIZES.timeline);
    const posted = h.slack.callsTo('chat.postMessage').at(-1)!;
    expect((posted.args.blocks as { type: string }[]).find((b) => b.type === 'image')).toEqual({ type: 'image', slack_file: { id: upload.fileId }, alt_text: view.image!.alt });
  });

  it('a map of the places the gazetteer located is uploaded and shown with its alt text', async () => {
    const uploads = h.slack.callsTo('files.getUploadURLExternal').length;
    const body = await h.command('/chart map');
    expect(blocksOf(body).find((b) => b.type === 'image')).toMatchObject({ alt_text: expect.stringMatching(/^Map of \d+ located places/) });
    // The image block's alt text says what the picture shows; the message's text does not say it again.
    expect(shownText(body)).not.toMatch(/Map of \d+ located places/);
    await h.slack.calls.atLeast(uploads + 1, (c) => c.method === 'files.getUploadURLExternal');
  });
});
