// GIVEN a user who picks @someone, #channel or @role from Discord's menu while typing a text
// option, WHEN the command reaches the bot (Discord sends `<@123>`, `<@!123>`, `<#123>`,
// `<@&123>` in the value), THEN Sitrep stores and searches the names the user saw, never the ids;
// a member Discord cannot name becomes `@unknown-user` and the command still answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPTION, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
const deskRole = snowflake();
/** A member the bot has never seen: Discord must be asked for her name. */
const nadia: FakeUser = { id: snowflake(), username: 'nadia' };
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole], guildRoles: [deskRole] });
  h.fake.addMember(nadia, 'Nadia K.');
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  h.fake.failMemberLookups(undefined);
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const REQUIRED = { date: '2025-08', type: 'talks', topic: 'mentions', summary: 'Picked from the menu.' };
const memberLookups = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path.includes('/members/'));
const addEntry = (title: string) => h.slash('entry', { ...REQUIRED, title }, { subcommand: 'add' });
const shownTitle = (answer: Answer) => visibleText(answer.body.embeds![0]!.title!);
const storedTitle = (answer: Answer) => h.app.dossier.getEntry(Number(/#(\d+)/.exec(shownTitle(answer))![1]))!.title;

describe('mentions picked in a text option', () => {
  it('are stored as the names the user saw: member (asked of Discord), channel, role, and the caller', async () => {
    const title = `Briefing by <@${nadia.id}> and <@!${h.user.id}> in <#${h.fake.guild.channelId}> for <@&${deskRole}>`;
    const added = await addEntry(title);
    expect(storedTitle(added)).toBe('Briefing by @Nadia K. and @analyst in #general for @role-2');
    expect(shownTitle(added)).toContain('Briefing by @Nadia K. and @analyst in #general for @role-2');
    expect(memberLookups().map((r) => r.path)).toContain(`/guilds/${h.fake.guild.id}/members/${nadia.id}`);
  });

  it('make the entry findable by the name: /search Nadia finds it', async () => {
    const answer = await h.slash('search', { query: 'Nadia' });
    const names = (answer.body.embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => visibleText(f.name)));
    expect(names.some((n) => n.includes('Briefing by @Nadia K.'))).toBe(true);
  });

  it('name ids nobody knows readably, never as <@…>', async () => {
    const added = await addEntry(`Notes from <@${snowflake()}> in <#${snowflake()}> for <@&${snowflake()}>`);
    expect(storedTitle(added)).toBe('Notes from @unknown-user in #unknown-channel for @unknown-role');
  });

  it('do not fail the command when Discord cannot be asked: the member becomes @unknown-user', async () => {
    h.fake.failMemberLookups({ status: 403, body: { code: 50001, message: 'Missing Access' } });
    const stranger: FakeUser = { id: snowflake(), username: 'stranger' };
    h.fake.addMember(stranger);
    const added = await addEntry(`Call with <@${stranger.id}>`);
    expect(added.ephemeral).toBe(false);
    expect(storedTitle(added)).toBe('Call with @unknown-user');
  });

  it('fill the form as the user saw them when /entry add opens a modal', async () => {
    const { summary: _summary, ...withoutSummary } = REQUIRED;
    const answer = await h.slash('entry', { ...withoutSummary, title: `Visit of <@${nadia.id}>` }, { subcommand: 'add' });
    expect(answer.callbackType).toBe(9);
    expect(answer.modal!.title).toBe('Add: Visit of @Nadia K.');
  });

  it('are named from the caches during autocomplete, without asking Discord', async () => {
    const before = memberLookups().length;
    const someone = { id: snowflake(), username: 'someone' };
    h.fake.addMember(someone);
    const choices = await h.autocomplete('actor', [{ name: 'name', type: OPTION.string, value: `<@${someone.id}>`, focused: true }]);
    expect(choices).toEqual([]);
    expect(memberLookups()).toHaveLength(before);
  });
});
