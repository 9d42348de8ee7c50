// GIVEN the /entry add modal in Slack WHEN its Actors field lists actors as Sitrep shows them,
// `Israel (initiator)`, THEN the entry is added with each in its role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}`, appNow: () => new Date('2026-06-15T12:00:00Z') });
});
afterAll(() => h.close());

const talks = { title: 'Talks resume', type: 'talks', topic: 'syria-israel', date: '2026-06-01', outlet: 'AFP' };

describe('GIVEN the /entry add modal', () => {
  it('WHEN the actors are written as Sitrep shows them THEN the entry is added with their roles', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const answer = await h.submitForm(view, { ...talks, actors: 'Israel (initiator), Syria (target)' }, { userId: ADMIN });
    expect(answer.body).toBeUndefined();
    const added = h.app.dossier.getEntry(18)!;
    expect(added.actors.map((actor) => `${actor.name} (${actor.role})`)).toEqual(['Israel (initiator)', 'Syria (target)']);
  });

  it('WHEN two actors are unknown THEN each refusal under the Actors field is its own sentence, and nothing is added', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const answer = await h.submitForm(view, { ...talks, actors: 'Zorg Front, Blarg Brigade' }, { userId: ADMIN });
    const error = (answer.body as { errors?: Record<string, string> } | undefined)?.errors?.actors ?? '';
    expect(error).toMatch(/No actor is called `Zorg Front`.*\. No actor is called `Blarg Brigade`/);
    expect(h.app.dossier.getEntry(19)).toBeUndefined();
  });
});
