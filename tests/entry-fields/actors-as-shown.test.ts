// Actors written back as Sitrep shows them, `Israel (initiator)`, are read as `Israel:initiator`.
// A bracket that is no role is refused naming the roles and how to write one, and no refusal
// offers to create an actor whose name ends in a role.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk();

const ADD = '/entry add title:"Strike near Daraa" date:2026-11-15 type:air-strike topic:syria-israel';

describe('GIVEN the seeded actors Israel and Syria', () => {
  it('WHEN /entry add lists them as /timeline shows them THEN the entry has each in the role in brackets', async () => {
    const said = await text(`${ADD} actors:"Israel (initiator), Syria (Target)"`);
    expect(said).toContain('Added entry #18.');
    expect(said).not.toContain('recorded as participant');
    expect(said).toContain('    Israel — initiator');
    expect(said).toContain('    Syria — target');
  });

  it('WHEN /entry edit adds and removes actors written with bracketed roles THEN the reply lists each change in its role', async () => {
    const said = await text('/entry edit id:3 actors:"+Israel (target), -Syria (participant)"');
    expect(said).toContain('Actors: + Israel (target), − Syria (participant)');
  });

  it('WHEN one actor is given with a bracketed role and one without THEN only the one without is said to be recorded as participant', async () => {
    const said = await text(`${ADD} actors:"Israel (target), Syria"`);
    expect(said).toContain('Added entry #18.');
    expect(said).toContain('Syria was recorded as participant, as no role was given');
    expect(said).not.toContain('Israel was recorded as participant');
  });

  it('WHEN the bracket holds a word for a role THEN the role meant is offered, and no actor is offered to create', async () => {
    const said = await text(`${ADD} actors:"Israel (attacker), Syria (target)"`);
    expect(said).toContain('Option `actors`: `Israel (attacker)` has an unknown role.');
    expect(said).toContain('Roles: initiator, target, mediator, participant, host, subject.');
    expect(said).toContain('Did you mean `Israel:initiator`?');
    expect(said).toContain('A role goes after its actor: `Name:role`, or as Sitrep shows it, `Name (role)`.');
    expect(said).not.toContain('/actors add');
    expect(await text('/entry show 18')).toContain('There is no entry #18.');
  });

  it('WHEN an actor is followed by a bracket that is no role THEN the roles and their notation are named, and no actor is offered to create', async () => {
    const said = await text(`${ADD} actors:"Israel (Lebanon)"`);
    expect(said).toContain('Option `actors`: `Israel (Lebanon)` has an unknown role.');
    expect(said).toContain('Roles: initiator, target, mediator, participant, host, subject.');
    expect(said).toContain('A role goes after its actor: `Name:role`, or as Sitrep shows it, `Name (role)`.');
    expect(said).not.toContain('/actors add');
  });

  it('WHEN an unknown actor is given with a bracketed role THEN creating it is offered without the role', async () => {
    const said = await text(`${ADD} actors:"Sweida Military Council (initiator)"`);
    expect(said).toContain('No actor is called `Sweida Military Council` (option `actors`).');
    expect(said).toContain('/actors add name:"Sweida Military Council" kind:…');
    expect(said).not.toContain('name:"Sweida Military Council (initiator)"');
  });

  it('WHEN an unknown name ends in a bracket that is no role THEN the refusal names the roles and how to write one', async () => {
    const said = await text(`${ADD} actors:"Popular Mobilization Forces (PMF)"`);
    expect(said).toContain('No actor is called `Popular Mobilization Forces (PMF)` (option `actors`).');
    expect(said).toContain('`PMF` is not a role (roles: initiator, target, mediator, participant, host, subject). A role goes after its actor: `Name:role`, or as Sitrep shows it, `Name (role)`.');
  });

  it('WHEN an item gives a bracketed role and a role after a colon THEN the refusal says an item takes one', async () => {
    expect(await text(`${ADD} actors:"Israel (initiator):target"`)).toContain('An item takes one role: `Israel:initiator` or `Israel:target`.');
  });
});
