// The Discord review tests' usual start: a seeded store watching one feed of the given items,
// whose review channel is the harness's channel, set and the feed added and checked there by an
// admin (by role), as a moderator would on Discord.
import { openReviewStore, type ReviewStore } from '../../sources-queue/support/review-store.js';
import type { ScriptedItem } from '../../sources-queue/support/scripted-feeds.js';
import { startHarness, type Harness } from './harness.js';

export async function openDiscordReviewDesk(options: { name: string; adminRole: string; items: ScriptedItem[]; now?: () => Date }): Promise<{ store: ReviewStore; h: Harness }> {
  const store = await openReviewStore({ admins: `discord-role:${options.adminRole}`, name: options.name, ...(options.now ? { now: options.now } : {}) });
  store.feeds.serve('/levant.xml', 'Levant Wire', options.items);
  const h = await startHarness({ dispatcher: () => store.app.dispatcher, userRoles: [options.adminRole] });
  store.app.digests.posters.register(h.adapter.poster);
  await h.slash('review', {}, { subcommand: 'channel' });
  await h.slash('sources', { url: store.feeds.url('/levant.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
  await h.slash('sources', { id: 1 }, { subcommand: 'check' });
  return { store, h };
}
