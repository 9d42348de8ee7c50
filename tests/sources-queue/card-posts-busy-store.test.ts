// GIVEN review cards owed to the channel WHEN the store is busy with another write (the bot's own
// feed checks on their worker's connection, an import, a backup) THEN the pass says so in one
// warning without a stack, and the next pass posts every card, each once, with those that had
// landed recorded as posted.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import type { PostResult, Poster } from '../../src/core/poster.js';
import type { View } from '../../src/core/view.js';
import { recordingLogger } from '../support/test-app.js';
import { ADMINS } from './support/queue-app.js';
import { waitingCardsEachTest } from './support/queue-each-test.js';

/** The review channel; while `gate` is set, a post waits for it before landing. */
class GatedChannel implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  readonly titles: string[] = [];
  gate: Promise<void> | undefined;
  reachedGate: (() => void) | undefined;

  async post(_channelId: string, view: View): Promise<PostResult> {
    if (this.gate) {
      this.reachedGate?.();
      await this.gate;
    }
    this.titles.push(view.title);
    return { refs: [`m${this.titles.length}`] };
  }
}

const BUSY_WARNING = 'posting to the review channels: the store was busy with another write (a feed check, an import or a backup); the next pass tries again';

const desk = waitingCardsEachTest();
let bot: App;
let logger: ReturnType<typeof recordingLogger>;
let channel: GatedChannel;
let other: Database.Database;

beforeEach(async () => {
  const { first } = desk;
  await first.run('/review channel');
  first.close();
  // The bot waits a few milliseconds for a write lock, not five seconds: the test need not.
  logger = recordingLogger();
  bot = createApp({ dbPath: first.dbPath, admins: parseAdminRules(ADMINS), logger, now: first.now, busyTimeoutMs: 20, checksInWorker: false });
  channel = new GatedChannel();
  bot.digests.posters.register(channel);
  other = new Database(first.dbPath);
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  bot.close();
});

const pass = () => bot.services.review.postPending();
const notInfo = () => logger.lines.filter((line) => line.level !== 'info');
const postStatuses = () => bot.db.prepare("SELECT status, message_refs FROM review_posts WHERE kind = 'card' ORDER BY id").all();

describe('GIVEN three review cards owed', () => {
  it('WHEN the store is busy as the pass starts THEN it warns once without a stack, and the next pass posts the three cards', async () => {
    other.exec('BEGIN IMMEDIATE');
    expect(await pass()).toBe(0);
    expect(notInfo()).toEqual([{ level: 'warn', context: { posted: 0 }, message: BUSY_WARNING }]);

    other.exec('ROLLBACK');
    expect(await pass()).toBe(3);
    expect(channel.titles).toHaveLength(3);
  });

  it('WHEN the store turns busy while the first card is on its way THEN the next pass records it as posted and posts the other two, each once', async () => {
    let land!: () => void;
    channel.gate = new Promise<void>((resolve) => (land = resolve));
    const reached = new Promise<void>((resolve) => (channel.reachedGate = resolve));
    const first = pass();
    await reached;
    other.exec('BEGIN IMMEDIATE');
    channel.gate = undefined;
    land();
    expect(await first).toBe(1);
    expect(notInfo()).toEqual([{ level: 'warn', context: { posted: 1 }, message: BUSY_WARNING }]);

    other.exec('ROLLBACK');
    expect(await pass()).toBe(2);
    expect(channel.titles).toHaveLength(3);
    expect(new Set(channel.titles).size).toBe(3);
    expect(postStatuses()).toEqual([
      { status: 'posted', message_refs: '["m1"]' },
      { status: 'posted', message_refs: '["m2"]' },
      { status: 'posted', message_refs: '["m3"]' },
    ]);
    expect(notInfo()).toHaveLength(1);
  });
});
