// GIVEN a candidate waiting for review WHEN an admin approves it with its actors written as the card
// shows them, `Israel (initiator)`, THEN the entry records each in the role in brackets.
import { describe, expect, it } from 'vitest';
import { READER } from './support/queue-app.js';
import { candidateEachTest } from './support/queue-each-test.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

const desk = candidateEachTest(QUNEITRA_STRIKE);

describe('GIVEN a candidate for an Israeli strike in Quneitra', () => {
  it('WHEN approved with actors:"Israel (initiator), Syria (target)" THEN the entry has both in those roles', async () => {
    expect(await desk.queue.text(`/review approve id:${desk.id} actors:"Israel (initiator), Syria (target)"`)).toContain('Approved: added as entry #18.');
    const entry = await desk.queue.text('/entry show 18', READER);
    expect(entry).toContain('    Israel — initiator');
    expect(entry).toContain('    Syria — target');
  });
});
