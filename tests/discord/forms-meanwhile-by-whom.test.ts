// GIVEN a Discord admin with an entry's Edit form open and a Slack admin removing that entry
// meanwhile WHEN the Discord admin submits THEN the refusal names who removed it, when and why.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { harnessForFile, type Answer, type Harness, type Modal } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';

const adminRole = snowflake();
const slackAdmin: Caller = { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T', displayName: 'alice' };
let h: Harness;
harnessForFile({ admins: `discord-role:${adminRole},slack:U0ADMIN`, userRoles: [adminRole] }, (started) => (h = started));

const seen = (answer: Answer) =>
  words(visibleText((answer.body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']).join('\n')));
const filled = (modal: Modal, typed: Record<string, string>) => ({
  ...Object.fromEntries(modal.components.map((c) => [c.component.custom_id, c.component.value ?? ''])),
  ...typed,
});
const onSlack = async (line: string) => {
  const view = await h.app.dispatcher.runText(line, slackAdmin);
  expect(view.tone, viewText(view)).toBe('success');
};

describe('an Edit form submitted after a Slack admin removed the entry', () => {
  it('an entry removed meanwhile is refused naming who removed it, when and why', async () => {
    const form = await h.slash('entry', { id: 16 }, { subcommand: 'edit' });
    await onSlack('/entry remove id:16 reason:dup');
    const before = storeFingerprint(h.app.db);
    const refused = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: 'A summary typed on Discord.' }));
    expect(seen(refused)).toMatch(/Entry #16 \(“[^”]+”\) was removed by alice \(Slack\) at [^:]+:\d\d UTC: “dup”\./);
    expect(seen(refused)).toContain('Nothing was written: this form was opened before that.');
    expect(storeFingerprint(h.app.db)).toBe(before);
  });
});
