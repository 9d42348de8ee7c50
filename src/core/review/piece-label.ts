// The label an outlet puts on a piece that is not the news of an event: `Opinion: …`,
// `Analysis | …`, `… — explainer`, `Tribune : …`, `رأي: …`. A review card names it, so an admin
// triaging a queue sees at once what seldom becomes an entry; the admin still decides.
import { foldKey } from '../text.js';

/** Labels as outlets write them, each with the name the card gives it. */
const WRITTEN: readonly [string, readonly string[]][] = [
  ['opinion', ['opinion', 'op-ed', 'oped', 'comment', 'commentary', 'column', 'editorial', 'viewpoint', 'letters', 'point de vue', 'tribune', 'éditorial', 'chronique', 'رأي', 'مقال', 'مقال رأي']],
  ['analysis', ['analysis', 'explainer', 'explained', 'factbox', 'fact box', 'Q&A', 'analyse', 'décryptage', 'تحليل']],
  ['live page', ['live', 'live updates', 'live blog', 'en direct', 'direct', 'مباشر']],
  ['media', ['podcast', 'video', 'watch', 'in pictures', 'photos', 'gallery', 'vidéo', 'فيديو']],
  ['interview', ['interview', 'entretien', 'مقابلة']],
];
/** Folded as titles are (`Q&A` is `q a`, `رأي` is `راي`). */
const LABELS: ReadonlyMap<string, string> = new Map(WRITTEN.flatMap(([kind, labels]) => labels.map((label) => [foldKey(label), kind] as const)));

/** The longest label written: a longer head or tail is the title's own words. */
const LONGEST = Math.max(...[...LABELS.keys()].map((label) => label.length));

/** Separators between a label and the title: a colon, a bar, a dash with spaces around it. */
const HEAD = /^\s*([^:|]{1,40}?)\s*(?::|\||\s[-–—]\s)/u;
const TAIL = /(?:\||\s[-–—]\s|\()\s*([^|()]{1,40}?)\s*\)?\s*$/u;

/** A headline's kicker, up to its colon and the space after it: `Syrie : `, `Soueïda : `, `Opinion: `. */
const KICKER = /^[^:\n]{1,40}?\s?:\s+/u;

/** The kicker the title opens with (as written, its colon and spaces included), if it opens with one. */
export const headlineKicker = (title: string): string | undefined => KICKER.exec(title)?.[0];

/** What the title's label says the piece is (`opinion`, `analysis`…), if it carries one. */
export function pieceLabel(title: string): string | undefined {
  for (const pattern of [HEAD, TAIL]) {
    const written = pattern.exec(title)?.[1];
    if (written === undefined) continue;
    const key = foldKey(written);
    if (key.length <= LONGEST && LABELS.has(key)) return LABELS.get(key);
  }
  return undefined;
}
