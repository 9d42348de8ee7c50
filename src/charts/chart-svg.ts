// A chart drawn as SVG: its Vega-Lite spec compiled to Vega and rendered headless. Everything the
// chart shows is in the spec: nothing is loaded from files or the network.
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import type { Chart } from '../core/charts/chart.js';
import { cardSpec } from './card-spec.js';
import { mapSpec } from './map-spec.js';
import { timelineSpec } from './timeline-spec.js';

function specOf(chart: Chart) {
  if (chart.kind === 'timeline') return timelineSpec(chart);
  if (chart.kind === 'map') return mapSpec(chart);
  return cardSpec(chart);
}

const NO_LOADING = { load: () => Promise.reject(new Error('charts load nothing')), sanitize: () => Promise.reject(new Error('charts load nothing')) };

export async function chartSvg(chart: Chart): Promise<string> {
  const view = new View(parse(compile(specOf(chart)).spec), { renderer: 'none', loader: NO_LOADING as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
