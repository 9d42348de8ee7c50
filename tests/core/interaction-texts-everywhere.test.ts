// The same press, ownership and expiry texts on every platform: they live once, in the core, and
// each platform only shows them. One scenario, run on Discord, Slack and the in-memory platform.
import { afterEach, describe, expect, it } from 'vitest';
import { FORM_EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, NEXT_LABEL, NOT_YOURS_TEXT } from '../../src/core/interaction/texts.js';
import { startHarness as startDiscord, type Harness as DiscordHarness } from '../discord/support/harness.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { button, shownText, startHarness as startSlack, type Harness as SlackHarness } from '../slack/harness.js';

const LIFETIME_PASSED = 31 * 60_000;
const ADD = { title: 'Talks resume in Baku', date: '2025-08', type: 'talks', topic: 'syria-israel' };

interface Seen {
  notYours: string;
  formNotYours: string;
  formExpired: string;
}

let clock = Date.now();
const now = () => clock;
let discord: DiscordHarness | undefined;
let slack: SlackHarness | undefined;
let memoryApp: TestApp | undefined;
afterEach(async () => {
  await discord?.close();
  await slack?.close();
  memoryApp?.dispose();
  discord = slack = memoryApp = undefined;
});

async function onDiscord(): Promise<Seen> {
  discord = await startDiscord({ admins: 'discord-role:900', userRoles: ['900'], adapter: { now } });
  const h = discord;
  const text = (answer: { body: { embeds?: { description?: string }[] } }) => answer.body.embeds?.map((e) => e.description ?? '').join('\n') ?? '';
  const page = await h.slash('timeline', { limit: 4 });
  const notYours = text(await h.press(page, NEXT_LABEL, h.other));
  const form = await h.slash('entry', ADD, { subcommand: 'add' });
  const formNotYours = text(await h.submit(form.modal!.custom_id, { summary: 'x' }, h.other));
  clock += LIFETIME_PASSED;
  const formExpired = text(await h.submit(form.modal!.custom_id, { summary: 'x' }));
  return { notYours, formNotYours, formExpired };
}

async function onSlack(): Promise<Seen> {
  slack = await startSlack({ admins: 'slack:UADMIN,slack:UOTHER', now });
  const h = slack;
  const page = await h.command('/timeline limit:4', { userId: 'UADMIN' });
  const notYours = shownText(await h.press(button(page, NEXT_LABEL), 'UOTHER'));
  const form = await h.openForm('/entry add', { userId: 'UADMIN' });
  const fields = { ...ADD, summary: 'x' };
  const formNotYours = Object.values((await h.submitForm(form, fields, { userId: 'UOTHER' })).body?.errors ?? {}).join('\n');
  clock += LIFETIME_PASSED;
  const formExpired = Object.values((await h.submitForm(form, fields, { userId: 'UADMIN' })).body?.errors ?? {}).join('\n');
  return { notYours, formNotYours, formExpired };
}

async function onMemory(): Promise<Seen> {
  memoryApp = createTestApp('memory:ana,memory:bob');
  const platform = new MemoryPlatform(memoryApp.dispatcher, memoryApp.logger, now);
  const page = await platform.command('/timeline limit:4', 'ana');
  const notYours = (await platform.press(page, NEXT_LABEL, 'bob')).text;
  const form = (await platform.command('/entry add', 'ana')).form!;
  const formNotYours = (await platform.submit(form, { ...ADD, summary: 'x' }, 'bob')).text;
  clock += LIFETIME_PASSED;
  const formExpired = (await platform.submit(form, { ...ADD, summary: 'x' }, 'ana')).text;
  return { notYours, formNotYours, formExpired };
}

describe('GIVEN a page button and a form on each platform', () => {
  it.each([
    ['Discord', onDiscord],
    ['Slack', onSlack],
    ['the in-memory platform', onMemory],
  ] as const)('WHEN someone else presses or submits, or the form outlives its lifetime, on %s THEN the core’s texts are shown', async (_name, run) => {
    const seen = await run();
    expect(seen.notYours).toContain(NOT_YOURS_TEXT);
    expect(seen.formNotYours).toContain(FORM_NOT_YOURS_TEXT);
    expect(seen.formExpired).toContain(FORM_EXPIRED_TEXT);
  });
});
