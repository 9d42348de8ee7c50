// GIVEN answers with a picture on Discord WHEN a user asks for them THEN a reader meets the
// picture where the view has it, as on Slack and the console: /digest preview shows its card
// under the title and intro, before the entries (the entries in an embed after the picture's);
// a chart reply, whose picture is its content, stays one embed: its title, its notes, the picture.
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
  for (let i = 1; i <= 3; i++) {
    h.app.services.editor.addEntry(
      { topic: 'edge', title: `Reported clash number ${i}`, summary: 'What the outlet reported.', eventType: 'armed-clash', start: { year: 2025, month: 7, day: 14 }, confidence: 'reported', places: [], actors: [], sources: [{ outlet: 'Wire', attribution: 'according to Wire' }], tags: [] },
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

const attachments = (answer: Answer) => h.fake.rest.messages.get(answer.message!.id as string)?.attachments as { filename: string }[] | undefined;
const fieldText = (answer: Answer) => (answer.body.embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => `${f.name}\n${f.value}`)).join('\n');

describe('/digest preview on Discord', DRAWING, () => {
  it('shows the card under the title and intro, and the entries after it', async () => {
    const preview = await h.slash('digest', {}, { subcommand: 'preview' });
    const [head, entries, ...more] = preview.body.embeds!;
    expect(more).toEqual([]);
    expect(head!.title).toBe('Digest preview');
    expect(head!.description).toMatch(/^No digest has been sent since this channel subscribed/);
    expect(head!.image?.url).toBe('attachment://card.png');
    expect(head!.fields).toBeUndefined();
    expect(entries!.image).toBeUndefined();
    expect(fieldText(preview)).toContain('Reported clash number 1');
    expect(attachments(preview)).toMatchObject([{ filename: 'card.png' }]);
  });
});

describe('/chart timeline on Discord', DRAWING, () => {
  it('keeps its one embed: the title, the notes above the picture, then the picture', async () => {
    const chart = await h.slash('chart', { topic: 'edge', until: '2099-01-01' }, { subcommand: 'timeline' });
    expect(chart.body.embeds).toHaveLength(1);
    const [embed] = chart.body.embeds!;
    expect(embed!.title).toMatch(/^Entries per /);
    expect(embed!.description).toContain('is after today');
    expect(embed!.image?.url).toBe('attachment://timeline.png');
    expect(attachments(chart)).toMatchObject([{ filename: 'timeline.png' }]);
  });
});
