// The marks over a timeline's bars (trend calls) summed up in words for its alt text: a year of
// weekly calls named one by one would outgrow any platform's alt text, so each label (topic) is
// counted by what its marks say, and only its latest mark is named with its period.
import { plural } from '../text.js';
import { markMeaning, type ChartSeries, type SeriesPoint } from './chart.js';

/** Labels (topics) summed up one by one, those with the most marks; the rest are counted together. */
const NAMED_LABELS = 3;

/** `Aleppo, Damascus and Raqqa`. */
const listed = (words: readonly string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** `5 deteriorated, 5 improved and 4 unchanged`, most first; `all deteriorated` when they agree. */
function meaningCounts(points: readonly SeriesPoint[]): string {
  const counts = new Map<string, number>();
  for (const point of points) {
    const meaning = point.meaning ?? 'unlabelled';
    counts.set(meaning, (counts.get(meaning) ?? 0) + 1);
  }
  if (counts.size === 1) return `all ${[...counts.keys()][0]}`;
  return listed([...counts].sort((a, b) => b[1] - a[1]).map(([meaning, n]) => `${n} ${meaning}`));
}

/**
 * One label's marks (oldest first): `14 trend calls on syria-israel (5 deteriorated, 5 improved and
 * 4 unchanged), the latest deteriorated (↑), conflict risk alert, in the week starting 7 Jul 2025`.
 */
function labelWords(points: readonly SeriesPoint[], name: string, periodWords: (start: string) => string): string {
  const latest = points.at(-1)!;
  const on = latest.label ? ` on ${latest.label}` : '';
  const flagged = latest.flag ? ',' : '';
  if (points.length === 1) return `1 ${name}${on}, ${markMeaning(latest)}${flagged} in ${periodWords(latest.start)}`;
  return `${plural(points.length, name)}${on} (${meaningCounts(points)}), the latest ${markMeaning(latest)}${flagged} in ${periodWords(latest.start)}`;
}

/** A series of marks as a clause of the alt text, by label, those with the most marks first. */
export function marksWords(series: ChartSeries, periodWords: (start: string) => string): string {
  const name = series.markName ?? series.name.toLowerCase();
  const byLabel = new Map<string, SeriesPoint[]>();
  for (const point of series.points) byLabel.set(point.label ?? '', [...(byLabel.get(point.label ?? '') ?? []), point]);
  const labels = [...byLabel].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const named = labels.slice(0, NAMED_LABELS).map(([, points]) => labelWords(points, name, periodWords));
  const rest = labels.slice(NAMED_LABELS);
  if (rest.length > 0) {
    const marks = rest.reduce((sum, [, points]) => sum + points.length, 0);
    named.push(`${plural(marks, name)} on ${plural(rest.length, 'more topic')}`);
  }
  return named.join('; ');
}
