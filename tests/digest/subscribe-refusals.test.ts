// /digest subscribe names every wrong option in one refusal: a wrong schedule does not hide a
// wrong time zone or filter, to be found only once the schedule is right.
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
/** Without code marks, however the text renderer shows code spans. */
const unmarked = (text: string) => text.replaceAll('`', '');
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}

describe('GIVEN a channel with no digest', () => {
  it('WHEN the schedule and the time zone are both wrong THEN one refusal names both, each with its hint, and nothing is subscribed', async () => {
    const h = harness();
    const said = unmarked(await h.runText('/digest subscribe schedule:"daily 8am" timezone:Beirut'));
    expect(said).toContain('Option schedule of /digest subscribe must be daily HH:MM, weekly DAY HH:MM or a 5-field cron expression — got daily 8am');
    expect(said).toContain('Examples: daily 08:00 · weekly mon 09:00');
    expect(said).toContain('Option timezone of /digest subscribe must be an IANA time zone such as Europe/Paris or America/New_York — got Beirut.\nClosest time zones: Asia/Beirut.');
    expect(h.app.digests.service.list({ platform: 'discord', workspaceId: 'g1' })).toEqual([]);
  });

  it('WHEN the schedule, the time zone, the topic and the actor are all wrong THEN the refusal names all four, in the order of the options', async () => {
    const h = harness();
    const said = unmarked(await h.runText('/digest subscribe schedule:hourly timezone:Beirut topic:atlantis actor:Nobodyatall'));
    const order = ['Option schedule', 'Option timezone', 'There is no topic atlantis (option topic)', 'No actor is called Nobodyatall (option actor)'].map((part) => said.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('WHEN no schedule is given and the time zone is wrong THEN the refusal says both that a schedule is needed and what is wrong with the zone', async () => {
    const h = harness();
    const said = unmarked(await h.runText('/digest subscribe timezone:Beirut'));
    expect(said).toContain('/digest subscribe needs option schedule: this channel has no digest yet');
    expect(said).toContain('got Beirut.\nClosest time zones: Asia/Beirut.');
  });
});
