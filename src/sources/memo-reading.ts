// Reading a feed for a source, leaving unread the items whose text is exactly what the feed served
// at the source's last check (feed-memos.ts): the rest of the document (its header and the items
// new or changed) is parsed as before. The reading of an item then depends on its text alone: the
// address and the tags around the items are compared (item-scan.ts), and a feed whose dates are
// read by the way round its other dates write them is read whole. Whatever does not fit is read
// whole; the store confirms the items left unread (feed-memo.ts in the core).
import { keyBeforeRepeats, keyFingerprint, type FeedMemo, type HeldRow, type UnreadItems } from '../core/sources/feed-memo.js';
import type { FreshItem } from '../core/sources/intake-plan.js';
import type { FetchOutcome } from '../core/sources/feed-port.js';
import { MAX_FEED_ITEMS } from '../core/sources/feed-port.js';
import { fingerprint64 } from '../core/sources/fingerprint.js';
import { ENTRY_SIZE, findEntry, sortedEntries, type FeedMemos, type SourceMemo } from './feed-memos.js';
import { scanItems, type ScannedItems } from './item-scan.js';
import { parseFeedText, type CountedTrace, type ParseOutcome } from './parse-feed.js';

/** The source a feed is read for, where its memo is kept. */
export interface MemoSlot {
  memos: FeedMemos;
  source: number;
  /** Every item is read: the store did not confirm the items left unread. */
  whole?: true;
  /** Reads the same body again, whole (FeedMemo.readWhole). */
  readWhole: () => Promise<FetchOutcome>;
}

const newTrace = (): CountedTrace => ({ origins: [], dayOrder: false, count: 0 });

/** For each item, the index of the memo's entry of the same text, else -1; undefined when an entry is matched twice. */
function matchItems(memo: SourceMemo, prints: Uint32Array, count: number): Int32Array | undefined {
  const matched = new Int32Array(count);
  const taken = new Uint8Array(memo.entries.length / ENTRY_SIZE);
  for (let i = 0; i < count; i++) {
    const entry = findEntry(memo, prints[2 * i]!, prints[2 * i + 1]!);
    matched[i] = entry;
    if (entry === -1) continue;
    if (taken[entry]) return undefined;
    taken[entry] = 1;
  }
  return matched;
}

/** The document with only the items at `kept` (indexes among the scanned items). */
function withItems(text: string, scan: ScannedItems, kept: readonly number[]): string {
  const { bounds, count } = scan;
  const parts = [text.slice(0, bounds[0])];
  for (const index of kept) parts.push(text.slice(bounds[2 * index], bounds[2 * index + 1]));
  parts.push(text.slice(bounds[2 * count - 1]));
  return parts.join('');
}

/** The feed in `text`, read as parseFeedText reads it, for the source of `slot`. */
export function readWithMemo(text: string, baseUrl: string, slot: MemoSlot): ParseOutcome {
  const scan = scanItems(text);
  if (!scan || scan.count > MAX_FEED_ITEMS) {
    slot.memos.forget(slot.source);
    return parseFeedText(text, baseUrl);
  }
  const prints = new Uint32Array(2 * scan.count);
  for (let i = 0; i < scan.count; i++) fingerprint64(text, scan.bounds[2 * i]!, scan.bounds[2 * i + 1]!, prints, 2 * i);
  const context = `${baseUrl}\n${scan.context}`;
  const contextPrint = new Uint32Array(2);
  fingerprint64(context, 0, context.length, contextPrint, 0);
  const memo = slot.whole ? undefined : slot.memos.get(slot.source);
  const sameContext = memo !== undefined && memo.contextHigh === contextPrint[0] && memo.contextLow === contextPrint[1];
  const matched = sameContext ? matchItems(memo, prints, scan.count) : undefined;
  const kept: number[] = [];
  for (let i = 0; i < scan.count; i++) if (!matched || matched[i] === -1) kept.push(i);
  const reduced = kept.length < scan.count;
  const trace = newTrace();
  const read = parseFeedText(reduced ? withItems(text, scan, kept) : text, baseUrl, trace);
  const sure = read.kind === 'ok' && trace.count === kept.length && trace.format === scan.format && !trace.dayOrder;
  if (reduced && !sure) return readWithMemo(text, baseUrl, { ...slot, whole: true });
  if (read.kind !== 'ok' || !sure) {
    slot.memos.forget(slot.source);
    return read;
  }
  const unread = reduced ? unreadItems(memo!, matched!) : undefined;
  const remember = { slot, contextPrint, prints, kept, origins: trace.origins, ...(reduced ? { memo: memo!, matched: matched! } : {}) };
  const handle: FeedMemo = {
    ...(unread ? { unread } : {}),
    readWhole: () => {
      // The store holds those items otherwise now: this memo is of no more use.
      slot.memos.forget(slot.source);
      return slot.readWhole();
    },
    recorded: (keyed, rows) => recorded(remember, keyed, rows),
  };
  read.feed.memo = handle;
  return read;
}

function unreadItems(memo: SourceMemo, matched: Int32Array): UnreadItems {
  const entries = [...matched].filter((entry) => entry !== -1);
  const rows = new Uint32Array(entries.length);
  const fingerprints = new Uint32Array(entries.length);
  entries.forEach((entry, i) => {
    rows[i] = memo.entries[entry * ENTRY_SIZE + 2]!;
    fingerprints[i] = memo.entries[entry * ENTRY_SIZE + 3]!;
  });
  return { rows, fingerprints };
}

interface Reading {
  slot: MemoSlot;
  contextPrint: Uint32Array;
  prints: Uint32Array;
  /** The scanned items read, by their index in the document read. */
  kept: readonly number[];
  /** For each item of the document read, its index in `kept`. */
  origins: readonly number[];
  memo?: SourceMemo;
  matched?: Int32Array;
}

/** The source's memo after a check recorded whole: the items left unread as they were, and the items read with their rows. */
function recorded(reading: Reading, keyed: readonly FreshItem[], rows: ReadonlyMap<string, HeldRow>): void {
  const { slot, prints, kept, origins, memo, matched } = reading;
  if (keyed.length !== origins.length) return slot.memos.forget(slot.source);
  // Items sharing a key are told apart by their order (keyedItems): they are read at every check, all of them.
  const repeated = new Set(keyed.flatMap((item) => (item.repeats ? [keyBeforeRepeats(item)] : [])));
  const entries: number[] = [];
  if (memo && matched) {
    for (const entry of matched) if (entry !== -1) for (let part = 0; part < ENTRY_SIZE; part++) entries.push(memo.entries[entry * ENTRY_SIZE + part]!);
  }
  keyed.forEach(({ key, repeats }, i) => {
    const row = rows.get(key);
    if (!row || row.id > 0xffffffff || repeats || repeated.has(key)) return;
    const scanned = kept[origins[i]!]!;
    entries.push(prints[2 * scanned]!, prints[2 * scanned + 1]!, row.id, keyFingerprint(key, row.digest));
  });
  slot.memos.set(slot.source, { contextHigh: reading.contextPrint[0]!, contextLow: reading.contextPrint[1]!, entries: sortedEntries(entries) });
}
