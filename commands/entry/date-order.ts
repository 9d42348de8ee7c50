// An entry's sources report its event, and its claims are made about it, once the event has
// begun: the one rule by which /entry add, /entry edit, /entry claim and /review approve refuse a
// publication or a claim dated before an entry's date, and an import notes one (it keeps such
// rows, as older stores hold them: src/transfer/row-validation.ts). Partial dates compare by their
// widest reading: a day is before the event only when its last possible day is before the event's
// first (a source of `2025-07` may report an event of 10 Jul 2025; one of `2025-06` may not).
import type { CommandArgs } from '../../src/core/command-spec.js';
import type { ClaimInput, EntryInput, SourceRecord } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, lastDay, parsePartialDate, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { wordList } from '../../src/core/text.js';
import type { ClaimStance } from '../../src/core/vocabulary.js';

/** Whether `day` (a publication, a claim's day) is wholly before an event that began on `start`. */
export function beforeStart(day: PartialDate, start: PartialDate): boolean {
  return lastDay(day) < firstDay(start);
}

/** beforeStart for a source's `published` text (`2025`, `2025-07` or `2025-07-12`); false when it reads as no date. */
export function publishedBeforeStart(published: string, start: PartialDate): boolean {
  const day = parsePartialDate(published);
  return day !== undefined && beforeStart(day, start);
}

/** The sources of a list published before `start`, each with its place in the list. */
export function sourcesBeforeStart(sources: readonly SourceRecord[], start: PartialDate): { source: SourceRecord; index: number }[] {
  return sources.flatMap((source, index) => (source.published !== undefined && publishedBeforeStart(source.published, start) ? [{ source, index }] : []));
}

/** The claims of a list made before `start`, each with its place in the list. */
export function claimsBeforeStart(claims: readonly ClaimInput[], start: PartialDate): { claim: ClaimInput; index: number }[] {
  return claims.flatMap((claim, index) => (beforeStart(claim.date, start) ? [{ claim, index }] : []));
}

const DID: Record<ClaimStance, string> = { claims: 'claimed', denies: 'denied', confirms: 'confirmed', disputes: 'disputed' };

/** How a command's refusal (see checkBegun) says to correct what it names. */
export interface BegunFixes {
  /**
   * Checked whatever the command gives (an entry being created). Otherwise only when it gives
   * `date` or `published`, so an entry stored before the rule can still be edited in other fields.
   */
  always?: boolean;
  /** How to correct the first source's publication when `date` moved past it, after "if the publication date is wrong, " (with the sentence's end); `date` is the date given. */
  published(date: string): string;
  /** The entry's number, for the command that takes one of its claims off. */
  entryId?: number;
  /** The name of the actor of the entry's claim at `index`, as /entry show names it. */
  claimActor?(index: number): string;
  /** Said when `date` was not given: where the date checked comes from. */
  dateFrom?: string;
}

/** One source or claim a date is after: `said` is it, then `day` the day it is from. */
interface EarlyPart {
  said: string;
  day: string;
  lastDay: string;
  claim: boolean;
  /** The refusal's hint when it is the only one, after "Give a date up to DAY". */
  alone: string;
  /** Its own hint line when others are named too. */
  among?: string;
}

/** Parts named one by one in a refusal; the rest are counted. */
const LISTED = 5;

