// One colour per event type, the same in every picture, and the chart's look (fonts, sizes).
import { EVENT_TYPES, eventTypeLabel, type EventType } from '../core/vocabulary.js';
import { FONT_FAMILY } from './fonts.js';

/** Tableau 10 and three more, in the order of EVENT_TYPES: distinct side by side. */
const COLOURS = ['#e15759', '#f28e2b', '#b07aa1', '#9c755f', '#ff9da7', '#edc948', '#4e79a7', '#59a14f', '#76b7b2', '#bab0ac', '#17becf', '#8cd17d', '#79706e'];

export const TYPE_COLOUR = new Map<EventType, string>(EVENT_TYPES.map((t, i) => [t.id, COLOURS[i]!]));

/** The colour scale for the given types, in vocabulary order, keyed by their labels. */
export function typeScale(types: readonly EventType[]): { domain: string[]; range: string[] } {
  const shown = EVENT_TYPES.filter((t) => types.includes(t.id));
  return { domain: shown.map((t) => eventTypeLabel(t.id)), range: shown.map((t) => TYPE_COLOUR.get(t.id)!) };
}

/** Layout units are drawn this many pixels each, so text stays readable in a chat client. */
export const CHART_SCALE = 1.5;

export const CHART_CONFIG = {
  font: FONT_FAMILY,
  background: '#ffffff',
  title: { fontSize: 15, anchor: 'start', offset: 8 },
  axis: { labelFontSize: 10, titleFontSize: 11, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 10, titleFontSize: 11, labelLimit: 220 },
  view: { stroke: null },
} as const;
