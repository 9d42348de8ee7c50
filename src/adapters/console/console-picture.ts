// Pictures on the console: written as PNG files into SITREP_CHARTS_DIR, the view printed with the
// file's path and the picture's figures as a table (a terminal has no Data button).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { drawPicture } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';
import { plainLine, span, type View } from '../../core/view.js';

export interface PictureFiles {
  /** SITREP_CHARTS_DIR: created when the first picture is written. */
  dir: string;
  logger: Logger;
}

/** `2025-07-24T08-00-00-123Z-timeline.png`: in order, and never the name of an earlier picture. */
function fileName(filename: string, now: Date): string {
  return `${now.toISOString().replace(/:|\./g, '-')}-${filename}`;
}

/** The view as the console prints it: its picture written to a file, the path and the figures under the text. */
export async function withPictureFile(view: View, files: PictureFiles, now = new Date()): Promise<View> {
  const image = view.image;
  if (!image) return view;
  const drawn = await drawPicture(view, files.logger);
  const { image: _image, ...text } = drawn.view;
  if (!drawn.png) return text;
  const withData = { ...text, sections: [...text.sections, { heading: [span.bold('Data')], lines: image.table }] };
  const path = resolve(join(files.dir, fileName(image.filename, now)));
  try {
    await mkdir(files.dir, { recursive: true });
    await writeFile(path, drawn.png);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ...withData, intro: [...(text.intro ?? []), plainLine(`The picture could not be written to ${files.dir} (${reason}): check SITREP_CHARTS_DIR.`)] };
  }
  return { ...withData, intro: [...(text.intro ?? []), [span.plain(`Picture (${image.width}×${image.height}): `), span.code(path)]] };
}
