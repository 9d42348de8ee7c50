// A map in words: its alt text and its data, for readers who do not see the picture. The picture
// tells places' event types apart by colour alone, so the alt text names the types and where each
// is; the data gives one place per line, each line saying what its figures are.
import type { LocatedPoint } from '../../src/core/charts/chart.js';
import { plural } from '../../src/core/text.js';
import { plainLine, type Line } from '../../src/core/view.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../../src/core/vocabulary.js';

/** Places the alt text names as the busiest. */
const NAMED = 5;
/** Places the alt text names under each event type: the busiest of it. */
const NAMED_BY_TYPE = 3;

/** `Aleppo, Damascus and Raqqa`. */
const listed = (names: readonly string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

const busiestFirst = (points: readonly LocatedPoint[]) => [...points].sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name));

/**
 * The busiest places by count, busiest first: a tie is named whole or counted, never cut
 * alphabetically (`Aleppo, Damascus and Raqqa 9 each; 16 more places 5 each`); when every place
 * has the same count, none is the busiest (`4 places, 1 each`).
 */
export function busiestWords(points: readonly LocatedPoint[]): string {
  const tiers: LocatedPoint[][] = [];
  for (const point of busiestFirst(points)) {
    const tier = tiers.at(-1);
    if (tier && tier[0]!.entries === point.entries) tier.push(point);
    else tiers.push([point]);
  }
  if (tiers.length === 1 && points.length > 1) {
    const names = points.length <= NAMED ? `: ${listed(tiers[0]!.map((p) => p.name))}` : '';
    return `${points.length} places, ${points[0]!.entries} each${names}`;
  }
  const words: string[] = [];
  let named = 0;
  for (const tier of tiers) {
    const each = tier.length === 1 ? `${tier[0]!.entries}` : `${tier[0]!.entries} each`;
    if (named + tier.length > NAMED) {
      words.push(`${plural(tier.length, named > 0 ? 'more place' : 'place', named > 0 ? 'more places' : 'places')} ${each}`);
      break;
    }
    words.push(`${listed(tier.map((p) => p.name))} ${each}`);
    named += tier.length;
    if (named === NAMED) break;
  }
  // Ties hold commas of their own, so tiers are then told apart by semicolons.
  return `the busiest: ${words.join(tiers.some((tier) => tier.length > 1) ? '; ' : ', ')}`;
}

/** `Damascus, Daraa, Homs and 2 more`: the busiest of them by name, the rest counted. */
function someNamed(points: readonly LocatedPoint[]): string {
  const names = busiestFirst(points).map((p) => p.name);
  if (names.length <= NAMED_BY_TYPE) return listed(names);
  return `${names.slice(0, NAMED_BY_TYPE).join(', ')} and ${names.length - NAMED_BY_TYPE} more`;
}

/**
 * What the colours show, in words: `Latest event types: Statement at 2 places (Paris and
 * Damascus); Talks/negotiation at 1 place (Baku).`, the type at most places first.
 */
export function typeWords(points: readonly LocatedPoint[]): string {
  const byType = new Map<EventType, LocatedPoint[]>();
  for (const type of EVENT_TYPE_IDS) {
    const at = points.filter((p) => p.latestType === type);
    if (at.length > 0) byType.set(type, at);
  }
  const types = [...byType].sort(([, a], [, b]) => b.length - a.length);
  const [only] = types;
  if (types.length === 1 && only) {
    return points.length === 1 ? `Latest event type: ${eventTypeLabel(only[0])}.` : `Latest event type: ${eventTypeLabel(only[0])} at every place.`;
  }
  const each = types.map(([type, at]) => `${eventTypeLabel(type)} at ${plural(at.length, 'place')} (${someNamed(at)})`);
  return `Latest event types: ${each.join('; ')}.`;
}

export function mapAlt(points: readonly LocatedPoint[], unlocated: readonly string[], period: string): string {
  const busiest = busiestWords(points);
  const missing = unlocated.length > 0 ? `; ${plural(unlocated.length, 'place')} without coordinates ${unlocated.length === 1 ? 'is' : 'are'} not shown` : '';
  // No total: an entry naming several places (Baku, Azerbaijan) is drawn at each, so circles do not add up.
  return `Map of ${plural(points.length, 'located place')} ${period}, each sized by its entries (an entry naming several places counts at each) and coloured by its latest event type; ${busiest}${missing}. ${typeWords(points)}`;
}

/** `33.51` and `36.29`, rounded as the places' coordinates are given: to a hundredth of a degree. */
const degrees = (value: number) => value.toFixed(2);

/**
 * The map's data, one place per line, each figure named on it (`Paris: 3 entries; latest event
 * type Statement; latitude 48.86, longitude 2.35`): read line by line, not cell by cell.
 */
export function mapLines(points: readonly LocatedPoint[]): Line[] {
  return points.map((p) => plainLine(`${p.name}: ${plural(p.entries, 'entry', 'entries')}; latest event type ${eventTypeLabel(p.latestType)}; latitude ${degrees(p.lat)}, longitude ${degrees(p.lon)}`));
}
