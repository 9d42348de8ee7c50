// What the trend commands and digests need from the store.
import type { Page } from './ports.js';
import type { TrendCall, WindowFigures } from './trends.js';

export interface TrendCalls {
  /** Records a call; a call already made for that topic and day is replaced, and returned. */
  record(call: TrendCall): { replaced?: TrendCall };
  /** A topic's calls, the one made last first (a call's day is its channel's, which may be ahead of another's). */
  history(topic: string, limit: number, offset: number): Page<TrendCall>;
  /** Calls made for days `from`–`to` (inclusive, `YYYY-MM-DD`), of one topic or of every one (by topic), in the order they were made. */
  between(topic: string | undefined, from: string, to: string): TrendCall[];
  /** The call made last on every topic that has one, by topic, whatever day it was made for. */
  latestByTopic(): ReadonlyMap<string, TrendCall>;
  /** A topic's live entries dated to the day that start within the days `from`–`to` (inclusive, `YYYY-MM-DD`). */
  figures(topic: string, from: string, to: string): WindowFigures;
  /** How many of a topic's live entries start in a month or year (no day known) that overlaps the days `from`–`to`. */
  undated(topic: string, from: string, to: string): number;
  /** The day the newest live entry of a topic dated to the day starts on. */
  newestDayDated(topic: string): string | undefined;
}
