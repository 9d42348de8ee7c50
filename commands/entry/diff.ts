// /entry diff id:N from:DATE [to:DATE] — field by field, what changed in one entry between the
// end of one day and the end of another (or now), rebuilt from its revisions.
import { dayInZone, shiftDay, type AsOfInstant } from '../../src/core/as-of-day.js';
import type { EntryAt } from '../../src/core/as-of-port.js';
import type { CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import { actorIdsNamed, fieldChanges, type FieldChange } from '../../src/core/entry-diff.js';
import { detailOf } from '../../src/core/past-entry.js';
import { UserError } from '../../src/core/errors.js';
import { firstDay, formatPartialDate, lastDay, parsePartialDate, type PartialDate } from '../../src/core/partial-date.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { entryAtOrRefuse, pastInstant } from '../as-of.js';
import { entryIdOption } from './fields.js';
import { entryDetailView, formatInstant } from './show.js';

function changeLine(change: FieldChange): Line {
  const label = span.bold(`${change.label}: `);
  if (change.kind === 'value') return [label, span.plain(change.before), span.plain(' → '), span.plain(change.after)];
  const items = [...change.added.map((x) => `+ ${x}`), ...change.removed.map((x) => `− ${x}`)];
  return [label, span.plain(items.length > 0 ? items.join(', ') : 'same items, reordered')];
}

function statusText(entry: EntryAt): string {
  return entry.removed ? `removed (by ${entry.removed.by} at ${formatInstant(entry.removed.at)}${entry.removed.reason ? `: “${entry.removed.reason}”` : ''})` : 'live';
}

/** From before the entry was added: it is all new, so it is shown whole, as it stood at `to`. */
function addedSinceView(after: EntryAt, from: AsOfInstant, to: AsOfInstant, ctx: CommandContext): View {
  const shown = entryDetailView(detailOf(after, ctx.services.past.actorNames(actorIdsNamed(after.state))));
  return {
    ...shown,
    title: `${shown.title} — from ${from.label} to ${to.label}`,
    intro: [plainLine(`Not yet added as of ${from.label}: added at ${formatInstant(after.created.at)} by ${after.created.by}. As of ${to.label}:`)],
  };
}

/**
 * The end of `from`; a day (or month) not over yet has no end to compare from, so its start is
 * taken: `from:` today shows today's changes.
 */
function fromInstant(fromDate: PartialDate, ctx: CommandContext): AsOfInstant {
  const end = pastInstant(fromDate, ctx, 'from');
  if (lastDay(fromDate) < dayInZone(ctx.now(), end.zone)) return end;
  const dayBefore = parsePartialDate(shiftDay(firstDay(fromDate), -1))!;
  return { ...pastInstant(dayBefore, ctx, 'from'), label: `the start of ${formatPartialDate(fromDate)} (${end.zone})` };
}

export const diffEntry: SubcommandSpec = {
  name: 'diff',
  description: 'What changed in one entry between two dates, field by field',
  readOnly: true,
  options: [
    entryIdOption,
    { name: 'from', description: 'As it stood at the end of this day (today: its start): 2025-07-20', type: 'date', required: true, example: '2025-07-20' },
    { name: 'to', description: 'Compared with the end of this day (default: now)', type: 'date', example: '2025-07-25' },
  ],
  examples: ['id:13 from:2025-07-20'],
  run(args, ctx) {
    const id = args.id as number;
    const fromDate = args.from as PartialDate;
    const toDate = args.to as PartialDate | undefined;
    if (toDate && lastDay(toDate) < lastDay(fromDate)) {
      throw new UserError('invalid-option', 'Option `to` is before `from`; swap them.', [], 'to');
    }
    const from = fromInstant(fromDate, ctx);
    const to: AsOfInstant = toDate ? pastInstant(toDate, ctx, 'to') : { before: new Date(ctx.now().getTime() + 1).toISOString(), label: 'now', zone: from.zone };
    const after = entryAtOrRefuse(ctx, id, to, 'to', (created) => `Compare from the day it was added: /entry diff id:${id} from:${dayInZone(new Date(created), to.zone)}`);
    const before = ctx.services.past.entryAt(id, from.before);
    if (!before) return addedSinceView(after, from, to, ctx);
    const names = ctx.services.past.actorNames([before.state, after.state].flatMap(actorIdsNamed));
    const changes = fieldChanges(before.state, after.state, names);
    const lines: Line[] = changes.map(changeLine);
    if (statusText(before) !== statusText(after)) lines.unshift([span.bold('Status: '), span.plain(`${statusText(before)} → ${statusText(after)}`)]);
    const revisions = after.revisionsBefore - before.revisionsBefore;
    const intro =
      revisions === 0
        ? plainLine('No change between these dates.')
        : plainLine(`${plural(revisions, 'revision')} in between${lines.length === 0 ? ', which left it as it was (an edit and its undo)' : ''}; last by ${after.lastChange.by} at ${formatInstant(after.lastChange.at)}.`);
    const view: View = {
      title: `#${id} ${after.state.title} — from ${from.label} to ${to.label}`,
      tone: 'normal',
      intro: [intro],
      sections: lines.length > 0 ? [{ heading: [span.bold('Changed')], lines }] : [],
      footer: [span.plain('Every change: '), span.command('entry history', `id:${id}`)],
    };
    return view;
  },
};
