// Checks import rows exactly as /entry add checks its options, so a row the bot would refuse
// in chat is refused here too, with the same message. Three exceptions, for restoring backups:
// see storedShapeSpan, publishedBeforeNote and claimedBeforeNote. Dates after today are not
// checked (see checkedInput).
import { claimsBeforeStart, sourcesBeforeStart } from '../../commands/entry/date-order.js';
import { EARLIEST_YEAR } from '../../commands/entry/plausible-dates.js';
import { newEntryFrom } from '../../commands/entry/fields.js';
import type { CommandArgs } from '../core/command-spec.js';
import type { EntryInput } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import { firstDay, lastDay, toIsoPartial, type PartialDate } from '../core/partial-date.js';
import type { DossierReader } from '../core/ports.js';
import { ENTRY_OPTIONS } from './import-fields.js';
import type { RawRow } from './source-row.js';
import { rowClaimActors, rowClaims } from './row-claims.js';
import { checkSource, sourceList } from './row-sources.js';
import { DATE_FIELDS, optionValues } from './row-values.js';
import { controlCharacterPlace } from './control-place.js';

/** `note`: what the import took differently from /entry add, said with the row's line. */
export type RowCheck = { ok: true; input: EntryInput; note?: string } | { ok: false; reason: string };

/**
 * An end inside the date's own period (`date:2025-07 end:2025-07-15`): /entry add refuses it
 * since spans must end after their date, but entries stored before that rule have it, and the
 * export writes them as stored. An import takes the row as the store held it (with a note), so
 * a backup restores whole; typed in chat, the rule still holds. An end before the date is no
 * stored shape and stays refused.
 */
function storedShapeSpan(args: CommandArgs): { end: PartialDate; note: string } | undefined {
  const start = args.date as PartialDate | undefined;
  const end = args.end as PartialDate | undefined;
  if (!start || !end || lastDay(end) < firstDay(start) || lastDay(end) > lastDay(start)) return undefined;
  const [date, until] = [toIsoPartial(start), toIsoPartial(end)];
  return {
    end,
    note: `end ${until} lies within the date ${date}, as entries stored before spans had to end after their date do: kept as given (/entry add would refuse it).`,
  };
}

/**
 * Sources published before the entry's date (their last possible day before its first):
 * /entry add and edit refuse them, since a source reports an event once it has begun, but entries
 * stored before that rule may have them, and the export writes them as stored. As with
 * storedShapeSpan, the import takes the row as given and says so, so a backup restores whole
 * (and a bundle loads); typed in chat, the rule holds. Every source of the row is read, flat or listed.
 */
function publishedBeforeNote(input: EntryInput, command = '/entry add'): string | undefined {
  const early = sourcesBeforeStart(input.sources, input.start).map(({ source }) => source);
  if (early.length === 0) return undefined;
  const which = early.map((source) => `${source.published} (${source.outlet})`).join(', ');
  const verb = early.length === 1 ? 'is' : 'are';
  return `published ${which} ${verb} before the date ${toIsoPartial(input.start)}, as sources of entries stored before they had to follow their date may be: kept as given (${command} would refuse it).`;
}

/**
 * Claims made before the entry's date (their last possible day before its first): /entry claim
 * refuses them, since a claim about an event is made once it has begun, but entries stored before
 * that rule may have them, and the export writes them as stored. As with publishedBeforeNote, the
 * import takes the row as given and says so, naming each claim as the row gives its actor.
 */
function claimedBeforeNote(input: EntryInput, claimActor: (index: number) => string | undefined): string | undefined {
  const early = claimsBeforeStart(input.claims ?? [], input.start);
  if (early.length === 0) return undefined;
  const which = early.map(({ claim, index }) => `${toIsoPartial(claim.date)} (${claimActor(index) ?? 'its actor'} ${claim.stance})`).join(', ');
  const [noun, verb] = early.length === 1 ? ['claim', 'is'] : ['claims', 'are'];
  return `${noun} dated ${which} ${verb} before the date ${toIsoPartial(input.start)}, as claims of entries stored before they had to follow their date may be: kept as given (/entry claim would refuse it).`;
}

/**
 * Dates before EARLIEST_YEAR, which /entry add refuses as a slip of the year (1025 for 2025): a
 * backup holds what its store held before that rule, so the import keeps them, and says so.
 */
function tooOldNote(input: EntryInput): string | undefined {
  const early = [
    ...(input.start.year < EARLIEST_YEAR ? [`date ${toIsoPartial(input.start)}`] : []),
    ...(input.end && input.end.year < EARLIEST_YEAR ? [`end ${toIsoPartial(input.end)}`] : []),
    ...input.sources.flatMap((source) => (source.published && Number(source.published.slice(0, 4)) < EARLIEST_YEAR ? [`published ${source.published}`] : [])),
  ];
  if (early.length === 0) return undefined;
  return `${early.join(', ')} ${early.length === 1 ? 'is' : 'are'} before ${EARLIEST_YEAR}: kept as given (/entry add would refuse it as a slip of the year); check it.`;
}

