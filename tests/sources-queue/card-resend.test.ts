// GIVEN review cards being posted WHEN the process stops in the middle of a pass THEN the cards
// it never handed to the platform are posted by the next pass, once each; the one it was sending
// (which may be in the channel) is not posted again, and /review list says its card may be
// missing. WHEN a card of several messages fails after its first THEN the retry posts the rest
// only, and a decision edits every message.
import { describe, expect, it } from 'vitest';
import { DeliveryError, type PostResult, type Poster } from '../../src/core/poster.js';
import type { View } from '../../src/core/view.js';
import type { QueueApp } from './support/queue-app.js';
import { waitingCardsEachTest } from './support/queue-each-test.js';

/** A review channel poster scripted per call: what it was asked, and what each call does. */
class ScriptedPoster implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  readonly calls: { title: string; alreadyPosted: number }[] = [];
  readonly updates: { refs: readonly string[]; view: View }[] = [];
  private readonly steps: ((call: number) => Promise<string[]>)[] = [];
  private reachedFirst!: () => void;
  /** Resolves once a post has been asked for. */
  readonly reached = new Promise<void>((resolve) => (this.reachedFirst = resolve));

  then(step: (call: number) => Promise<string[]>): this {
    this.steps.push(step);
    return this;
  }

  async post(_channelId: string, view: View, alreadyPosted = 0): Promise<PostResult> {
    this.calls.push({ title: view.title, alreadyPosted });
    this.reachedFirst();
    const step = this.steps.shift();
    return { refs: await (step ? step(this.calls.length) : Promise.resolve([`msg-${this.calls.length}`])) };
  }

  async update(_channelId: string, refs: readonly string[], view: View): Promise<void> {
    this.updates.push({ refs, view });
  }
}

const never = () => new Promise<string[]>(() => undefined);
const MINUTE = 60_000;

const desk = waitingCardsEachTest();

const titles = (queue: QueueApp) => queue.app.db.prepare('SELECT title FROM review_candidates ORDER BY id').pluck().all() as string[];

describe('GIVEN a pass posting three cards', () => {
  it('WHEN the process stops while the first is being sent THEN the next process posts the other two once, never the first again', async () => {
    const { first } = desk;
    const dying = new ScriptedPoster().then(never);
    // The channel is set through the app's own poster (its confirmation is set apart); this one posts the cards.
    await first.run('/review channel');
    first.app.digests.posters.register(dying);
    void first.app.services.review.postPending();
    await dying.reached;
    first.close();

    const next = desk.restart();
    next.advance(11 * MINUTE);
    const [sending, ...neverReached] = titles(next);
    expect(dying.calls.map((c) => c.title)).toEqual([sending]);
    expect(await next.app.services.review.postPending()).toBe(2);
    expect(next.poster.posts.map((p) => p.view.title)).toEqual(neverReached);
    // Later passes have nothing more to send: no card twice.
    next.advance(11 * MINUTE);
    expect(await next.app.services.review.postPending()).toBe(0);
    expect(next.poster.posts).toHaveLength(2);

    const list = await next.text('/review list');
    const mentions = list.split('\n').map((line) => line.trim()).filter((line) => line.includes('may not have reached the review channel'));
    expect(mentions).toEqual(['Its card may not have reached the review channel on Discord (Sitrep stopped while posting it, and does not post it twice): decide it here.']);
    // The warning sits under the candidate whose card was being sent.
    expect(list.indexOf(mentions[0]!)).toBeGreaterThan(list.indexOf(sending!));
  });

  it('WHEN a card of two messages fails after the first THEN the pass stops there, the retry posts only the second and then the others, and a decision edits both', async () => {
    const { first } = desk;
    const halfway = new ScriptedPoster().then(() => Promise.reject(new DeliveryError('retryable', 'HTTP 503', undefined, ['part-1'])));
    await first.run('/review channel');
    first.app.digests.posters.register(halfway);
    const [title, ...others] = titles(first);
    await first.app.services.review.postPending();
    // Discord's trouble stops the pass: the other cards wait for the next one.
    expect(halfway.calls).toEqual([{ title, alreadyPosted: 0 }]);

    await first.app.services.review.postPending();
    expect(halfway.calls.slice(1)).toEqual([{ title, alreadyPosted: 1 }, ...others.map((t) => ({ title: t, alreadyPosted: 0 }))]);
    await first.run('/review reject id:1');
    expect(halfway.updates.map((u) => u.refs)).toEqual([['part-1', 'msg-2']]);
  });
});
