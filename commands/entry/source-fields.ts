// The options that describe one source (an entry's first, or a claim's) and their conversion
// into a SourceRecord, its Admiralty grade included.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { SourceRecord } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { GRADE_ACCEPTED, parseGrade } from '../../src/core/source-grade.js';
import { dropTrackingParameters } from '../../src/core/sources/item-key.js';
import { webUrl } from '../../src/core/web-address.js';

export const SOURCE_LIMITS = { outlet: 100, attribution: 300, url: 500 } as const;

export const sourceUrlOption: OptionSpec = { name: 'source_url', description: 'Source link (http or https)', type: 'text', maxLength: SOURCE_LIMITS.url, example: 'https://example.org/story' };
export const outletOption: OptionSpec = { name: 'outlet', description: 'Source outlet, e.g. AFP', type: 'text', maxLength: SOURCE_LIMITS.outlet, example: 'AFP' };
export const attributionOption: OptionSpec = {
  name: 'attribution', description: 'As reported, e.g. "Syrian diplomatic source, to state TV"', type: 'text', maxLength: SOURCE_LIMITS.attribution, example: '"Senior diplomat, to AFP"',
};
export const gradeOption: OptionSpec = {
  name: 'grade', description: 'Admiralty grade of the source: reliability A–F and credibility 1–6, e.g. B2', type: 'text', maxLength: 10, example: 'B2',
};

/** The options a source is given with, in the order their refusals are checked. */
const SOURCE_OPTION_NAMES = ['source_url', 'outlet', 'attribution', 'published', 'grade'];

/**
 * A link with a user name or password (`https://www.bbc.co.uk:secret@evil.example/`) reads as
 * one site and leads to another, and would show its password to every reader: refused, as feeds'
 * links and /sources add refuse it. The message names the real site but never repeats the secret.
 */
function refuseCredentials(url: URL): void {
  if (url.username === '' && url.password === '') return;
  throw new UserError(
    'invalid-option',
    `Option \`source_url\` must not hold a user name or password (a \`user:password@\` part): this link leads to ${url.hostname}, whatever comes before the \`@\`, and would show the password to everyone.`,
    ['Remove the `user:password@` part and give the article’s own address.'],
    'source_url',
  );
}

function parseUrl(text: string): string {
  const url = webUrl(text);
  if (!url || !/^https?:\/\/[^/]/i.test(text.trim())) {
    throw new UserError('invalid-option', `Option \`source_url\` must be an http(s) link — got \`${text}\`.`, [], 'source_url');
  }
  refuseCredentials(url);
  // Kept as feeds' items are: the same article cites as the same link, whoever shared it.
  dropTrackingParameters(url);
  return url.toString();
}

function checkedGrade(text: string): string {
  const grade = parseGrade(text);
  if (grade === undefined) throw new UserError('invalid-option', `Option \`grade\` must be ${GRADE_ACCEPTED} — got \`${text}\`.`, [], 'grade');
  return grade;
}

/** The outlet named after a link's site when none is given: `reuters.com`. */
const outletOfUrl = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/** The source the options describe, merged over an existing one; undefined when none is given. */
export function parseSource(args: CommandArgs, existing?: SourceRecord): SourceRecord | undefined {
  const given = SOURCE_OPTION_NAMES.some((n) => args[n] !== undefined);
  if (!given) return undefined;
  const source: SourceRecord = { ...(existing ?? { outlet: '' }) };
  // An outlet that was only the old link's site follows a new link.
  if (args.source_url !== undefined && args.outlet === undefined && existing?.url && existing.outlet === outletOfUrl(existing.url)) source.outlet = '';
  if (args.source_url !== undefined) source.url = parseUrl(String(args.source_url));
  if (args.outlet !== undefined) source.outlet = String(args.outlet);
  if (args.attribution !== undefined) source.attribution = String(args.attribution);
  if (args.published !== undefined) source.published = toIsoPartial(args.published as PartialDate);
  if (args.grade !== undefined) source.grade = checkedGrade(String(args.grade));
  if (!source.outlet) {
    if (!source.url) throw new UserError('missing-option', 'A source needs `outlet` or `source_url`.', ['For example: outlet:AFP'], 'source_url');
    source.outlet = outletOfUrl(source.url);
  }
  return source;
}
