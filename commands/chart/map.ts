// /chart map — where entries happened: one circle per located place, sized by its entries and
// coloured by its latest event type, over the region's borders.
import type { LocatedPoint, MapChart } from '../../src/core/charts/chart.js';
import { locatePlaces } from '../../src/core/charts/locate.js';
import { chartImage } from '../../src/core/charts/picture.js';
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntrySummary } from '../../src/core/domain.js';
import type { Page } from '../../src/core/ports.js';
import { nextTurn } from '../../src/core/turns.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { eventTypeLabel } from '../../src/core/vocabulary.js';
import { dataButton } from './data-button.js';
import { timelineSince } from './periods.js';
import { chartFilter, chartRange, chartToday, dataOption, laterNote, periodWords, sinceOption, sinceWords, startedBefore, titled, topicOption, untilOption } from './filters.js';

/** The most places one map draws: the busiest. */
export const MAX_MAP_PLACES = 1000;
/** Places the alt text names: the busiest. */
const NAMED = 5;

/** `Aleppo, Damascus and Raqqa`. */
const listed = (names: readonly string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * The busiest places by count, busiest first: a tie is named whole or counted, never cut
 * alphabetically (`Aleppo, Damascus and Raqqa 9 each; 16 more places 5 each`); when every place
 * has the same count, none is the busiest (`4 places, 1 each`).
 */
export function busiestWords(points: readonly LocatedPoint[]): string {
  const tiers: LocatedPoint[][] = [];
  for (const point of [...points].sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name))) {
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

export function mapAlt(points: readonly LocatedPoint[], unlocated: readonly string[], period: string): string {
  const busiest = busiestWords(points);
  const missing = unlocated.length > 0 ? `; ${plural(unlocated.length, 'place')} without coordinates ${unlocated.length === 1 ? 'is' : 'are'} not shown` : '';
  // No total: an entry naming several places (Baku, Azerbaijan) is drawn at each, so circles do not add up.
  return `Map of ${plural(points.length, 'located place')} ${period}, each sized by its entries (an entry naming several places counts at each) and coloured by its latest event type; ${busiest}${missing}.`;
}

/**
 * The places without coordinates, named (the busiest first), with how an admin gives one
 * coordinates: a stored place gets them by saying which gazetteer place it stands for.
 */
function unlocatedLines(unlocated: readonly string[]): Line[] {
  if (unlocated.length === 0) return [];
  const named = unlocated.slice(0, NAMED).join(', ');
  const more = unlocated.length > NAMED ? ` and ${unlocated.length - NAMED} more` : '';
  return [
    plainLine(`Without coordinates: ${named}${more}.`),
    [
      span.plain('An admin gives one coordinates by naming the gazetteer place it stands for: '),
      span.command('places locate', `name:"${unlocated[0]}" as:"…"`),
      span.plain(', or by pinning it: '),
      span.command('places locate', `name:"${unlocated[0]}" at:"LAT, LON" in:…`),
      span.plain('.'),
    ],
  ];
}

/** Of the entries starting before the map's range and running into it, at most this many are read for their places. */
const EARLIER_READ = 100;

/**
 * Entries with places that start before the range and run into it: /timeline lists them there,
 * but the map counts an entry by the day it starts, which lies before the range.
 */
function startedBeforeLines(earlier: Page<EntrySummary>, since: string): Line[] {
  const placed = earlier.items.filter((entry) => entry.places.length > 0).length;
  if (placed === 0) return [];
  const unread = earlier.totalIsLowerBound || earlier.total > earlier.items.length;
  const entries = `${unread ? 'At least ' : ''}${plural(placed, 'entry', 'entries')} with places`;
  return [plainLine(`${entries} starting before ${since} and running into it ${placed === 1 && !unread ? 'is' : 'are'} not on this map, which counts an entry only from the day it starts; /timeline lists them.`)];
}

/** `33.51, 36.29`: kept whole (read aloud or copied, it is one coordinate); the table right-aligns it in its column. */
const latLon = (p: Pick<LocatedPoint, 'lat' | 'lon'>) => `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;

function mapTable(points: readonly LocatedPoint[]): Line[] {
  const width = Math.max(5, ...points.map((p) => p.name.length));
  const latLonWidth = latLon({ lat: -90, lon: -180 }).length;
  return [
    [span.code(`${'Place'.padEnd(width)}  Entries  ${'Lat/lon'.padStart(latLonWidth)}`), span.plain('  Latest type')],
    ...points.map((p): Line => [span.code(`${p.name.padEnd(width)}  ${String(p.entries).padStart(7)}  ${latLon(p).padStart(latLonWidth)}`), span.plain(`  ${eventTypeLabel(p.latestType)}`)]),
  ];
}

export const chartMap: SubcommandSpec = {
  name: 'map',
  description: 'A map of where entries happened, by located place, as a picture',
  readOnly: true,
  options: [topicOption, sinceOption, untilOption, dataOption],
  examples: ['topic:syria-israel', 'since:2025-07', 'topic:syria-israel data:true'],
  async run(args, ctx): Promise<View> {
    const { filter, words, undated, untilNote } = chartFilter(args, ctx);
    const { charts } = ctx.services;
    const today = chartToday(ctx);
    const found = await chartRange(filter, charts.data, today);
    if (!found) {
      const earlier = filter.since !== undefined ? startedBeforeLines(startedBefore(ctx.services.dossier, filter, filter.since, EARLIER_READ), sinceWords(args, filter.since)) : [];
      const none = earlier.length > 0 ? 'No matching entry with places starts in the range' : 'No entries with places match';
      return { title: titled('Where entries happened', words), tone: 'normal', intro: [plainLine(`${none}, so there is nothing to map.`), ...earlier], sections: [] };
    }
    // The days /chart timeline draws for the same filters: an entry it counts is mapped too.
    const range = { since: await timelineSince(filter, found, charts.data), until: found.until };
    // The picture has no axis to show its period, so its title names it.
    const period = periodWords(args, range);
    const title = titled('Where entries happened', [...undated, period]);
    const activity = await charts.data.placeActivity({ ...filter, ...range });
    const earlier = [
      ...startedBeforeLines(startedBefore(ctx.services.dossier, filter, range.since, EARLIER_READ), sinceWords(args, range.since)),
      ...untilNote,
      ...(range.until === today ? await laterNote(ctx, filter, today) : []),
    ];
    // Thousands of places arrived in one turn of the bot's event loop; locating them takes another.
    await nextTurn();
    const { points, unlocated } = locatePlaces(activity, charts.coordinates);
    await nextTurn();
    if (points.length === 0) {
      const intro = unlocated.length === 0
        ? [plainLine('No entries with places match, so there is nothing to map.')]
        : [plainLine(`${plural(unlocated.length, 'place has', 'places have')} matching entries, but none has coordinates, so there is nothing to map.`), ...unlocatedLines(unlocated)];
      return { title, tone: 'normal', intro: [...intro, ...earlier], sections: [] };
    }
    const shown = points.slice(0, MAX_MAP_PLACES);
    const alt = mapAlt(shown, unlocated, period);
    const more = points.length > shown.length ? [plainLine(`The ${MAX_MAP_PLACES} busiest of ${points.length} located places are drawn.`)] : [];
    if (args.data === true) return { title: `Data — ${title}`, tone: 'normal', intro: [plainLine(alt), ...more, ...unlocatedLines(unlocated), ...earlier], sections: [{ lines: mapTable(shown) }] };
    const chart: MapChart = { kind: 'map', title, points: shown };
    // The picture's alt text describes it: the text under the title does not say it again.
    return {
      title,
      tone: 'normal',
      intro: [...more, ...unlocatedLines(unlocated), ...earlier],
      sections: [],
      image: chartImage(charts.renderer, chart, alt, () => mapTable(shown)),
      buttons: [dataButton('map', args)],
    };
  },
};
