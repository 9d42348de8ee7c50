// /chart map — where entries happened: one circle per located place, sized by its entries and
// coloured by its latest event type, over the region's borders; its words are in map-words.ts.
import type { MapChart } from '../../src/core/charts/chart.js';
import { locatePlaces } from '../../src/core/charts/locate.js';
import { chartImage } from '../../src/core/charts/picture.js';
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntrySummary } from '../../src/core/domain.js';
import type { Page } from '../../src/core/ports.js';
import { nextTurn } from '../../src/core/turns.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { dataButton } from './data-button.js';
import { mapAlt, mapLines } from './map-words.js';
import { timelineSince } from './periods.js';
import { chartFilter, chartRange, chartToday, dataOption, laterNote, periodWords, sinceOption, sinceWords, startedBefore, titled, topicOption, untilOption } from './filters.js';

export { busiestWords, mapAlt } from './map-words.js';

/** The most places one map draws: the busiest. */
export const MAX_MAP_PLACES = 1000;
/** Places without coordinates the reply names: the busiest. */
const NAMED = 5;

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
    if (args.data === true) return { title: `Data — ${title}`, tone: 'normal', intro: [plainLine(alt), ...more, ...unlocatedLines(unlocated), ...earlier], sections: [{ lines: mapLines(shown) }] };
    const chart: MapChart = { kind: 'map', title, points: shown };
    // The picture's alt text describes it: the text under the title does not say it again.
    return {
      title,
      tone: 'normal',
      intro: [...more, ...unlocatedLines(unlocated), ...earlier],
      sections: [],
      image: chartImage(charts.renderer, chart, alt, () => mapLines(shown)),
      buttons: [dataButton('map', args)],
    };
  },
};
