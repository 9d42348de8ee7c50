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

/**
 * The reason drawPicture could not draw each picture it failed on, kept as long as the picture
 * is: a post remembered for later edits records the view its messages show (notDrawnReason).
 */
const notDrawn = new WeakMap<ViewImage, string>();

export async function drawPicture(view: View, logger: Logger): Promise<DrawnView> {
  if (!view.image) return { view };
  try {
    const png = await view.image.png();
    notDrawn.delete(view.image);
    return { view, png };
  } catch (error) {
    logger.error({ err: error, title: view.title }, 'a picture could not be drawn');
    const reason = error instanceof Error ? error.message : String(error);
    notDrawn.set(view.image, reason);
    return { view: withoutPicture(view, reason) };
  }
}

/** Why the picture could not be drawn when drawPicture last tried; undefined when it was drawn, or never tried. */
export function notDrawnReason(image: ViewImage): string | undefined {
  return notDrawn.get(image);
}

/** The view as shown when its picture could not be drawn: no picture, the reason and the alt text in its place. */
export function withoutPicture(view: View, reason: string): View {
  const { image, ...rest } = view;
  if (!image) return view;
  // A reply's text leaves describing the picture to its alt text: without the picture, the alt text is said in its place.
  return { ...rest, intro: [...(rest.intro ?? []), plainLine(`The picture could not be drawn: ${reason}`), plainLine(image.alt)] };
}
