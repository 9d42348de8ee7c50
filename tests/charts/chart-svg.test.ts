// GIVEN charts built as commands build them, WHEN they are drawn as SVG, THEN the marks, axis
// labels, legends and titles are there, names in any script included; and the PNG is the stated size.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { coversCircle, overlaps } from '../../src/charts/label-placement.js';
import { loadSvgToPng } from '../../src/charts/svg-png.js';
import { CHART_SIZES, type CardChart, type MapChart, type TimelineChart } from '../../src/core/charts/chart.js';
import { buildTimelineChart } from '../../src/core/charts/timeline-chart.js';
import { FATALITIES_SERIES, fatalityLine, trendMarks } from '../../src/core/charts/timeline-series.js';
import { pngSize } from '../support/png.js';
import { DRAWING } from '../support/drawing.js';

/** The SVG's text elements, as written. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
/** Marks of one Vega role: `<g class="mark-rect role-mark …">` groups hold one path per datum. */
/** The labels of the legend titled `title`, in order (each legend's title follows its labels). */
const legendLabels = (svg: string, title: string) =>
  svg
    .split('class="mark-group role-legend"')
    .slice(1)
    .map((legend) => ({ labels: [...legend.matchAll(/role-legend-label"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/gs)].map((m) => m[1]!), title: /role-legend-title"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/s.exec(legend)?.[1] }))
    .find((legend) => legend.title === title)?.labels;
const markGroup = (svg: string, type: string, name?: string) => new RegExp(`<g class="mark-${type} role-mark${name ? ` ${name}` : ''}[^"]*"[^>]*>(.*?)</g>`, 's').exec(svg)?.[1] ?? '';

const weekly: TimelineChart = buildTimelineChart({
  title: 'Entries per week — place دمشق',
  unit: 'week',
  since: '2025-06-02',
  until: '2025-07-27',
  counts: {
    rows: [
      { start: '2025-06-02', type: 'talks', count: 2 },
      { start: '2025-06-02', type: 'air-strike', count: 1 },
      { start: '2025-07-21', type: 'statement', count: 3 },
    ],
    imprecise: 0,
    impreciseDates: [],
    fatalities: [],
  },
});

describe('timeline chart', DRAWING, () => {
  it('stacks one bar piece per period and type, labels the axes and lists the types in the legend', async () => {
    const svg = await chartSvg(weekly);
    expect(svg.match(/<path/g)?.length).toBeGreaterThan(0);
    expect(markGroup(svg, 'rect').match(/<path/g)).toHaveLength(3);
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(['Entries per week — place دمشق', 'Week starting', 'Entries', 'Event type', '2 Jun 2025', '21 Jul 2025']));
    expect(shown).toEqual(expect.arrayContaining(['Air/drone strike', 'Talks/negotiation', 'Statement']));
    expect(weekly.periods).toHaveLength(8);
  });

  it('draws a small figure’s axis in whole numbers: a line of 2 killed has no tick at 0.2', async () => {
    const svg = await chartSvg({ ...weekly, series: [{ name: FATALITIES_SERIES, kind: 'line', points: [{ start: '2025-06-02', value: 2 }] }] });
    const ticks = texts(svg).filter((text) => /^\d+(\.\d+)?$/.test(text));
    expect(ticks).toContain('2');
    expect(ticks.filter((tick) => tick.includes('.'))).toEqual([]);
  });

  it('draws a line series on its own axis and marks as labelled rules, when given', async () => {
    const svg = await chartSvg({
      ...weekly,
      series: [
        { name: 'Fatalities', kind: 'line', points: [{ start: '2025-06-02', value: 4 }, { start: '2025-06-09', value: 9 }] },
        { name: 'Trend', kind: 'marks', points: [{ start: '2025-07-21', label: 'escalation' }] },
      ],
    });
    expect(markGroup(svg, 'line')).toMatch(/<path/);
    expect(markGroup(svg, 'rule')).toMatch(/<line|<path/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Fatalities', 'escalation']));
  });

  it('draws the fatalities where periods record them, broken where none do, and the trend calls as arrows, as the command builds them', async () => {
    const calls = [
      { topic: 'syria-israel', day: '2025-06-04', direction: 'improved', note: '', madeBy: 'ana', madeAt: '2025-06-04T09:00:00Z' },
      { topic: 'syria-israel', day: '2025-07-23', direction: 'deteriorated', note: '', madeBy: 'ana', madeAt: '2025-07-23T09:00:00Z' },
    ] as const;
    const fatalities = [
      { start: '2025-06-09', best: 12 },
      { start: '2025-06-16', best: 3 },
      { start: '2025-07-07', best: 0 },
      { start: '2025-07-14', best: 5 },
    ];
    const series = [...fatalityLine(fatalities, weekly.periods[0]!.start, '2025-07-27', 'week'), ...trendMarks(calls, 'week', true)];
    const svg = await chartSvg({ ...weekly, series });
    // Two pieces of two points each: the weeks between record no figure, which is not a zero.
    const line = /<path[^>]* d="([^"]*)"/.exec(markGroup(svg, 'line'))?.[1] ?? '';
    expect(line.split('M').filter(Boolean).map((piece) => piece.split('L').length)).toEqual([2, 2]);
    expect(markGroup(svg, 'symbol').match(/<path/g)).toHaveLength(4);
    expect(markGroup(svg, 'rule').match(/<line|<path/g)).toHaveLength(2);
    // The arrows are shapes (the fonts have none): one per call, pointing up or down, with the call's topic beside it.
    const arrows = markGroup(svg, 'symbol', 'layer_2_layer_1_marks').match(/<path[^>]*>/g) ?? [];
    expect(arrows).toHaveLength(2);
    expect(texts(svg)).toEqual(expect.arrayContaining([FATALITIES_SERIES, 'syria-israel']));
    // The early call's topic reads right of its rule, the late one's left of it, clear of the right-hand axis.
    expect([...svg.matchAll(/<text[^>]* text-anchor="(\w+)"[^>]*>syria-israel<\/text>/g)].map((m) => m[1])).toEqual(['start', 'end']);
  });
});