/**
 * The row as /entry add would take it. Not checked: dates after today (a date, an end or a
 * publication), which /entry add refuses in the channel's time zone; an import has no channel,
 * and a backup holds what its store held.
 */
function checkedInput(row: RawRow, dossier: DossierReader): { input: EntryInput; note?: string } {
  const values = optionValues(row);
  const list = sourceList(row, values);
  const args = convertArgs(ENTRY_OPTIONS, values, 'entry add');
  const stored = storedShapeSpan(args);
  const { end: _checkedApart, ...withoutEnd } = args;
  // A file lists names as stored: a tag `-1` is that tag, not a removal.
  const apart = { publishedApart: true, listsAsStored: true };
  const checked = stored ? { ...newEntryFrom(withoutEnd, dossier, apart), end: stored.end } : newEntryFrom(args, dossier, apart);
  const withSources = list ? { ...checked, sources: [...checked.sources, ...list.items.map((_, i) => checkSource(list, i, dossier))] } : checked;
  const claims = rowClaims(row, dossier);
  const input = claims ? { ...withSources, claims } : withSources;
  const actors = rowClaimActors(row);
  const notes = [stored?.note, tooOldNote(input), publishedBeforeNote(input), claimedBeforeNote(input, (i) => actors[i])].filter((note): note is string => note !== undefined);
  return notes.length > 0 ? { input, note: notes.join(' ') } : { input };
}

/**
 * What a correction's merged state (`next`) keeps before the entry's date, when the correction
 * brings it (the stored state, `current`, had no such note): the note a new row gets, for what
 * /entry edit would refuse. Stored entries that already had it are not noted on each correction.
 */
export function correctionNote(current: EntryInput, next: EntryInput, claimActor: (index: number) => string | undefined): string | undefined {
  const noteOf = (input: EntryInput) => [publishedBeforeNote(input, '/entry edit'), claimedBeforeNote(input, claimActor)].filter((note): note is string => note !== undefined).join(' ');
  const [before, after] = [noteOf(current), noteOf(next)];
  return after !== '' && after !== before ? after : undefined;
}

/**
 * How a spreadsheet rewrites `2025-07-24` (or `2025-07`, `2025`) on saving: `7/24/2025`,
 * `24.07.2025`, `45862` (its day count), a time of day, `07/2025`, a year as a decimal (`1948.0`),
 * or with the month's name: `24-Jul-2025`, `24-Jul`, `Jul-25`.
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}';
const SPREADSHEET_DATE = new RegExp(
  [
    String.raw`^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$`,
    String.raw`^\d{5}(?:\.\d+)?$`,
    String.raw`\d{1,2}:\d{2}`,
    String.raw`^\d{1,2}[/.]\d{4}$|^\d{4}[/.]\d{1,2}$`,
    String.raw`^\d{4}\.0+$`,
    String.raw`^(?:\d{1,2}-)?${MONTH}-\d{2,4}$|^\d{1,2}-${MONTH}$`,
  ].join('|'),
  'i',
);

/** `Jul-25`: a month's name and two digits, which a spreadsheet writes for July 2025 and for 25 July alike. */
const MONTH_AND_TWO_DIGITS = new RegExp(String.raw`^${MONTH}-\d{2}$`, 'i');

/** For a date refused in the form a spreadsheet gives dates, how to save the sheet so it reads. */
function spreadsheetHint(row: RawRow, option: string | undefined): string[] {
  const value = option !== undefined && DATE_FIELDS.has(option) ? row[option] : undefined;
  if ((typeof value !== 'string' && typeof value !== 'number') || !SPREADSHEET_DATE.test(String(value).trim())) return [];
  const text = String(value).trim();
  const ambiguous = MONTH_AND_TWO_DIGITS.test(text) ? [`\`${text}\` may be a month and year or a day of the month: check which in the sheet.`] : [];
  return ['A spreadsheet may have rewritten the dates: format the column as text holding 2025-07-24 (or 2025-07, 2025), then save the file again.', ...ambiguous];
}

/**
 * The refusal of a row that corrects a stored entry, worded for the file: it names the entry and
 * the row's field, not /entry add, which is not what the row does.
 */
export const correctionRefusal = (reason: string, entryId: number): string =>
  `entry #${entryId}: ${reason.replace(/Option (`\w+`)(?: of \/entry add)?/g, '$1')}`;

/** One row: its fields as /entry add options, then its listed sources (see row-sources) and claims (row-claims). */
export function checkRow(row: RawRow, dossier: DossierReader): RowCheck {
  try {
    return { ok: true, ...checkedInput(row, dossier) };
  } catch (error) {
    if (isUserError(error)) {
      const place = controlCharacterPlace(row, error.message, error.option);
      return { ok: false, reason: [error.message, ...error.hints, ...spreadsheetHint(row, error.option), ...(place ? [place] : [])].join(' ') };
    }
    // A RowProblem, or anything else one row's values provoke: that row is refused, not the file.
    if (error instanceof Error) return { ok: false, reason: [error.message, controlCharacterPlace(row, error.message)].filter(Boolean).join(' ') };
    throw error;
  }
}
