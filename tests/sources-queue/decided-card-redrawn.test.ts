// GIVEN a card in the review channel WHEN its candidate is approved with fields of the admin's own
// (or attached to an entry) and the card is drawn later — by the next process after a restart, by
// a retry of an edit that failed, or once a card that was on its way lands — THEN the card shows
// the entry as recorded (the admin's summary and confidence, the entry's own fields), never the
// feed's summary and the suggestion the approval replaced.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeliveryError, type PostResult, type Poster } from '../../src/core/poster.js';
import type { View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW } from './support/stories.js';

/** The seed's entry on the Baku meeting. */
const BAKU_ENTRY = 12;
const APPROVAL = '/review approve id:1 summary:"Admin-written summary" confidence:claimed';

/** The review channel: its messages as they show now; edits can be made to fail, or to never land. */
class ReviewChannel implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  readonly messages = new Map<string, View>();
  /** While set, an edit meets it. */
  editFailure: DeliveryError | undefined;
  /** While set, an edit never lands: the process stops while it is on its way. */
  editsHang = false;
  /** While set, a post waits for it before reaching the channel (`reached` says it is there). */
  gate: Promise<void> | undefined;
  reached: (() => void) | undefined;

  async post(_channelId: string, view: View): Promise<PostResult> {
    if (this.gate) {
      this.reached?.();
      await this.gate;
    }
    const ref = `m${this.messages.size + 1}`;
    this.messages.set(ref, view);
    return { refs: [ref] };
  }

  async update(_channelId: string, refs: readonly string[], view: View): Promise<void> {
    if (this.editsHang) return new Promise<void>(() => undefined);
    if (this.editFailure) throw this.editFailure;
    for (const ref of refs) this.messages.set(ref, view);
  }

  /** The card's text as the channel shows it now. */
  card(): string {
    return viewText(this.messages.get('m1')!);
  }
}

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ReviewChannel;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  queue = new QueueApp({ start: NOW });
  channel = new ReviewChannel();
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  // The channel is set through the app's own poster (its confirmation is set apart); this one posts the cards.
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const pass = () => queue.app.services.review.postPending();

/** The card shows the approval with the admin's summary and confidence, not the feed's summary. */
function expectRecorded(card: string): void {
  expect(card).toContain('Approved: added as entry #18.');
  expect(card).toContain('Admin-written summary');
  expect(card).toMatch(/Confidence +claimed\n/);
  expect(card).not.toContain(BAKU.summary);
}

describe('GIVEN candidate #1 carded in the review channel', () => {
  beforeEach(async () => {
    await pass();
    expect(channel.card()).toContain(BAKU.summary);
  });

  it('WHEN it is approved with a summary and the process stops before its card is edited THEN the next process draws the card with the entry as recorded', async () => {
    channel.editsHang = true;
    // The reply waits for the card's edit, which the stop cuts off: only the decision is written.
    void queue.run(APPROVAL);
    await vi.waitFor(() => expect(queue.app.services.review.candidate(1).status).toBe('approved'));
    queue = queue.reopen();
    queue.app.digests.posters.register(channel);
    channel.editsHang = false;

    await pass();

    expectRecorded(channel.card());
  });

  it('WHEN it is attached to an entry and the process stops before its card is edited THEN the next process draws the card with that entry as recorded', async () => {
    channel.editsHang = true;
    void queue.run(`/review attach id:1 entry:${BAKU_ENTRY}`);
    await vi.waitFor(() => expect(queue.app.services.review.candidate(1).status).toBe('approved'));
    queue = queue.reopen();
    queue.app.digests.posters.register(channel);
    channel.editsHang = false;

    await pass();

    // The seed's entry as the dossier holds it: its summary, places and date, not the item's.
    const card = channel.card();
    expect(card).toContain(`Approved: its reports added as sources of entry #${BAKU_ENTRY}.`);
    expect(card).toContain('Syrian and Israeli officials reportedly met in Baku on 12 July');
    expect(card).toMatch(/Places +Baku, Azerbaijan\n/);
    expect(card).toMatch(/Date +12 Jul 2025\n/);
    expect(card).not.toContain(BAKU.summary);
  });

  it('WHEN its edit fails for now THEN the retry a minute on draws the card with the entry as recorded', async () => {
    channel.editFailure = new DeliveryError('retryable', 'Discord answered 503 Service Unavailable');
    expect(await queue.text(APPROVAL)).toContain('Admin-written summary');
    expect(channel.card()).toContain('waiting for review');
    channel.editFailure = undefined;
    queue.advance(60_000);

    await pass();

    expectRecorded(channel.card());
  });
});

describe('GIVEN candidate #1’s card on its way to the review channel', () => {
  it('WHEN it is approved with a summary before the card lands THEN the card, once there, shows the entry as recorded', async () => {
    let release!: () => void;
    channel.gate = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (channel.reached = resolve));
    const posting = pass();
    await reached;
    expect(await queue.text(APPROVAL)).toContain('Admin-written summary');
    channel.gate = undefined;
    release();
    await posting;

    expectRecorded(channel.card());
    expect(channel.messages.get('m1')!.buttons ?? []).toEqual([]);
  });
});
