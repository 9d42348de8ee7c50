// The options that describe one source (an entry's first, or a claim's) and their conversion
// into a SourceRecord, its Admiralty grade included.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { SourceRecord } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { GRADE_ACCEPTED, parseGrade } from '../../src/core/source-grade.js';
import { dropTrackingParameters } from '../../src/core/sources/item-key.js';
import { foldKey, wordList } from '../../src/core/text.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { span, type CommandRef, type Line } from '../../src/core/view.js';
import { webUrl } from '../../src/core/web-address.js';
import { clearNames } from './clear-names.js';

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

/** /entry edit's choice of the source its source options change, or `clear:source` removes. */
export const sourceNumberOption: OptionSpec = {
  name: 'source', description: 'Source to change or clear, numbered as /entry show lists them (default 1; one past the last adds one)', type: 'integer', min: 1, max: 1000, example: '2',
};

/**
 * The index of the source an edit's source options change (the `source:` option, counted from 1;
 * the first without it). One past the last adds a source; beyond that, or with nothing to do to a
 * source, the option is refused with what it takes.
 */
export function chosenSourceIndex(args: CommandArgs, sources: readonly SourceRecord[], id: number): number {
  if (args.source === undefined) return 0;
  const number = args.source as number;
  // `clear:source` removes it, `clear:attribution` empties a field of it: either needs one there.
  const clears = clearNames(args.clear).some((name) => ['source', ...SOURCE_OPTION_NAMES].includes(name));
  if (!clears && !SOURCE_OPTION_NAMES.some((n) => args[n] !== undefined)) {
    throw new UserError('missing-option', 'Option `source` says which source to change, and no source option is given.', [
      `Give what changes, e.g. /entry edit id:${id} source:${number} grade:B2 — or remove it with /entry edit id:${id} source:${number} clear:source`,
    ], 'source');
  }
  const count = sources.length;
  const last = clears ? count : count + 1;
  if (number > last) {
    const has = count === 0 ? 'has no source' : `has ${count === 1 ? 'one source' : `${count} sources`}`;
    const range = clears ? (count === 0 ? 'There is none to remove.' : `Remove one of 1–${count}.`) : `Give 1–${count + 1}; ${count + 1} adds a new one.`;
    throw new UserError('invalid-option', `Entry #${id} ${has}, so there is no source ${number}${clears ? ' to remove' : ''}.`, [range, `/entry show id:${id} lists them, numbered.`], 'source');
  }
  if (!clears && number === count + 1 && count > 0 && args.outlet === undefined && args.source_url === undefined) throw newSourceWithoutOutlet(args, count, number, id);
  return number - 1;
}

/** The source options given, as typed again in a suggested command (`grade:B2 attribution:"…"`). */
function givenSourceOptions(args: CommandArgs): string {
  return SOURCE_OPTION_NAMES.filter((name) => args[name] !== undefined)
    .map((name) => `${name}:${name === 'published' ? toIsoPartial(args[name] as PartialDate) : quoteIfNeeded(String(args[name]))}`)
    .join(' ');
}

/**
 * `source:2 grade:B2` on an entry with one source: one past the last adds a source, which has no
 * outlet to be named by. Most likely the existing source was meant; the refusal says both.
 */
function newSourceWithoutOutlet(args: CommandArgs, count: number, number: number, id: number): UserError {
  const given = givenSourceOptions(args);
  return new UserError('missing-option', `Entry #${id} has ${count === 1 ? '1 source' : `${count} sources`}, so \`source:${number}\` would add a new one, which needs \`outlet\` or \`source_url\`.`, [
    `${count === 1 ? 'To change the existing source' : `To change one of them (source 1 to ${count})`}: /entry edit id:${id} source:1 ${given}`,
    `To add a new one: /entry edit id:${id} source:${number} outlet:AFP ${given}`,
  ], 'source');
}

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
export const outletOfUrl = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * Whether `source` is another one than `existing`: its outlet differs, letter case and accents
 * aside (`SANA` and `Sana` are one outlet, `SANA` and `Reuters` two). An outlet that was only its
 * link's site (`sana.sy`, named for want of another) given a name while the link stays is the
 * same source, named.
 */
function isOtherSource(source: SourceRecord, existing: SourceRecord | undefined): boolean {
  if (!existing || foldKey(source.outlet) === foldKey(existing.outlet)) return false;
  return !(existing.url !== undefined && source.url === existing.url && existing.outlet === outletOfUrl(existing.url));
}

/** What of a source belongs to it alone, as its options name them, in the order a reply lists them. */
const OWN_FIELDS = [
  { field: 'url', option: 'source_url', noun: 'link' },
  { field: 'attribution', option: 'attribution', noun: 'attribution' },
  { field: 'grade', option: 'grade', noun: 'grade' },
  { field: 'published', option: 'published', noun: 'publication date' },
] as const;