const map: MapChart = {
  kind: 'map',
  title: 'Where entries happened',
  points: [
    { name: 'Damascus', lat: 33.51, lon: 36.29, entries: 12, latestType: 'talks' },
    { name: 'السويداء', lat: 32.71, lon: 36.57, entries: 5, latestType: 'armed-clash' },
    { name: 'Beyrouth', lat: 33.89, lon: 35.5, entries: 1, latestType: 'statement' },
  ],
};

const levant: MapChart = {
  kind: 'map',
  title: 'Where entries happened',
  points: [
    { name: 'Damascus', lat: 33.51, lon: 36.29, entries: 12, latestType: 'talks' },
    { name: 'Sweida', lat: 32.71, lon: 36.57, entries: 5, latestType: 'armed-clash' },
    { name: 'Beirut', lat: 33.89, lon: 35.5, entries: 3, latestType: 'statement' },
    { name: 'Amman', lat: 31.95, lon: 35.93, entries: 2, latestType: 'statement' },
    { name: 'Haifa', lat: 32.79, lon: 34.99, entries: 1, latestType: 'air-strike' },
    // Where Palestine's name would go, were the place not there.
    { name: 'Nablus', lat: 32.22, lon: 35.26, entries: 1, latestType: 'statement' },
  ],
};

/**
 * A map's names and circles where the SVG draws them (plot units, from each mark's aria-label):
 * country names are the grey ones, place names the bold ones. A name's box is its characters at
 * a mean width a little wider than the fonts' (0.55 of the size regular, 0.6 bold), one line high.
 */
