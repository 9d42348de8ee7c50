// A list option typed with semicolons between its items is one item to the commas that separate
// them: the refusal gives the list back with commas, and never offers to create an actor whose
// name holds items or roles run together.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk();

const ADD = '/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel';

describe('GIVEN the seeded actors Druze community of Syria and Syria', () => {
  it('WHEN /entry add lists actors with semicolons THEN it is refused with the list written with commas, and no actor is offered to create', async () => {
    const said = await text(`${ADD} actors:"Druze community of Syria:initiator; Syria:target"`);
    expect(said).toContain('Option `actors`: list items are separated by commas, not semicolons.');
    expect(said).toContain('Written with commas: actors:"Druze community of Syria:initiator, Syria:target"');
    expect(said).not.toContain('actors:"Syria:participant, Israel:participant"');
    expect(said).not.toContain('/actors add');
    expect(await text('/entry show 18')).toContain('There is no entry #18.');
  });

  it('WHEN the list written with commas is given THEN the entry has both actors in their roles', async () => {
    const said = await text(`${ADD} actors:"Druze community of Syria:initiator, Syria:target"`);
    expect(said).toContain('Added entry #18.');
    expect(said).toContain('Druze community of Syria — initiator');
    expect(said).toContain('    Syria — target');
  });

  it('WHEN a list mixes a semicolon with commas THEN the refusal says items are separated by commas, and offers no actor to create', async () => {
    const said = await text(`${ADD} actors:"Druze community of Syria:initiator; Syria:target, Israel:subject"`);
    expect(said).toContain('Option `actors`: list items are separated by commas, not semicolons.');
    expect(said).toContain('Written with commas: actors:"Druze community of Syria:initiator, Syria:target, Israel:subject"');
    expect(said).not.toContain('/actors add');
  });

  it('WHEN /entry edit lists known actors with semicolons THEN it is refused as places are, with the list written with commas', async () => {
    const said = await text('/entry edit id:12 actors:"Syria:participant; Israel:target"');
    expect(said).toContain('Option `actors`: list items are separated by commas, not semicolons.');
    expect(said).toContain('Written with commas: actors:"Syria:participant, Israel:target"');
    expect(said).not.toContain('No actor is called');
  });

  it('WHEN a semicolon list names an actor no one has THEN that actor is refused, and the hint says items are separated by commas', async () => {
    const said = await text(`${ADD} actors:"Syria:initiator; Sweida Military Council:target"`);
    expect(said).toContain('No actor is called `Syria:initiator; Sweida Military Council` (option `actors`).');
    expect(said).toContain('Actors are separated by commas, each as name:role: actors:"Syria:initiator, Sweida Military Council:target".');
    expect(said).not.toContain('/actors add');
  });

  it('WHEN an item gives two roles THEN the refusal says an item takes one, and offers no actor to create', async () => {
    const said = await text(`${ADD} actors:"Syria:initiator:target"`);
    expect(said).toContain('An item takes one role: `Syria:initiator` or `Syria:target`.');
    expect(said).not.toContain('/actors add');
  });

  it('WHEN places are listed with semicolons THEN they are refused too, written back with commas', async () => {
    const said = await text(`${ADD} places:"Sweida; Damascus"`);
    expect(said).toContain('Option `places`: list items are separated by commas, not semicolons.');
    expect(said).toContain('Written with commas: places:"Sweida, Damascus"');
  });

  it('WHEN an unknown actor is given alone THEN creating it is still offered', async () => {
    expect(await text(`${ADD} actors:"Sweida Military Council:initiator"`)).toContain('/actors add name:"Sweida Military Council" kind:…');
  });
});