/**
 * The source the options describe, merged over an existing one; undefined when none is given.
 * Options naming another outlet describe another source: the existing one's link, attribution,
 * grade and publication date were the old outlet's, and are kept only where given again.
 */
export function parseSource(args: CommandArgs, existing?: SourceRecord): SourceRecord | undefined {
  const given = SOURCE_OPTION_NAMES.some((n) => args[n] !== undefined);
  if (!given) return undefined;
  let source: SourceRecord = { ...(existing ?? { outlet: '' }) };
  // An outlet that was only the old link's site follows a new link.
  if (args.source_url !== undefined && args.outlet === undefined && existing?.url && existing.outlet === outletOfUrl(existing.url)) source.outlet = '';
  if (args.source_url !== undefined) source.url = parseUrl(String(args.source_url));
  if (args.outlet !== undefined) source.outlet = String(args.outlet);
  if (!source.outlet && source.url) source.outlet = outletOfUrl(source.url);
  if (isOtherSource(source, existing)) {
    source = { outlet: source.outlet, ...(args.source_url !== undefined && source.url ? { url: source.url } : {}) };
  }
  if (args.attribution !== undefined) source.attribution = String(args.attribution);
  if (args.published !== undefined) source.published = toIsoPartial(args.published as PartialDate);
  if (args.grade !== undefined) source.grade = checkedGrade(String(args.grade));
  if (!source.outlet) throw new UserError('missing-option', 'A source needs `outlet` or `source_url`.', ['For example: outlet:AFP'], 'source_url');
  return source;
}

/**
 * What a reply says when an edit's options replaced the source with another outlet's: which of the
 * old source's fields were not carried over, and the options that set them. Empty when the source
 * is the same outlet's, or the old one had nothing of its own.
 */
export function replacedSourceNote(args: CommandArgs, before: SourceRecord | undefined, after: SourceRecord | undefined): Line[] {
  if (!before || !after || !SOURCE_OPTION_NAMES.some((n) => args[n] !== undefined) || !isOtherSource(after, before)) return [];
  const dropped = OWN_FIELDS.filter(({ field, option }) => before[field] !== undefined && args[option] === undefined);
  if (dropped.length === 0) return [];
  const nouns = dropped.map(({ field, noun }) => (field === 'grade' ? `grade ${before.grade}` : noun));
  const options = dropped.map(({ option }) => `${option}:`);
  return [
    [
      span.plain(
        `The source is now ${after.outlet}: ${before.outlet}'s ${wordList(nouns)} ${dropped.length === 1 ? 'was' : 'were'} not carried over; ` +
          `give ${options.join(', ')} to set ${dropped.length === 1 ? 'it' : 'them'}.`,
      ),
    ],
  ];
}

/** An edit's outlet that differs from the stored one only in letter case, kept as stored. */
export interface KeptOutlet {
  typed: string;
  stored: string;
  /** The edit that re-spells it as typed. */
  respell: CommandRef;
}

/**
 * The sources with the stored outlet's spelling where the edit's differs only in letter case
 * (`outlet:afp` where `AFP` is stored), as places keep theirs: a lower-case slip must not relabel
 * the source. `respell:true` takes the spelling as typed.
 */
export function withStoredOutletCase(args: CommandArgs, before: SourceRecord | undefined, sources: SourceRecord[] | undefined, sourceIndex: number, id: number): KeptOutlet | undefined {
  const after = sources?.[sourceIndex];
  if (args.outlet === undefined || args.respell === true || !before || !after) return undefined;
  if (after.outlet === before.outlet || after.outlet.toLowerCase() !== before.outlet.toLowerCase()) return undefined;
  sources![sourceIndex] = { ...after, outlet: before.outlet };
  const source = args.source === undefined ? '' : ` source:${sourceIndex + 1}`;
  return { typed: after.outlet, stored: before.outlet, respell: { name: 'entry edit', args: `id:${id}${source} outlet:${quoteIfNeeded(after.outlet)} respell:true` } };
}

/** What the reply says of a kept outlet spelling, and how to re-spell it. */
export function keptOutletText(kept: KeptOutlet): string {
  return `Kept the stored spelling of the outlet, which differs only in letter case: shown “${kept.typed}” as “${kept.stored}”. To re-spell it: `;
}

export const keptOutletLine = (kept: KeptOutlet): Line => [span.plain(keptOutletText(kept)), span.command(kept.respell.name, kept.respell.args)];

/** The same source's outlet spelled anew (accents, punctuation, or case with respell:true): the reply says so. */
export function respelledOutletNote(args: CommandArgs, before: SourceRecord | undefined, after: SourceRecord | undefined): Line[] {
  if (args.outlet === undefined || !before || !after || after.outlet === before.outlet || isOtherSource(after, before)) return [];
  return [[span.plain(`Re-spelled the outlet “${before.outlet}” as “${after.outlet}” on this source.`)]];
}
