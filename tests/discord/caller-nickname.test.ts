// GIVEN a member with a server nickname, WHEN they change the dossier, THEN what records who did
// it (the entry's history, its footer) names them as the server shows them, by their nickname, as
// a picked mention of them reads; without a nickname, by their global name.
import { describe, expect, it } from 'vitest';
import { rawOptions, slashCommand, snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { harnessForFile, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const adminRole = snowflake();
let h: Harness;
harnessForFile({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] }, (started) => (h = started));

const said = (answer: Answer) => answer.body.embeds!.map((e) => visibleText([e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n'))).join('\n');

/** /entry edit as `user`, whose member record in the server carries `nick`. */
function editAs(user: FakeUser, nick: string | null, values: Record<string, string | number>) {
  const interaction = slashCommand(h.fake.appId, h.fake.guild, user, 'entry', rawOptions(values, 'edit'));
  (interaction.payload.member as Record<string, unknown>).nick = nick;
  return h.deliver(interaction);
}

describe('the name recorded for a Discord member', () => {
  it('WHEN they have a server nickname THEN the change is theirs by that nickname, in the reply and in the history', async () => {
    const edited = await editAs(h.user, 'Mod Layla', { id: 13, confidence: 'confirmed' });
    expect(said(edited)).toContain('Mod Layla (Discord)');
    expect(said(edited)).not.toContain(`${h.user.username} (Discord)`);
    const history = said(await h.slash('entry', { id: 13 }, { subcommand: 'history' }));
    expect(history).toContain(`Mod Layla (Discord) is Discord user ${h.user.id}.`);
  });

  it('WHEN the nickname is gone THEN the next change is theirs by their global name again', async () => {
    await editAs(h.user, null, { id: 13, confidence: 'reported' });
    const history = said(await h.slash('entry', { id: 13 }, { subcommand: 'history' }));
    expect(history).toContain(`${h.user.username} (Discord) is Discord user ${h.user.id}.`);
    expect(history).toContain(`Mod Layla (Discord) is Discord user ${h.user.id}.`);
  });
});
