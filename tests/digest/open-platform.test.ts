// GIVEN a platform Sitrep's core has never heard of (a made-up Matrix adapter: its poster and an
// admin rule `matrix:@ana`), THEN digests work there as on Discord or Slack: an admin subscribes
// a room, the confirmation is posted in it, the digest arrives on schedule, and a refusal tells
// the admin what the Matrix poster says to do. Nothing in the core, scheduler, store or commands
// names the platform: the poster and the rule are all it takes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { subscribeRefusedError } from '../../src/core/digest/confirmation.js';
import { DeliveryError, type PostResult, type Poster } from '../../src/core/poster.js';
import { renderText } from '../../src/core/render-text.js';
import type { View } from '../../src/core/view.js';
import { Harness } from './support/harness.js';

const matrixAccessHelp = (command: string) => `Invite @sitrep:example.org to this room (Room settings → People → Invite), then run ${command} again.`;

/** A poster as a Matrix adapter would write one: each room's messages as text, and its own access help. */
class MatrixPoster implements Poster {
  readonly platform = 'matrix';
  accessHelp = matrixAccessHelp;
  private readonly rooms = new Map<string, string[]>();
  private readonly closed = new Set<string>();
  private sent = 0;

  /** Sitrep is not (or no longer) in this room: every post there is refused for good. */
  close(roomId: string): void {
    this.closed.add(roomId);
  }

  async post(roomId: string, view: View, alreadyPosted = 0): Promise<PostResult> {
    if (this.closed.has(roomId)) throw new DeliveryError('permanent', 'M_FORBIDDEN: Sitrep is not in this room');
    if (alreadyPosted > 0) return { refs: [] }; // a view is one message here
    this.rooms.set(roomId, [...this.messages(roomId), renderText(view)]);
    this.sent += 1;
    return { refs: [`$event-${this.sent}`] };
  }

  messages(roomId: string): string[] {
    return this.rooms.get(roomId) ?? [];
  }
}

const ROOM = '!news:example.org';
const ana: Caller = { platform: 'matrix', userId: '@ana', workspaceId: 'example.org', channelId: ROOM, displayName: 'Ana' };

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.dispose();
    h.removeStore();
  }
});

function matrixSitrep(admins = 'matrix:@ana') {
  const h = new Harness({ start: '2026-07-06T05:00:00Z', admins, noFakePoster: true });
  harnesses.push(h);
  const matrix = new MatrixPoster();
  h.app.digests.posters.register(matrix);
  return { h, matrix };
}

describe('GIVEN a Matrix poster and SITREP_ADMINS=matrix:@ana', () => {
  it('THEN Ana subscribes a room, the confirmation is posted there, and the digest arrives at 08:00 Paris time', async () => {
    const { h, matrix } = matrixSitrep();
    h.startScheduler();
    h.time.settle = () => h.app.digests.deliverer.idle();
    expect(h.scheduler!.leading).toEqual(['matrix']);

    const reply = await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', ana);
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep posted a confirmation in this channel, so it can post digests here.');
    expect(matrix.messages(ROOM)).toHaveLength(1);
    expect(matrix.messages(ROOM)[0]).toContain('Sitrep will post a digest of the dossier here daily at 08:00 (Europe/Paris).');
    expect(matrix.messages(ROOM)[0]).toContain('Set up by Ana; `/digest unsubscribe` stops it.');
    expect(await h.runText('/digest list', ana)).toContain('Schedule: daily at 08:00 (Europe/Paris)');

    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(matrix.messages(ROOM)).toHaveLength(2);
    expect(matrix.messages(ROOM)[1]).toContain('Sitrep digest');
    expect(matrix.messages(ROOM)[1]).toContain('Envoys meet in Baku');
    expect(h.app.digests.service.find({ platform: 'matrix', workspaceId: 'example.org', channelId: ROOM })?.lastDelivery).toMatchObject({ status: 'delivered', messages: 1 });
  });

  it('WHEN Sitrep is not in the room THEN nothing is stored, and the reply gives the Matrix poster’s own access help', async () => {
    const { h, matrix } = matrixSitrep();
    matrix.close(ROOM);
    const reply = await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', ana);
    expect(reply).toContain('Sitrep cannot post in this channel (`M_FORBIDDEN`: Sitrep is not in this room), so no digest was set up.');
    // The poster's own words, with the command it names marked as the refusal's commands are.
    expect(reply).toContain(matrixAccessHelp('`/digest subscribe`'));
    expect(reply).not.toContain('Digest subscribed');
    expect(h.app.digests.service.list({ platform: 'matrix', workspaceId: 'example.org' })).toEqual([]);
  });

  it('THEN a Matrix user no rule names is refused, and a matrix-role rule admits by the roles the adapter reports', async () => {
    const { h, matrix } = matrixSitrep('matrix:@ana,matrix-role:editors');
    const bob: Caller = { ...ana, userId: '@bob', displayName: 'Bob' };
    expect(await h.runText('/digest subscribe schedule:"daily 08:00"', bob)).toContain('Not allowed');
    expect(matrix.messages(ROOM)).toEqual([]);

    const reply = await h.runText('/digest subscribe schedule:"daily 08:00"', { ...bob, roleIds: ['editors'] });
    expect(reply).toContain('Digest subscribed');
    expect(matrix.messages(ROOM)[0]).toContain('Set up by Bob;');
  });

  it('THEN a caller named after the console is no admin unless its adapter marks it the local operator', async () => {
    const { h } = matrixSitrep();
    const claimed: Caller = { platform: 'console', userId: 'operator', channelId: 'console' };
    expect(await h.runText('/digest subscribe schedule:"daily 08:00"', claimed)).toContain('Not allowed');
    expect(await h.runText('/digest subscribe schedule:"daily 08:00"', { ...claimed, localOperator: true })).toContain('Digest subscribed');
  });
});

describe('GIVEN a refusal reported without a poster’s access help', () => {
  it('THEN the reply still says what to do, in words that name no platform', () => {
    const error = subscribeRefusedError({ status: 'refused', error: 'no access' });
    expect(error.message).toBe('Sitrep cannot post in this channel (no access), so no digest was set up.');
    expect(error.hints).toEqual(['Let Sitrep post in this channel, then run /digest subscribe again.']);
  });
});
