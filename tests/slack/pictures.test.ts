// GIVEN answers and digests that carry a picture (a digest's card, a chart), WHEN they go to the
// fake Slack, which refuses blocks as Slack does, THEN every message keeps within 50 blocks with
// its picture, a page turn keeps the picture, and a picture Slack has not finished storing is
// shown once it is, or left out with a note rather than losing the message.
import { webApi, type types } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLOCKS_PER_MESSAGE } from '../../src/adapters/slack/limits.js';
import { PICTURE_NOT_SHOWN_TEXT } from '../../src/adapters/slack/picture.js';
import { NEXT_PART_LABEL, PREVIOUS_PART_LABEL } from '../../src/core/interaction/texts.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { DRAWING } from '../support/drawing.js';
import { blocksOf, button, shownText, startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0CHAN';
/** Short entries: a digest of them fills a message's 50 blocks before its character budget. */
const NEW_ENTRIES = 60;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}`, uploadReadyWaitsMs: [5, 5] });
  expect(shownText(await h.command('/digest subscribe schedule:"daily 08:00"', { userId: ADMIN, channelId: CHANNEL }))).toContain('Digest subscribed');
  for (let i = 0; i < NEW_ENTRIES; i += 1) {
    h.app.services.editor.addEntry(
      { topic: 'syria-israel', title: `Short entry ${i}`, summary: '', eventType: 'statement', start: { year: 2025, month: 7, day: 1 }, confidence: 'reported', places: [], actors: [], sources: [], tags: [] },
      { by: 'test', at: new Date().toISOString() },
    );
  }
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  h.slack.finishUploadsAfter(0);
});

type Body = Record<string, unknown>;
const imageOf = (body: Body) => blocksOf(body).find((b): b is types.ImageBlock => b.type === 'image');
const fileOf = (body: Body) => (imageOf(body) as { slack_file?: { id: string } } | undefined)?.slack_file?.id;
const blocksIn = (call: { args: Body }) => call.args.blocks as types.KnownBlock[];

/** The digest preview as the channel's admin asks for it: the card, then every new entry. */
const preview = () => h.command('/digest preview', { userId: ADMIN, channelId: CHANNEL });
const digestView = () => h.app.dispatcher.runText('/digest preview', { platform: 'slack', userId: ADMIN, workspaceId: 'T0TEST', channelId: CHANNEL });

describe('a digest with its card and more entries than one message holds', DRAWING, () => {
  it('/digest preview keeps every part within 50 blocks, the card shown, and Slack refuses none', async () => {
    const refusals = h.slack.refused.items.length;
    const first = await preview();
    expect(blocksOf(first).length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(fileOf(first)).toMatch(/^F/);
    expect(shownText(first)).toContain('Part 1 of 2');
    expect(shownText(first)).toContain('Short entry 59');
    expect(h.slack.refused.items.slice(refusals)).toEqual([]);
  });

  it('Next keeps the picture with the message (the same file, not uploaded again), and so does Previous', async () => {
    const refusals = h.slack.refused.items.length;
    const first = await preview();
    const uploads = h.slack.callsTo('files.getUploadURLExternal').length;
    const second = await h.press(button(first, NEXT_PART_LABEL), ADMIN);
    expect(second.replace_original).toBe(true);
    expect(shownText(second)).toContain('Part 2 of 2');
    expect(shownText(second)).toContain('Short entry 10');
    expect(blocksOf(second).length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(fileOf(second)).toBe(fileOf(first));
    const back = await h.press(button(second, PREVIOUS_PART_LABEL), ADMIN);
    expect(shownText(back)).toContain('Part 1 of 2');
    expect(fileOf(back)).toBe(fileOf(first));
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(uploads);
    expect(h.slack.refused.items.slice(refusals)).toEqual([]);
  });

  it('after a restart (nothing of the upload remembered), Next uploads the picture again and shows it', async () => {
    const first = await preview();
    await h.restart();
    const uploads = h.slack.callsTo('files.getUploadURLExternal').length;
    const second = await h.press(button(first, NEXT_PART_LABEL), ADMIN);
    expect(shownText(second)).toContain('Part 2 of 2');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(uploads + 1);
    expect(fileOf(second)).toBe(h.slack.uploads.items.at(-1)!.fileId);
  });

  it('posted, every message keeps within 50 blocks, the card in the first; a correction keeps it there', async () => {
    const refusals = h.slack.refused.items.length;
    const view = await digestView();
    const refs = (await h.adapter.poster.post('C0POSTED', view)).refs;
    const posted = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0POSTED');
    expect(posted.length).toBe(refs.length);
    for (const call of posted) expect(blocksIn(call).length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(blocksIn(posted[0]!).some((b) => b.type === 'image')).toBe(true);

    const { image, ...rest } = view;
    await h.adapter.poster.update!('C0POSTED', refs, { ...rest, postedPicture: { filename: image!.filename, alt: image!.alt } });
    const edited = h.slack.callsTo('chat.update').filter((c) => c.args.channel === 'C0POSTED');
    expect(edited.map((c) => c.args.ts)).toEqual(refs);
    for (const call of edited) expect(blocksIn(call).length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(blocksIn(edited[0]!).find((b) => b.type === 'image')).toEqual(blocksIn(posted[0]!).find((b) => b.type === 'image'));
    expect(h.slack.refused.items.slice(refusals)).toEqual([]);
  });
});

describe('a picture Slack has not finished storing when the message goes', DRAWING, () => {
  it('a chart is shown once Slack has finished the upload: the answer is sent again, not lost', async () => {
    h.slack.finishUploadsAfter(1);
    const refusals = h.slack.refused.items.length;
    const body = await h.command('/chart timeline by:month since:2024');
    expect(fileOf(body)).toBe(h.slack.uploads.items.at(-1)!.fileId);
    expect(h.slack.refused.items.slice(refusals).map((r) => r.via)).toEqual(['response_url']);
  });

  it('a digest is posted with its card once Slack has finished the upload, instead of failing for good', async () => {
    h.slack.finishUploadsAfter(2);
    const refusals = h.slack.refused.items.length;
    const refs = (await h.adapter.poster.post('C0LATE', await digestView())).refs;
    const first = h.slack.messages.get(refs[0]!)!;
    expect(fileOf(first as Body)).toBe(h.slack.uploads.items.at(-1)!.fileId);
    expect(h.slack.refused.items.slice(refusals).map((r) => r.via)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('a digest whose card Slack never finishes in time is posted without it, saying so', async () => {
    h.slack.finishUploadsAfter(10);
    const refs = (await h.adapter.poster.post('C0NEVER', await digestView())).refs;
    const first = h.slack.messages.get(refs[0]!)! as Body;
    expect(imageOf(first)).toBeUndefined();
    expect(shownText(first)).toContain(PICTURE_NOT_SHOWN_TEXT);
    expect(shownText(first)).toContain('Short entry 59');
    expect(refs.length).toBeGreaterThan(1);
  });
});

describe('a post with a picture whose answer was lost', DRAWING, () => {
  /** Posts the digest with its card; Slack takes (or not) the first message but its answer is lost, and the post is tried again. */
  async function postLostThenRetried(channel: string, tookEffect: boolean) {
    const view = await digestView();
    const mark = { key: `lost-${channel.toLowerCase()}`, retryOf: new Date() };
    const uploads = h.slack.uploads.items.length;
    h.slack.cutOffNext('chat.postMessage', tookEffect);
    await expect(h.adapter.poster.post(channel, view, 0, '', { key: mark.key })).rejects.toThrow();
    const result = await h.adapter.poster.post(channel, view, 0, '', mark);
    const firsts = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && (c.args.metadata as { event_payload: { message: number } }).event_payload.message === 0);
    return { result, firsts, uploaded: h.slack.uploads.items.slice(uploads) };
  }

  it('WHEN Slack had posted it THEN the retry finds the message and uploads the picture no second time', async () => {
    const { result, firsts, uploaded } = await postLostThenRetried('C0LOSTPOSTED', true);
    expect(firsts).toHaveLength(1);
    expect(uploaded).toHaveLength(1);
    expect(fileOf(h.slack.messages.get(result.refs[0]!)! as Body)).toBe(uploaded[0]!.fileId);
    expect(result.picture).toBe('posted');
  });

  it('WHEN Slack had not posted it THEN the retry uploads the picture again and posts the message with it', async () => {
    const { result, firsts, uploaded } = await postLostThenRetried('C0LOSTNOT', false);
    expect(firsts).toHaveLength(2);
    expect(uploaded).toHaveLength(2);
    expect(h.slack.messagesIn('C0LOSTNOT').filter((m) => imageOf(m as Body))).toHaveLength(1);
    expect(fileOf(h.slack.messages.get(result.refs[0]!)! as Body)).toBe(uploaded[1]!.fileId);
    expect(result.picture).toBe('posted');
  });
});

describe('the fake Slack refuses blocks as Slack does', () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack?.close();
  });
  const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const post = (blocks: types.KnownBlock[]) => client.chat.postMessage({ channel: 'C1', text: 't', blocks });

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => section('x')), 'no more than 50 items allowed'],
    ['a section of 3,001 characters', [section('x'.repeat(3001))], '/blocks/0/text/text'],
    ['a header of 151 characters', [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } } as types.HeaderBlock], '/blocks/0/text/text'],
    ['a file never uploaded', [{ type: 'image', slack_file: { id: 'F0NOPE' }, alt_text: 'x' } as types.ImageBlock], 'invalid slack file'],
  ])('%s: invalid_blocks', async (_what, blocks, error) => {
    await expect(post(blocks)).rejects.toMatchObject({ data: { error: 'invalid_blocks', errors: [expect.stringContaining(error)] } });
    expect(slack.messages.size).toBe(0);
  });

  it('50 blocks, a section of 3,000 and a header of 150 characters are taken', async () => {
    await post([{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(150) } }, section('x'.repeat(3000)), ...Array.from({ length: 48 }, () => section('x'))]);
    expect(slack.messages.size).toBe(1);
  });
});
