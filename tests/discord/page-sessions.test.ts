// GIVEN paging sessions in memory, THEN they expire after a quiet spell, a use restarts the
// clock, and the oldest go first when too many are open.
import { describe, expect, it } from 'vitest';
import { PageSessions, pageButtonId, parsePageButtonId } from '../../src/adapters/discord/page-sessions.js';
import type { View } from '../../src/core/view.js';

const view: View = { title: 'T', tone: 'normal', sections: [] };

describe('page sessions', () => {
  it('expire after the quiet time, counted from the last use', () => {
    let now = 0;
    const sessions = new PageSessions({ ttlMs: 1_000, maxSessions: 10, now: () => now });
    const session = sessions.open('u1', view, []);
    now = 900;
    sessions.touch(session);
    now = 1_800;
    expect(sessions.find(session.id)).toBe(session);
    now = 1_900;
    expect(sessions.find(session.id)).toBeUndefined();
  });

  it('drop the oldest when the cap is reached', () => {
    const sessions = new PageSessions({ ttlMs: 60_000, maxSessions: 3, now: () => 0 });
    const [a, b, c] = ['a', 'b', 'c'].map((owner) => sessions.open(owner, view, []));
    sessions.touch(a!);
    const d = sessions.open('d', view, []);
    expect(sessions.size).toBe(3);
    expect([a, b, c, d].map((s) => sessions.find(s!.id) !== undefined)).toEqual([true, false, true, true]);
  });

  it('button ids are short and round-trip', () => {
    const sessions = new PageSessions({ ttlMs: 1, maxSessions: 1, now: () => 0 });
    const session = sessions.open('u', view, []);
    session.generation = 12;
    const id = pageButtonId(session, 'previous');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parsePageButtonId(id)).toEqual({ sessionId: session.id, generation: 12, direction: 'previous' });
    expect(parsePageButtonId('someone-else:button')).toBeUndefined();
  });
});