const mapLabels = (svg: string) => {
  const labels = [...svg.matchAll(/<text aria-label="x: ([-\d.]+); y: ([-\d.]+); name: ([^"]*)"[^>]* font-size="([\d.]+)px"([^>]*)>/g)].map((m) => {
    const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[4])];
    const bold = m[5]!.includes('font-weight="bold"');
    const width = [...m[3]!].length * size * (bold ? 0.6 : 0.55);
    return { name: m[3]!, size, bold, grey: m[5]!.includes('fill="#6b7480"'), box: { left: x - width / 2, right: x + width / 2, top: y - size * 0.6, bottom: y + size * 0.6 } };
  });
  const circles = [...svg.matchAll(/<path aria-label="x: ([-\d.]+); y: ([-\d.]+);[^"]*" role="graphics-symbol" aria-roledescription="circle"[^>]* d="M([\d.]+),/g)].map((m) => ({ name: '', x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
  return { countries: labels.filter((l) => l.grey && !l.bold), places: labels.filter((l) => l.bold), circles };
};

describe('map', DRAWING, () => {
  it('draws a circle per place over the region’s countries, names the places and explains colour and size', async () => {
    const svg = await chartSvg(map);
    expect(markGroup(svg, 'symbol').match(/<path/g)).toHaveLength(3);
    // Syria, Lebanon, Israel, Jordan… but not the whole world.
    const countries = markGroup(svg, 'shape').match(/<path/g)?.length ?? 0;
    expect(countries).toBeGreaterThan(4);
    expect(countries).toBeLessThan(40);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Where entries happened', 'Damascus', 'السويداء', 'Beyrouth', 'Latest event type', 'Entries', 'Talks/negotiation', 'Armed clash']));
  });

  it('names the countries of the region once each, quieter than the places and under them, clear of every place’s name and circle', async () => {
    const svg = await chartSvg(levant);
    const shown = texts(svg);
    for (const country of ['Syria', 'Lebanon', 'Jordan', 'Israel']) expect(shown.filter((text) => text === country), country).toHaveLength(1);
    // Cyprus and Sinai show only as corners at the map's edges: their borders are drawn, their names are not.
    expect(shown).not.toEqual(expect.arrayContaining(['Cyprus']));
    expect(shown).not.toEqual(expect.arrayContaining(['Egypt']));
    const { countries, places, circles } = mapLabels(svg);
    expect(countries.map((c) => c.name)).toEqual(expect.arrayContaining(['Syria', 'Lebanon', 'Jordan', 'Israel']));
    expect(places.map((p) => p.name)).toEqual(levant.points.map((p) => p.name));
    expect(circles).toHaveLength(levant.points.length);
    for (const country of countries) {
      expect(country.size).toBeLessThan(places[0]!.size);
      for (const place of places) expect(overlaps(country.box, place.box), `${country.name} over ${place.name}`).toBe(false);
      for (const circle of circles) expect(coversCircle(country.box, circle), `${country.name} over a circle at ${circle.x},${circle.y}`).toBe(false);
    }
    // Drawn before the circles, so under them.
    expect(svg.indexOf('>Syria</text>')).toBeLessThan(svg.indexOf('aria-roledescription="circle"'));
  });

  it('shows whole numbers of entries in the size legend, from one to the busiest place', async () => {
    const labels = legendLabels(await chartSvg(map), 'Entries');
    expect(labels).toEqual(['1', '3', '6', '12']);
    const few = legendLabels(await chartSvg({ ...map, points: map.points.map((p, i) => ({ ...p, entries: i + 1 })) }), 'Entries');
    expect(few).toEqual(['1', '2', '3']);
    const busy = legendLabels(await chartSvg({ ...map, points: map.points.map((p, i) => ({ ...p, entries: [201, 40, 3][i]! })) }), 'Entries');
    expect(busy).toEqual(['1', '50', '100', '201']);
  });
});

const card: CardChart = {
  kind: 'card',
  title: 'Digest — this week and the one before',
  currentLabel: 'This week',
  previousLabel: 'The week before',
  rows: [
    { type: 'talks', current: 5, previous: 2 },
    { type: 'air-strike', current: 1, previous: 4 },
  ],
};

describe('digest card', DRAWING, () => {
  it('sets each type’s count beside the previous one, with the change and an arrow', async () => {
    const svg = await chartSvg(card);
    expect(markGroup(svg, 'rect').match(/<path/g)).toHaveLength(4);
    expect(markGroup(svg, 'symbol').match(/<path/g)).toHaveLength(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(['5 (+3)', '1 (−3)', 'This week', 'The week before', 'Talks/negotiation']));
  });

  it('for a first digest, with nothing before it, shows each count alone: no change, no arrow', async () => {
    const first: CardChart = { ...card, previousLabel: 'No digest before', rows: card.rows.map((r) => ({ ...r, previous: 0 })), uncompared: true };
    const svg = await chartSvg(first);
    expect(texts(svg)).toEqual(expect.arrayContaining(['5', '1', 'No digest before']));
    expect(texts(svg).some((text) => /\([+−=]/.test(text))).toBe(false);
    expect(markGroup(svg, 'symbol').match(/<path/g) ?? []).toHaveLength(0);
  });
});

describe('PNG', DRAWING, () => {
  it.each(['native', 'wasm'] as const)('the %s renderer draws each chart at its stated size', async (prefer) => {
    const renderer = await loadSvgToPng(prefer);
    expect(renderer.kind).toBe(prefer);
    for (const chart of [weekly, map, card]) {
      expect(pngSize(renderer.toPng(await chartSvg(chart), CHART_SIZES[chart.kind].width))).toEqual(CHART_SIZES[chart.kind]);
    }
  });
});
