// Fatality figures as UCDP records them: a best estimate, and where sources differ a low and a
// high estimate around it (low ≤ best ≤ high). Typed as `12`, `10-12-15`, or as shown: `12 (10 to 15)`
// (or `12 (10–15)`). Shown with `to`, not a dash: a screen reader says no dash, and `12 (10–15)` would
// be read as three numbers in a row.
import { isolated } from './bidi-isolate.js';
import type { Fatalities } from './domain.js';
import { formatCount, westernDigits } from './text.js';

export type FatalityFigures = Omit<Fatalities, 'source'>;

/** The largest figure taken: more than any single event has had, so a typo of extra digits is caught. */
const MAX_FIGURE = 10_000_000;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const DASH = String.raw`\s*[-–—]\s*`;
const BEST_ONLY = new RegExp(`^${NUMBER}$`);
const LOW_BEST_HIGH = new RegExp(`^${NUMBER}${DASH}${NUMBER}${DASH}${NUMBER}$`);
const BEST_THEN_RANGE = new RegExp(String.raw`^${NUMBER}\s*\(\s*${NUMBER}(?:${DASH}|\s+to\s+)${NUMBER}\s*\)$`, 'i');
/**
 * A lower bound, as tolls are given and cards show them (`at least 5`, `5+`, `> 5`, `more than 5`):
 * UCDP's convention records none, so it is refused, saying what to write.
 */
const LOWER_BOUND = new RegExp(String.raw`^(?:(?:at\s+least|more\s+than|over|no\s+fewer\s+than|no\s+less\s+than|>=?|≥)\s*${NUMBER}|${NUMBER}\s*\+)$`, 'i');

/**
 * A range without a best estimate, as sources give one (`20-40`, `between 20 and 40`, `20 to 40`):
 * the figures need a best, so it is refused, saying how to write one.
 */
const RANGE_ONLY = new RegExp(String.raw`^(?:${NUMBER}${DASH}${NUMBER}|between\s+${NUMBER}\s+and\s+${NUMBER}|(?:from\s+)?${NUMBER}\s+to\s+${NUMBER})$`, 'i');

export const FATALITIES_ACCEPTED = 'the best estimate (`12`), or low-best-high (`10-12-15`, UCDP’s convention)';

const figure = (text: string) => Number(text.replace(/,/g, ''));

/** The figures the text gives, or the reason it gives none (for a refusal that names the option). */
export function parseFatalities(text: string): FatalityFigures | { problem: string } {
  const trimmed = text.trim();
  // Read in 0–9 (`١٢` is 12); a refusal repeats the figure as typed.
  const figures = westernDigits(trimmed);
  let parsed: FatalityFigures | undefined;
  const best = BEST_ONLY.exec(figures);
  const lowBestHigh = LOW_BEST_HIGH.exec(figures);
  const bestRange = BEST_THEN_RANGE.exec(figures);
  if (best) parsed = { best: figure(best[1]!) };
  else if (lowBestHigh) parsed = { low: figure(lowBestHigh[1]!), best: figure(lowBestHigh[2]!), high: figure(lowBestHigh[3]!) };
  else if (bestRange) parsed = { low: figure(bestRange[2]!), best: figure(bestRange[1]!), high: figure(bestRange[3]!) };
  const lowerBound = LOWER_BOUND.exec(figures);
  if (!parsed && lowerBound) return { problem: lowerBoundProblem(trimmed, figure(lowerBound[1] ?? lowerBound[2]!)) };
  const range = RANGE_ONLY.exec(figures);
  if (!parsed && range) return { problem: rangeProblem(trimmed, ...range.slice(1).filter((n) => n !== undefined).map(figure)) };
  if (!parsed) return { problem: `\`${trimmed}\` is not a figure` };
  const { low, best: b, high } = parsed;
  if (Math.max(low ?? 0, b, high ?? 0) > MAX_FIGURE) return { problem: `figures above ${MAX_FIGURE.toLocaleString('en-US')} are not taken — got \`${trimmed}\`` };
  if (low !== undefined && low > b) return { problem: `the low estimate (${low}) is above the best (${b}): low ≤ best ≤ high` };
  if (high !== undefined && high < b) return { problem: `the high estimate (${high}) is below the best (${b}): low ≤ best ≤ high` };
  // `12-12-12` is no range: sources agree on the best estimate.
  if (low === b && high === b) return { best: b };
  return parsed;
}

/**
 * A lower bound is recorded as its best estimate (as an approved card's `at least 5` is), or as the
 * low of low-best-high where sources give more.
 */
function lowerBoundProblem(typed: string, bound: number): string {
  return `\`${typed}\` is a lower bound, which figures do not record: give \`${bound}\`, the best estimate (as a card's "at least ${bound}" is recorded), or low-best-high with ${bound} as the low where sources give a range`;
}

/** A range is given as low-best-high; the example's best is the middle of the range typed. */
function rangeProblem(typed: string, ...ends: number[]): string {
  const [low, high] = [Math.min(...ends), Math.max(...ends)];
  const example = low === high ? String(low) : `${low}-${Math.round((low + high) / 2)}-${high}`;
  return `\`${typed}\` is a range, which needs a best estimate: give low-best-high, e.g. \`${example}\` (UCDP’s convention)`;
}

/** As shown: `12`, or `12 (10 to 15)` with a range. */
export function formatFatalities(figures: FatalityFigures): string {
  const { low, best, high } = figures;
  if ((low ?? best) === best && (high ?? best) === best) return formatCount(best);
  return `${formatCount(best)} (${formatCount(low ?? best)} to ${formatCount(high ?? best)})`;
}

/** As /entry show, /entry diff and digests give them: `12 (10 to 15) — Health ministry`, or `none`. */
export function fatalitiesWithSource(fatalities: Fatalities | undefined): string {
  return fatalities ? `${formatFatalities(fatalities)} — ${isolated(fatalities.source)}` : 'none';
}

/** As typed back (forms, exports): `12` or `10-12-15`. */
export function fatalitiesText(figures: FatalityFigures): string {
  const { low, best, high } = figures;
  return low === undefined && high === undefined ? String(best) : `${low ?? best}-${best}-${high ?? best}`;
}

/**
 * The figures of several entries added up, each entry's missing low or high taken as its best;
 * undefined when none has figures.
 */
export function sumFatalities(all: readonly (FatalityFigures | undefined)[]): { figures: FatalityFigures; entries: number } | undefined {
  const known = all.filter((f): f is FatalityFigures => f !== undefined);
  if (known.length === 0) return undefined;
  const total = (pick: (f: FatalityFigures) => number) => known.reduce((sum, f) => sum + pick(f), 0);
  const best = total((f) => f.best);
  const low = total((f) => f.low ?? f.best);
  const high = total((f) => f.high ?? f.best);
  return { figures: low === best && high === best ? { best } : { low, best, high }, entries: known.length };
}
