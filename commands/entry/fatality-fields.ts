// The fatality options of /entry add and /entry edit: the figures (best, or low-best-high) and
// who gives them. Figures are never stored without their source.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { Fatalities } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { FATALITIES_ACCEPTED, formatFatalities, parseFatalities } from '../../src/core/fatalities.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { span, type Line } from '../../src/core/view.js';
import { figuresTakenForDate } from './date-shaped-figures.js';
import { SOURCE_LIMITS } from './source-fields.js';

export const fatalityOptions: readonly OptionSpec[] = [
  { name: 'fatalities', description: 'Fatalities: best estimate, or low-best-high as UCDP gives them, e.g. 12 or 10-12-15', type: 'text', maxLength: 40, example: '10-12-15' },
  { name: 'fatalities_source', description: 'Who gives the fatality figures, e.g. "Health ministry, to AFP"', type: 'text', maxLength: SOURCE_LIMITS.attribution, example: '"Health ministry, to AFP"' },
];

/** The figures the options give, laid over the entry's; undefined when neither option is given. */
export function parseFatalityOptions(args: CommandArgs, existing: Fatalities | undefined): Fatalities | undefined {
  if (args.fatalities === undefined && args.fatalities_source === undefined) return undefined;
  const source = args.fatalities_source === undefined ? existing?.source : String(args.fatalities_source).trim();
  if (args.fatalities === undefined) {
    if (!existing) {
      throw new UserError('missing-option', 'Option `fatalities_source` says who gives the figures, but the entry has none: give `fatalities` too.', ['For example: fatalities:12 fatalities_source:"Health ministry"'], 'fatalities');
    }
    return { ...existing, source: source! };
  }
  const meant = figuresTakenForDate(String(args.fatalities));
  if (meant !== undefined) {
    throw new UserError('invalid-option', `Option \`fatalities\`: \`${String(args.fatalities).trim()}\` looks like a date, as a spreadsheet makes of figures like \`${meant}\`.`, [
      `If the figures are ${meant} (low-best-high), give \`fatalities:"${meant}"\`; in a spreadsheet, format the column as text before typing them, so they stay as typed.`,
      `Or give ${FATALITIES_ACCEPTED}.`,
    ], 'fatalities');
  }
  const figures = parseFatalities(String(args.fatalities));
  if ('problem' in figures) {
    // A lower bound's refusal already says what to give, with the number typed: a second, general hint would give other numbers.
    const hints = / is a lower bound, /.test(figures.problem) ? [] : [`Give ${FATALITIES_ACCEPTED}.`];
    throw new UserError('invalid-option', `Option \`fatalities\`: ${figures.problem}.`, hints, 'fatalities');
  }
  if (!source) {
    throw new UserError('missing-option', 'Fatality figures need their source: add `fatalities_source`.', ['For example: fatalities_source:"Health ministry, to AFP"'], 'fatalities_source');
  }
  return { ...figures, source };
}

const hasRange = (f: Fatalities) => f.low !== undefined || f.high !== undefined;

/**
 * What an edit's reply says when new figures were laid over old ones it did not restate. A figure
 * given without `fatalities_source` keeps the stored source, since an edit form sends only the
 * fields changed and cannot give the same source again: the reply names it, so figures from
 * another source are not left credited to it unnoticed. A figure given without a range replaces
 * the old range too, and the reply says which range went.
 */
export function fatalityEditNotes(args: CommandArgs, before: Fatalities | undefined, after: Fatalities | undefined, id: number): Line[] {
  if (args.fatalities === undefined || !before || !after) return [];
  const notes: Line[] = [];
  if (args.fatalities_source === undefined) {
    notes.push([
      span.plain(`Fatalities: kept ${before.source} as the source of ${formatFatalities(after)}, as `),
      span.code('fatalities_source'),
      span.plain(' was not given. If another source gives it: '),
      span.command('entry edit', `id:${id} fatalities_source:"…"`),
    ]);
  }
  if (hasRange(before) && !hasRange(after)) {
    const low = before.low ?? before.best;
    const high = before.high ?? before.best;
    const range = `${formatFatalities({ best: low })}–${formatFatalities({ best: high })}`;
    const kept = low <= after.best && after.best <= high && (low < after.best || after.best < high) ? `${low}-${after.best}-${high}` : undefined;
    notes.push([
      span.plain(`The range ${range} was dropped: `),
      span.code(`fatalities:${quoteIfNeeded(String(args.fatalities))}`),
      span.plain(` gives none.${kept ? ' To keep it: ' : ' Give low-best-high to set one.'}`),
      ...(kept ? [span.command('entry edit', `id:${id} fatalities:"${kept}" fatalities_source:${quoteIfNeeded(after.source)}`)] : []),
    ]);
  }
  return notes;
}
