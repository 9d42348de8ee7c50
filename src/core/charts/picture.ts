// A chart as a view's picture, drawn when a platform shows it, and the drawing a platform asks
// for: a picture that cannot be drawn, or that the platform does not take, is left out, and the
// view says so instead, in the same words on every platform.
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

/**
 * Why a post left a view's picture out, as the platform's adapter reports it: it could not be
 * drawn, or the platform did not take it (`reason` in the platform's terms, e.g. `Slack refused
 * the upload (file_upload_disabled)`). The words a reader sees are pictureLeftOutText's.
 */
export interface PictureLeftOut {
  cause: 'not drawn' | 'refused';
  reason: string;
}

/** What became of a view's picture in a post: shown with the message, or left out and why. */
export type PictureOutcome = 'posted' | PictureLeftOut;

/** The line said where a picture left out would be, the same on every platform. */
export function pictureLeftOutText({ cause, reason }: PictureLeftOut): string {
  return cause === 'not drawn' ? `The picture could not be drawn: ${reason}` : `The picture could not be shown: ${reason}`;
}

export interface DrawnView {
  view: View;
  /** The picture's PNG, when the view has one and it could be drawn. */
  png?: Uint8Array;
  /** Why the view's picture could not be drawn; `view` then says so in its place. */
  leftOut?: PictureLeftOut;
}

export async function drawPicture(view: View, logger: Logger): Promise<DrawnView> {
  if (!view.image) return { view };
  try {
    return { view, png: await view.image.png() };
  } catch (error) {
    logger.error({ err: error, title: view.title }, 'a picture could not be drawn');
    const leftOut: PictureLeftOut = { cause: 'not drawn', reason: error instanceof Error ? error.message : String(error) };
    return { view: withoutPicture(view, leftOut), leftOut };
  }
}

/** The view as shown when its picture was left out: no picture, why and the alt text in its place. */
export function withoutPicture(view: View, leftOut: PictureLeftOut): View {
  const { image, ...rest } = view;
  if (!image) return view;
  // A reply's text leaves describing the picture to its alt text: without the picture, the alt text is said in its place.
  return { ...rest, intro: [...(rest.intro ?? []), plainLine(pictureLeftOutText(leftOut)), plainLine(image.alt)] };
}
