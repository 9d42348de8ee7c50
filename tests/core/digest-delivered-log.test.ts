// GIVEN a subscribed channel WHEN its digest is posted THEN the log says so at info level, naming
// the channel, the slot and how many parts, so an operator sees deliveries, not only failures.
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../digest/support/harness.js';

let h: Harness | undefined;
afterEach(async () => h?.dispose());

describe('GIVEN a channel subscribed to a daily 08:00 Europe/Paris digest', () => {
  it('WHEN the 08:00 digest is posted THEN the log says it was delivered, with channel, slot and parts', async () => {
    h = new Harness({ start: '2026-07-06T05:00:00Z' });
    h.startScheduler();
    expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
    await h.time.advanceTo('2026-07-06T06:00:30Z');
    expect(h.poster.posts).toHaveLength(1);
    const delivered = h.logger.lines.filter((line) => line.message === 'digest delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      level: 'info',
      context: { channel: { platform: 'discord', workspaceId: 'g1', channelId: 'c1' }, slot: new Date('2026-07-06T06:00:00Z'), parts: 1 },
    });
  });
});