const quotedName = (name: string) => (/[\s"]/.test(name) ? `"${name.replace(/"/g, "'")}"` : name);

function firstSourcePart(source: SourceRecord, published: string, date: string, fixes: BegunFixes): EarlyPart {
  const fix = fixes.published(date);
  return {
    said: `the source, ${source.outlet}, was published`, day: published, lastDay: lastDay(parsePartialDate(published)!), claim: false,
    alone: `; or, if the publication date is wrong, ${fix}`,
    among: `If ${source.outlet}'s publication date is wrong, ${fix}`,
  };
}

function otherSourcePart(source: SourceRecord, published: string): EarlyPart {
  return {
    said: `another source, ${source.outlet}, was published`, day: published, lastDay: lastDay(parsePartialDate(published)!), claim: false,
    alone: `: ${source.outlet} reported the event by then.`,
  };
}

function claimPart(claim: ClaimInput, index: number, fixes: BegunFixes): EarlyPart {
  const actor = fixes.claimActor?.(index) ?? 'its actor';
  const [did, day] = [DID[claim.stance], toIsoPartial(claim.date)];
  const unclaim = fixes.entryId === undefined ? '/entry unclaim' : `/entry unclaim id:${fixes.entryId} actor:${quotedName(actor)} stance:${claim.stance} date:${day}`;
  const fix = `if ${actor} ${did} it on another day, record the claim again with that day (/entry claim) and take this one off: ${unclaim}`;
  return {
    said: `${actor} ${did} it through ${claim.source.outlet}`, day, lastDay: lastDay(claim.date), claim: true,
    alone: `; or, ${fix}`,
    among: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}`,
  };
}

/** The refusal of a date after the day of each of `parts`, naming them and how to fix each. */
function dateRefusal(date: string, parts: readonly EarlyPart[], fixes: BegunFixes, dateGiven: boolean): UserError {
  const listed = parts.slice(0, LISTED).map((part) => `${part.said} (${part.day})`);
  const more = parts.length > LISTED ? [`${parts.length - LISTED} more`] : [];
  const reason = parts.every((part) => part.claim)
    ? 'a claim about an event is made once it has begun'
    : parts.some((part) => part.claim)
      ? 'a source reports an event, and a claim about it is made, once it has begun'
      : 'a source reports an event once it has begun';
  const earliest = parts.reduce((a, b) => (b.lastDay < a.lastDay ? b : a));
  const hints = parts.length === 1
    ? [`Give a date up to ${earliest.day}${earliest.alone}`]
    : [`Give a date up to ${earliest.day}.`, ...parts.slice(0, LISTED).flatMap((part) => (part.among ? [part.among] : []))];
  if (!dateGiven && fixes.dateFrom) hints.push(fixes.dateFrom);
  return new UserError('invalid-option', `Option \`date\` (${date}) is after the day${parts.length > 1 ? 's' : ''} ${wordList([...listed, ...more])}: ${reason}.`, hints, 'date');
}

/**
 * A source reports an event, and a claim about it is made, once it has begun: refuses an entry
 * whose sources were published, or claims made, before its date. The option at fault is named:
 * `published` when given (the first source's, the one the options set), else `date`, listing
 * every source and claim it is after and how to correct each (the date, the first source's
 * publication, a claim). See BegunFixes for when it is checked.
 */
export function checkBegun(args: CommandArgs, entry: Partial<EntryInput>, fixes: BegunFixes): void {
  const { start } = entry;
  const [givesDate, givesPublished] = [args.date !== undefined, args.published !== undefined];
  if (!start || (!fixes.always && !givesDate && !givesPublished)) return;
  const [first, ...others] = entry.sources ?? [];
  const firstEarly = first?.published !== undefined && publishedBeforeStart(first.published, start);
  const date = toIsoPartial(start);
  checkAll([
    () => {
      if (!firstEarly || !givesPublished) return;
      throw new UserError('invalid-option', `Option \`published\` (${first.published}) is before the entry's date (${date}): a source reports an event once it has begun.`, [
        `Give the day ${first.outlet} published it, from ${date} on; or, if the entry's date is wrong, correct it with \`date:\`.`,
      ], 'published');
    },
    () => {
      // The date checked against what this command leaves as it was: only when it gives one (or checks all).
      if (!givesDate && !fixes.always) return;
      const parts = [
        ...(firstEarly && !givesPublished ? [firstSourcePart(first, first.published!, date, fixes)] : []),
        ...sourcesBeforeStart(others, start).map(({ source }) => otherSourcePart(source, source.published!)),
        ...claimsBeforeStart(entry.claims ?? [], start).map(({ claim, index }) => claimPart(claim, index, fixes)),
      ];
      if (parts.length > 0) throw dateRefusal(date, parts, fixes, givesDate);
    },
  ]);
}
