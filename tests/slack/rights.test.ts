// GIVEN a fresh seeded store behind the real Bolt app, WHEN each admin-only command is sent as a
// signed slash command by an admin (SITREP_ADMINS slack:U…) and by anyone else, THEN the admin's
// command changes the store and everyone else gets a private refusal and changes nothing.
// (Slack has no roles in SITREP_ADMINS; admin by role is a Discord rule.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS, prepareForAdminCommands } from '../support/admin-commands.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { shownText, startHarness, textsOf, type Harness } from './harness.js';
import { REFUSAL_TITLE } from '../support/view-text.js';

const ADMIN = 'U0ADMIN';
// Admin on Discord under the same id, and the wrong kind of rule: neither counts on Slack.
const ADMINS = `slack:${ADMIN},discord:U0MALLORY,discord-role:U0MALLORY`;

/**
 * `/entry add title:…` → the slash command `/entry` with its text, as Slack sends it. Given every
 * required option but no summary, /entry add opens its form for an admin (the modal tests cover
 * that), so here it comes with a summary and runs as typed.
 */
function asSlash(line: string): { command: string; text: string } {
  const space = line.indexOf(' ');
  const typed = line.startsWith('/entry add ') ? `${line} summary:"As sourced."` : line;
  return { command: typed.slice(0, space), text: typed.slice(space + 1) };
}

describe.each(ADMIN_COMMANDS)('%s', (line) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ admins: ADMINS });
    prepareForAdminCommands(h.app.services);
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = (userId: string) => {
    const { command, text } = asSlash(line);
    return h.command(`${command} ${text}`, { userId });
  };

  it.each(['U0ALICE', 'U0MALLORY'])('is refused for %s, privately, and the store is unchanged', async (userId) => {
    const before = storeFingerprint(h.app.db);
    const body = await send(userId);
    expect(body.response_type).toBe('ephemeral');
    expect(textsOf(body)[0]).toBe('Not allowed');
    expect(shownText(body)).toContain('is for Sitrep admins only');
    expect(storeFingerprint(h.app.db)).toBe(before);
    const refusal = h.app.logger.lines.filter((l) => l.message === 'refused: not an admin').at(-1);
    expect(refusal?.context).toMatchObject({ caller: `slack:${userId}` });
  });

  it('runs for the admin (slack:U…) and changes the store', async () => {
    const before = storeFingerprint(h.app.db);
    const body = await send(ADMIN);
    expect(body.response_type).toBe('ephemeral');
    expect(textsOf(body)[0]).not.toMatch(REFUSAL_TITLE);
    expect(storeFingerprint(h.app.db)).not.toBe(before);
  });
});
