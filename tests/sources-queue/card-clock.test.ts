// GIVEN a review channel on the bot's clock (SITREP_TZ=Asia/Beirut), or on its digest's zone
// (Asia/Tokyo) THEN the cards posted there print their instants on that clock, naming the zone, as
// the replies in that channel do: when the item was published, and who decided it when. Cards go
// out from the process connected to the platform, with the digests' subscriptions to read each
// channel's zone in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { ReviewQueue } from '../../src/core/review/review-queue.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { SqliteEditor } from '../../src/store/sqlite-editor.js';
import { SqliteReviewStore } from '../../src/store/review-store.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { ADMIN, ADMINS } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { NOW, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let fetcher: HttpFeedFetcher;
let dir: string;
let app: App;
let channel: ChannelPoster;
/** The review queue of the process posting on Discord; the app itself has no Discord poster. */
let cards: ReviewQueue;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000 });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-card-clock-'));
  const dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath, new Date(NOW));
  const now = () => new Date(NOW);
  const logger = recordingLogger();
  app = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger, now, timezone: 'Asia/Beirut', feedFetcher: fetcher });
  channel = new ChannelPoster();
  const posters = { get: (platform: string) => (platform === 'discord' ? channel : undefined), platforms: () => ['discord' as const] };
  cards = new ReviewQueue({ store: new SqliteReviewStore(app.db, new SqliteEditor(app.db)), posters, now, logger, sender: 'discord-process', zones: app.services.digests });
});
afterEach(async () => {
  app.close();
  await fetcher.close();
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (line: string) => app.dispatcher.runText(line, ADMIN);
/** The one card in the review channel, as it shows now. */
function card(): string {
  expect(channel.messages.size).toBe(1);
  return viewText([...channel.messages.values()][0]!);
}

/** The review channel set, its feed checked, and the card of its candidate posted. */
async function cardPosted(): Promise<void> {
  await run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await run('/sources check id:1');
  await cards.postPending();
}

describe('GIVEN SITREP_TZ=Asia/Beirut and a review channel without a digest', () => {
  beforeEach(async () => {
    await run('/review channel');
    await cardPosted();
  });

  it('WHEN the card of an item published at 08:30 UTC goes out THEN it says 11:30 in Beirut', () => {
    expect(card()).toMatch(/^ {2}Published +2025-07-19 11:30 Asia\/Beirut$/m);
  });

  it('WHEN an admin rejects the candidate at 12:00 UTC THEN the card, drawn again, says it was rejected at 15:00 in Beirut', async () => {
    await run('/review reject id:1 reason:"not an event"');
    await cards.postPending();
    expect(card()).toMatch(/^ {2}Decided +Rejected by ana \(Discord\) at 2025-07-20 15:00 Asia\/Beirut: not an event$/m);
  });
});

describe('GIVEN the review channel’s digests read in Asia/Tokyo', () => {
  beforeEach(async () => {
    await run('/review channel');
    await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo');
    await cardPosted();
  });

  it('WHEN the card goes out, and the candidate is rejected THEN both read Tokyo’s clock, not the bot’s', async () => {
    expect(card()).toMatch(/^ {2}Published +2025-07-19 17:30 Asia\/Tokyo$/m);
    await run('/review reject id:1');
    await cards.postPending();
    expect(card()).toMatch(/^ {2}Decided +Rejected by ana \(Discord\) at 2025-07-20 21:00 Asia\/Tokyo$/m);
  });
});
