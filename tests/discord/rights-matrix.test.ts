// GIVEN a fresh seeded store behind the real discord.js client, WHEN every admin-only command is
// sent as a slash command with typed options by an admin by user id (discord:…), an admin by role
// (discord-role:…, from the member's roles in INTERACTION_CREATE) and a member who is neither,
// THEN the admins' commands change the store and the member gets a private refusal and changes
// nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawOptionValue } from '../../src/core/command-spec.js';
import type { Dispatcher } from '../../src/core/dispatcher.js';
import { parseCommandText } from '../../src/core/text-syntax.js';
import { rawOptions, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { ADMIN_COMMANDS, prepareForAdminCommands } from '../support/admin-commands.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { startHarness, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
const otherRole = snowflake();
const idAdmin: FakeUser = { id: snowflake(), username: 'id-admin', roles: [otherRole] };
const roleAdmin: FakeUser = { id: snowflake(), username: 'role-admin', roles: [otherRole, adminRole] };
const member: FakeUser = { id: snowflake(), username: 'member', roles: [otherRole] };
// The member's id appears under the wrong kinds of rule: as a role and as a Slack user.
const ADMINS = `discord:${idAdmin.id},discord-role:${adminRole},discord-role:${member.id},slack:${member.id}`;

const CALLERS = [
  { label: 'an admin by user id', user: idAdmin, admin: true },
  { label: 'an admin by role', user: roleAdmin, admin: true },
  { label: 'a member who is not an admin', user: member, admin: false },
] as const;

const SUCCESS_COLOR = 0x57f287;
const EPHEMERAL = 64;

/** A command line as Discord would send it: subcommand and options typed per the spec. */
function asSlash(dispatcher: Dispatcher, line: string) {
  const { resolved, args } = dispatcher.registry.resolveText(parseCommandText(line));
  const typed: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(args)) {
    const option = resolved.leaf.options?.find((o) => o.name === name);
    typed[name] = option?.type === 'integer' ? Number(value) : option?.type === 'boolean' ? String(value) === 'true' : String(value as RawOptionValue);
  }
  // With summary given, /entry add runs at once instead of opening its form.
  if (resolved.path === 'entry add') typed.summary = 'Delegations met in Baku.';
  return { name: resolved.command.name, options: rawOptions(typed, resolved.subcommand?.name) };
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ admins: ADMINS, guildRoles: [adminRole, otherRole] });
  prepareForAdminCommands(h.app.services);
});
afterEach(async () => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
  await h?.close();
});

describe.each(ADMIN_COMMANDS)('%s', (line) => {
  it.each(CALLERS)('sent by $label', async ({ user, admin }) => {
    const before = storeFingerprint(h.app.db);
    const slash = asSlash(h.app.dispatcher, line);
    const answer = await h.slashRaw(slash.name, slash.options, user);
    const embed = answer.body.embeds![0]!;
    expect(answer.callbackType).toBe(4);
    if (admin) {
      expect(answer.ephemeral).toBe(false);
      expect(embed.color, visibleText(JSON.stringify(embed))).toBe(SUCCESS_COLOR);
      expect(storeFingerprint(h.app.db)).not.toBe(before);
    } else {
      expect(answer.body.flags).toBe(EPHEMERAL);
      expect(embed.title).toBe('Not allowed');
      expect(embed.description).toContain('is for Sitrep admins only');
      expect(storeFingerprint(h.app.db)).toBe(before);
      const refusal = h.app.logger.lines.filter((l) => l.message === 'refused: not an admin').at(-1);
      expect(refusal?.context).toMatchObject({ caller: `discord:${member.id}` });
    }
  });
});
