// GIVEN an answer with a picture that runs to several parts (a digest preview with its card) WHEN
// the user turns to the next part and back THEN the picture is in the first part only: the next
// part carries no loose file, and the first part shows it again in its embed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord-payloads.js';
import { DRAWING } from '../support/drawing.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] });
  await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
  for (let i = 1; i <= 60; i++) {
    h.app.services.editor.addEntry(
      { topic: 'edge', title: `Reported clash number ${i} near the line of contact`, summary: 'A long enough summary of what the outlet reported about it. '.repeat(3), eventType: 'armed-clash', start: { year: 2025, month: 7, day: 14 }, confidence: 'reported', places: [], actors: [], sources: [{ outlet: 'Wire', attribution: 'according to Wire' }], tags: [] },
      { by: 'test', at: new Date().toISOString() },
    );
  }
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

/** The attachments of the message `answer` is, as it is now. */
const attachments = (answer: Answer) => h.fake.rest.messages.get(answer.message!.id as string)?.attachments as { filename: string }[] | undefined;

describe('a digest preview with its card, in several parts', DRAWING, () => {
  it('WHEN Next is pressed THEN the second part has no picture; Previous shows it again in the first', async () => {
    const first = await h.slash('digest', {}, { subcommand: 'preview' });
    expect(first.body.embeds![0]!.image?.url).toBe('attachment://card.png');
    expect(attachments(first)).toMatchObject([{ filename: 'card.png' }]);

    const second = await h.press(first, 'Next part');
    expect(second.body.embeds![0]!.image).toBeUndefined();
    expect(attachments(first)).toEqual([]);

    const back = await h.press(second, 'Previous part');
    expect(back.body.embeds![0]!.image?.url).toBe('attachment://card.png');
    expect(attachments(first)).toMatchObject([{ filename: 'card.png' }]);
  });
});
