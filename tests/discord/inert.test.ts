// GIVEN an entry added through /entry add (its form) whose every field is full of mentions and
// markdown, WHEN it is read back with /entry show and /timeline on Discord, THEN every message
// sets allowed_mentions parse [] and the text shows literally: no mention forms, no markup.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Answer, type Embed, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const HOSTILE = ['@everyone', '@here', '<@123>', '<@&456>', '**bold**', '__u__', '`x`', '> quote', '# heading', '[click](https://evil.example)'];
/** Each at the start of its own line, where `>` and `#` would quote and head. */
const SUMMARY = HOSTILE.join('\n');
const TITLE = HOSTILE.join(' ');
/**
 * Options typed with the command come through Discord's mention picker: the adapter stores the
 * names the user saw (tests/discord/mentions.test.ts), here of ids no cache knows. The modal's
 * fields (summary, places) are stored as typed, raw `<@123>` included, and must render inert.
 */
const asNamed = (text: string) => text.replace('<@123>', '@unknown-user').replace('<@&456>', '@unknown-role');
const TITLE_STORED = asNamed(TITLE);
const OUTLET = '@everyone <@&456> **Wire**';
const OUTLET_STORED = asNamed(OUTLET);

const adminRole = snowflake();
let h: Harness;
let id: number;
const answers: Answer[] = [];
beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] });
  const form = await h.slash('entry', {
    title: TITLE, date: '2025-08-01', type: 'statement', topic: 'inert-test',
    outlet: OUTLET, attribution: '> quote [click](https://evil.example)', source_url: 'https://example.org/story',
    // The hostile places are no gazetteer's: kept as typed, not located.
    located: false,
  }, { subcommand: 'add' });
  const added = await h.submit(form.modal!.custom_id, { summary: SUMMARY, places: '@here, **Bold place**, <@123>', actors: 'Syria:participant', tags: '' });
  // The entries get a topic of their own (the /timeline case reads it), which the reply says is new.
  expect(embed(added).description).toMatch(/^Added entry #\d+\.\nThis starts a new topic, inert-test\.$/);
  id = Number(/#(\d+)/.exec(embed(added).description!)![1]);
  answers.push(added);
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

function embed(answer: Answer): Embed {
  return answer.body.embeds![0]!;
}

/** Every piece of text Discord would render as markdown in the answer's embeds. */
function rendered(answer: Answer): string {
  return (answer.body.embeds ?? [])
    .flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])
    .join('\n');
}

function expectInert(answer: Answer, shown: readonly string[]): void {
  const callback = answer.callback.body as { type: number; data: { allowed_mentions?: unknown } };
  expect(callback.data.allowed_mentions).toEqual({ parse: [] });
  expect(answer.body.allowed_mentions).toEqual({ parse: [] });
  const raw = rendered(answer);
  // Mentions never form: every @ is followed by a zero-width space.
  expect(raw).not.toMatch(/@(everyone|here)/);
  expect(raw).not.toMatch(/<@&?\d/);
  // Markup characters from the data are escaped, so nothing bolds, underlines, codes or links.
  expect(raw).not.toMatch(/\*\*(bold|Wire|Bold)/);
  expect(raw).not.toMatch(/__u/);
  expect(raw).not.toMatch(/(?<!\\)`x/);
  expect(raw).not.toContain('[click](');
  // Nothing from the data starts a quote or a heading.
  expect(raw).not.toMatch(/^\s*(>|#{1,3}\s)/m);
  // …and everything is still there to read.
  const text = visibleText(raw);
  for (const piece of shown) expect(text).toContain(piece);
}

describe('hostile text stored through /entry add', () => {
  it('is inert in the reply that adds it', () => {
    expectInert(answers[0]!, [...HOSTILE, OUTLET_STORED]);
  });

  it('is inert in /entry show, escaped line by line', async () => {
    const answer = await h.slash('entry', { id }, { subcommand: 'show' });
    expect(embed(answer).title).toBe(`#${id} @\u200beveryone @\u200bhere @\u200bunknown-user @\u200bunknown-role \\*\\*bold\\*\\* \\_\\_u\\_\\_ \\\`x\\\` \\> quote # heading \\[click\\](https://evil.example)`);
    const summary = embed(answer).fields!.find((f) => visibleText(f.name) === 'Summary')!.value;
    expect(summary.split('\n')).toEqual([
      '@\u200beveryone', '@\u200bhere', '\\<@\u200b123\\>', '\\<@\u200b&456\\>', '\\*\\*bold\\*\\*', '\\_\\_u\\_\\_', '\\`x\\`',
      '\\> quote', '\\# heading', '\\[click\\](https://evil.example)',
    ]);
    expectInert(answer, [...HOSTILE, OUTLET_STORED, '> quote [click](https://evil.example)', '@here, **Bold place**, <@123>']);
  });

  it('is inert in /timeline', async () => {
    const answer = await h.slash('timeline', { topic: 'inert-test' });
    expect(embed(answer).fields).toHaveLength(1);
    expectInert(answer, [TITLE_STORED, '@here, **Bold place**, <@123>']);
  });
});
