// The product promise, as one check: "Bad input gets a clear error and loses nothing". Whatever
// was sent, the dispatcher answers with a normal view or a short user error naming what was
// wrong — never an internal error, an exception or a hang — and a refusal leaves the store as
// it was, and anything a non-admin runs leaves it as it was but for their own watches (/watch is
// every member's, by design).
import { expect } from 'vitest';
import type { Caller } from '../../../src/core/caller.js';
import type { View } from '../../../src/core/view.js';
import { lineToPlainText } from '../../../src/core/view.js';
import { storeFingerprint } from '../../support/store-fingerprint.js';
import type { TestApp } from '../../support/test-app.js';
import { viewText } from '../../support/view-text.js';

/** A refusal is one short message plus hints; longer means it echoed the input whole. */
export const MAX_ERROR_LINE = 600;

export interface CallerCase {
  label: string;
  caller: Caller;
  admin: boolean;
}

/** The tables of a member's own watches: the one thing in the store a non-admin may change. */
const MEMBERS_OWN = ['watchers', 'watches', 'watch_deliveries', 'watch_boundaries'];

/** Admin rules the callers below are checked against (SITREP_ADMINS syntax). */
export const ADMIN_RULES = 'discord:111,discord-role:222,slack:U1';

export const CALLERS: readonly CallerCase[] = [
  { label: 'console operator', caller: { platform: 'console', userId: 'operator', localOperator: true }, admin: true },
  { label: 'discord admin', caller: { platform: 'discord', userId: '111', roleIds: [], workspaceId: 'g1', channelId: 'c1' }, admin: true },
  { label: 'discord admin by role, no channel', caller: { platform: 'discord', userId: '7', roleIds: ['222'], workspaceId: 'g1' }, admin: true },
  { label: 'discord member', caller: { platform: 'discord', userId: '999', roleIds: ['555'], workspaceId: 'g1', channelId: 'c1' }, admin: false },
  { label: 'slack admin', caller: { platform: 'slack', userId: 'U1', workspaceId: 'T1', channelId: 'C1' }, admin: true },
  { label: 'slack member', caller: { platform: 'slack', userId: 'U2', workspaceId: 'T1', channelId: 'C1' }, admin: false },
];

/** Fails the run rather than letting one input hang the whole file. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one input and asserts the promise; `input` is shown in every failure message. */
export async function expectPromiseKept(app: TestApp, who: CallerCase, input: string, send: () => Promise<View>): Promise<View> {
  const before = storeFingerprint(app.db);
  const beforeButWatches = storeFingerprint(app.db, MEMBERS_OWN);
  const errorsBefore = app.logger.lines.filter((line) => line.level === 'error').length;
  const view = await within(5_000, send());
  const text = viewText(view);
  const context = `${who.label} sent ${input}\n→ ${text}`;

  expect(view.errorId, context).toBeUndefined();
  expect(view.title, context).not.toBe('Something went wrong');
  expect(app.logger.lines.filter((line) => line.level === 'error').slice(errorsBefore), context).toEqual([]);
  expect(['normal', 'success', 'error'], context).toContain(view.tone);
  // Nothing in a reply should betray code that stringified the wrong thing.
  expect(text, context).not.toContain('[object Object]');
  // zod's own wording ("Invalid input: expected string, received number") means a check had no message of ours.
  expect(text, context).not.toMatch(/Invalid input|expected \w+, received/);
  expect(text, context).not.toMatch(/\bundefined\b/);
  // Control characters in a reply would drive the console's terminal (ESC sequences) or vanish on
  // chat platforms. Tabs and line breaks are text (\r\n too: imported files keep theirs).
  expect(text, context).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);

  if (view.tone === 'error') {
    const lines = (view.intro ?? []).map(lineToPlainText);
    expect(lines[0]?.trim(), context).toBeTruthy();
    for (const line of lines) expect(line.length, context).toBeLessThanOrEqual(MAX_ERROR_LINE);
  }
  if (view.tone === 'error') expect(storeFingerprint(app.db), context).toBe(before);
  else if (!who.admin) expect(storeFingerprint(app.db, MEMBERS_OWN), context).toBe(beforeButWatches);
  return view;
}
