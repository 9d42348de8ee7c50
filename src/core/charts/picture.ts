// A chart as a view's picture, drawn when a platform shows it, and the drawing a platform asks
// for: a picture that cannot be drawn is left out, and the view says so instead.
import type { Logger } from '../logger.js';
import { plainLine, type Line, type View, type ViewImage } from '../view.js';
import { CHART_SIZES, type Chart, type ChartRenderer } from './chart.js';
import { altText } from './alt-text.js';
import type { AddedCounts, ChartData } from './chart-data-port.js';
import type { PlaceCoordinates } from './locate.js';

/** Charts Sitrep draws, where its commands and digests find them. */
export interface ChartServices {
  renderer: ChartRenderer;
  data: ChartData;
  /** Digest cards' counts. */
  added: AddedCounts;
  coordinates: PlaceCoordinates;
}

/** A chart's picture; its table is built when first read (a map's has a line per place, rarely asked). */
export function chartImage(renderer: ChartRenderer, chart: Chart, alt: string, table: () => Line[]): ViewImage {
  let drawn: Promise<Uint8Array> | undefined;
  let lines: Line[] | undefined;
  return {
    filename: `${chart.kind}.png`,
    ...CHART_SIZES[chart.kind],
    alt: altText(alt),
    get table() {
      return (lines ??= table());
    },
    png: () => (drawn ??= renderer.render(chart).then((r) => r.png)),
  };
}

export interface DrawnView {
  view: View;
  /** The picture's PNG, when the view has one and it could be drawn. */
  png?: Uint8Array;
}

export async function drawPicture(view: View, logger: Logger): Promise<DrawnView> {
  if (!view.image) return { view };
  try {
    return { view, png: await view.image.png() };
  } catch (error) {
    logger.error({ err: error, title: view.title }, 'a picture could not be drawn');
    const { image: _image, ...rest } = view;
    const reason = error instanceof Error ? error.message : String(error);
    // A reply's text leaves describing the picture to its alt text: without the picture, the alt text is said in its place.
    return { view: { ...rest, intro: [...(rest.intro ?? []), plainLine(`The picture could not be drawn: ${reason}`), plainLine(view.image.alt)] } };
  }
}
