// The fatality options of /entry add and /entry edit: the figures (best, or low-best-high) and
// who gives them. Figures are never stored without their source.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { Fatalities } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { FATALITIES_ACCEPTED, parseFatalities } from '../../src/core/fatalities.js';
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
  const figures = parseFatalities(String(args.fatalities));
  if ('problem' in figures) throw new UserError('invalid-option', `Option \`fatalities\`: ${figures.problem}.`, [`Give ${FATALITIES_ACCEPTED}.`], 'fatalities');
  if (!source) {
    throw new UserError('missing-option', 'Fatality figures need their source: add `fatalities_source`.', ['For example: fatalities_source:"Health ministry, to AFP"'], 'fatalities_source');
  }
  return { ...figures, source };
}
