// GIVEN review cards being posted WHEN the store closes as the process ends while the pass waits
// on the platform THEN the pass is answered with the shutting-down error instead of waiting
// forever, logs no card as failed, and the next process posts the cards it never handed over.
import { describe, expect, it } from 'vitest';
import type { PostResult, Poster } from '../../src/core/poster.js';
import { TurnsEnded } from '../../src/core/turns.js';
import type { View } from '../../src/core/view.js';
import { waitingCardsEachTest } from '../sources-queue/support/queue-each-test.js';

/** A review channel poster whose first post lands only when the test lets it. */
class HeldPoster implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  readonly titles: string[] = [];
  private land!: () => void;
  private asked!: () => void;
  /** Resolves once the first post has been asked for. */
  readonly reached = new Promise<void>((resolve) => (this.asked = resolve));
  private readonly held = new Promise<void>((resolve) => (this.land = resolve));

  async post(_channelId: string, view: View): Promise<PostResult> {
    this.titles.push(view.title);
    this.asked();
    if (this.titles.length === 1) await this.held;
    return { refs: [`msg-${this.titles.length}`] };
  }

  letFirstLand(): void {
    this.land();
  }
}

const MINUTE = 60_000;

const desk = waitingCardsEachTest();

describe('GIVEN a pass posting three review cards', () => {
  it('WHEN the store closes while the first card is on its way THEN the pass ends with the shutting-down error, and the next process posts the other two', async () => {
    const { first } = desk;
    const poster = new HeldPoster();
    await first.run('/review channel');
    first.app.digests.posters.register(poster);
    const pass = first.app.services.review.postPending();
    await poster.reached;
    first.close();
    poster.letFirstLand();

    await expect(pass).rejects.toBeInstanceOf(TurnsEnded);
    await expect(pass).rejects.toThrow('Sitrep is shutting down');
    expect(poster.titles).toHaveLength(1);
    expect(first.logger.lines.filter((line) => line.level !== 'info').map((line) => line.message)).toEqual([]);

    const next = desk.restart();
    next.advance(11 * MINUTE);
    expect(await next.app.services.review.postPending()).toBe(2);
    expect(next.poster.posts).toHaveLength(2);
  });
});
