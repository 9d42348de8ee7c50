// Reading again only what a feed changed: the items whose text is exactly what the feed served
// at its source's last check are left unread, and the store confirms each is an item it holds,
// unchanged; when it cannot, the feed is read whole after all.
import type { FetchOutcome } from './feed-port.js';
import { fingerprint32 } from './fingerprint.js';
import type { FreshItem } from './intake-plan.js';
import { itemKey } from './item-key.js';

/** Items of a feed left unread: the rows the source holds for them, with the fingerprint (keyFingerprint) each row's key and digest had. */
export interface UnreadItems {
  rows: Uint32Array;
  fingerprints: Uint32Array;
}

/** A row the source holds for an item after a check: its id, and what the item said (itemDigest). */
export interface HeldRow {
  id: number;
  digest: string;
}

/** What a reader kept of the reading of a feed for its source (FeedDocument.memo). */
export interface FeedMemo {
  /** Items left unread; absent when every item of the feed was read. */
  unread?: UnreadItems;
  /** The feed read whole, every item read: for when the store does not hold the items left unread as they were. */
  readWhole(): Promise<FetchOutcome>;
  /**
   * Keeps the reading for the source's next check, once this one is recorded whole: `keyed` are
   * the items read, with their keys, in feed order; `rows` the rows the source holds, by key.
   */
  recorded(keyed: readonly FreshItem[], rows: ReadonlyMap<string, HeldRow>): void;
}

/** The store holds an item left unread otherwise than it was (changed, removed, or its key another item's now): the feed is read whole. */
export class UnreadItemsChanged extends Error {
  constructor() {
    super('an item left unread is not held as it was');
  }
}

/**
 * The key an item holds before repeats are told apart (keyedItems): an item read sharing it with
 * an item left unread would make one of them a repeat, which depends on their order.
 */
export const keyBeforeRepeats = (keyed: FreshItem): string => (keyed.repeats ? itemKey(keyed.item) : keyed.key);

/** The fingerprint a row's key and digest are confirmed by. */
export const keyFingerprint = (key: string, digest: string): number => fingerprint32(`${key}\n${digest}`);
