// GIVEN someone who is not an admin on Discord WHEN they run an admin command or press an admin's
// button THEN the refusal names their own SITREP_ADMINS entry (`discord:<user id>`) and the
// variable, in code, so an admin can copy both as they are.
import { expect, it } from 'vitest';
import { reviewButtons } from '../../src/core/review/candidate-card.js';
import { plainLine, type View } from '../../src/core/view.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import { buttons, harnessForFile, type Embed, type Harness, type MessageBody } from './support/harness.js';

let h: Harness;
harnessForFile({}, (started) => (h = started));

const description = (body: MessageBody) => (body.embeds as Embed[])[0]!.description!;

it('WHEN someone who is not an admin runs an admin command THEN the refusal gives their own entry to add, in code', async () => {
  const refused = await h.slash('entry', { id: 2 }, { subcommand: 'undo' });
  expect(refused.ephemeral).toBe(true);
  expect(description(refused.body)).toContain(`Ask an admin to add \`discord:${h.user.id}\` to \`SITREP_ADMINS\`.`);
});

it('WHEN someone who is not an admin presses an admin’s button THEN the refusal gives their own entry to add, in code', async () => {
  const card: View = { title: 'A candidate', tone: 'normal', sections: [{ lines: [plainLine('Waiting for review.')] }], buttons: reviewButtons(99) };
  const channel = snowflake();
  const [id] = (await h.adapter.poster.post(channel, card)).refs;
  const message = h.fake.rest.messages.get(id!)! as Record<string, unknown> & MessageBody;
  const approve = buttons(message).find((b) => b.label === 'Approve #99')!;
  const refused = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.other, approve.custom_id, message));
  expect(refused.ephemeral).toBe(true);
  expect(description(refused.body)).toContain(`Only Sitrep admins can use this button. Ask an admin to add \`discord:${h.other.id}\` to \`SITREP_ADMINS\`.`);
});
