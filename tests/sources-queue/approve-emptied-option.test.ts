// GIVEN a candidate suggesting a summary WHEN the console operator approves it giving `summary:""`
// THEN, as /entry edit does, the empty option sets nothing and the refusal points to the `clear:`
// that empties the field, which the card's Edit form sends for a field emptied in it.
import { describe, expect, it } from 'vitest';
import { OPERATOR } from './support/queue-app.js';
import { candidateEachTest } from './support/queue-each-test.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

const desk = candidateEachTest(QUNEITRA_STRIKE);

describe('GIVEN a candidate suggesting a summary', () => {
  it('WHEN approved with summary:"" THEN it is refused, pointing to clear:summary, which approves it without one', async () => {
    const said = await desk.queue.refused(`/review approve id:${desk.id} summary:""`, OPERATOR);
    expect(said).toContain('to empty `summary`, give `clear:summary` instead.');
    expect(await desk.queue.refused(`/review approve id:${desk.id} places:"" clear:summary`, OPERATOR)).toContain('to empty `places`, give `clear:"summary, places"` instead.');

    expect(await desk.queue.text(`/review approve id:${desk.id} clear:summary`, OPERATOR)).toContain('Approved: added as entry #18.');
    expect(desk.queue.app.db.prepare('SELECT summary FROM entries WHERE id = 18').pluck().get()).toBe('');
  });
});
