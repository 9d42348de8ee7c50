// GIVEN a candidate waiting for review WHEN an admin approves it with fields changed or emptied
// THEN the reply shows the entry as recorded (not the feed's summary and publication), marks
// apply to the card's suggestion (a dash typed by a phone is a mark too), a confidence cannot be
// emptied, and a rejected candidate points to /review reopen.
import { describe, expect, it } from 'vitest';
import { candidateEachTest } from './support/queue-each-test.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

const desk = candidateEachTest(QUNEITRA_STRIKE);

/** The entry's actors as stored, `Name:role`. */
const storedActors = (entryId: number) =>
  desk.queue.app.db.prepare('SELECT a.name || \':\' || ea.role FROM entry_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.entry_id = ? ORDER BY a.name').pluck().all(entryId);

describe('GIVEN a candidate whose item gives a summary and a publication time', () => {
  it('WHEN approved with clear:"summary, published" THEN the reply shows neither the feed’s summary nor its publication', async () => {
    const card = await desk.queue.text(`/review show id:${desk.id}`);
    expect(card).toContain(QUNEITRA_STRIKE.summary);
    expect(card).toMatch(/Published +2025-07-19 18:45 UTC/);

    const approved = await desk.queue.text(`/review approve id:${desk.id} clear:"summary, published"`);
    expect(approved).toContain('Approved: added as entry #18.');
    expect(approved).not.toContain(QUNEITRA_STRIKE.summary);
    expect(approved).not.toMatch(/Published/);
  });

  it('WHEN approved with another summary and published day THEN the reply shows those, as the entry records them', async () => {
    const approved = await desk.queue.text(`/review approve id:${desk.id} summary:"A car was hit south of Quneitra." published:2025-07-20`);
    expect(approved).toContain('A car was hit south of Quneitra.');
    expect(approved).not.toContain(QUNEITRA_STRIKE.summary);
    expect(approved).toMatch(/Published +20 Jul 2025\n/);
  });

  it('WHEN approved with clear:confidence THEN it is refused, an entry needing a confidence, and the fields clear can empty are listed without it', async () => {
    const refused = await desk.queue.refused(`/review approve id:${desk.id} clear:confidence`);
    expect(refused).toContain('An entry needs a confidence, and `confidence` was emptied.');
    expect(refused).toContain('The card suggests: reported');
    expect(await desk.queue.refused(`/review approve id:${desk.id} clear:tags`)).toContain('It can empty: actors, places, summary, published, fatalities, fatalities_source, claims.');
  });

  it('WHEN approved with actors:"-Syria", which the card does not suggest THEN the refusal names the suggestion’s actors, not the entry’s', async () => {
    const refused = await desk.queue.refused(`/review approve id:${desk.id} actors:"-Syria"`);
    expect(refused).toContain("Option `actors`: `-Syria` is not in the card's suggestion, so cannot be removed.");
    expect(refused).toContain('The card suggests: Israel:initiator.');
    expect(refused).not.toContain('The entry');
  });

  it('WHEN approved with actors:"–Israel, +Syria:target" typed with an en dash THEN Israel is taken off the suggestion and Syria added', async () => {
    expect(await desk.queue.text(`/review approve id:${desk.id} actors:"–Israel, +Syria:target"`)).toContain('Approved: added as entry #18.');
    expect(storedActors(18)).toEqual(['Syria:target']);
  });

  it('WHEN a rejected candidate is approved THEN the refusal says to reopen it first, with the command', async () => {
    await desk.queue.run(`/review reject id:${desk.id}`);
    const refused = await desk.queue.refused(`/review approve id:${desk.id}`);
    expect(refused).toContain(`If it belongs in the dossier after all, put it back in the queue with \`/review reopen id:${desk.id}\`, then approve it.`);
    expect(refused).not.toContain('/entry add');
    expect(await desk.queue.refused(`/review attach id:${desk.id} entry:12`)).toContain(`/review reopen id:${desk.id}\`, then attach it.`);
  });
});
