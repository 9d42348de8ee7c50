// The card a candidate is shown as, in the review channel and in reply to /review show: the
// story, what the entry would say, the other outlets carrying it, and Approve, Edit and Reject
// for admins; once decided, who decided, when, and the entry it became as recorded (its summary
// and fields as the admin left them: recorded-entry.ts). Its instants are on the
// clock of the channel it is shown in (`when`).
import { authorLabel } from '../author-label.js';
import { isolated } from '../bidi-isolate.js';
import { formatIsoPartial } from '../partial-date.js';
import type { InstantWriter } from '../past-instant.js';
import { formatCount } from '../text.js';
import { RELIABILITY } from '../source-grade.js';
import { outletLink } from '../source-link.js';
import { eventTypeLabel } from '../vocabulary.js';
import { plainLine, span, type Button, type Line, type View, type ViewTone } from '../view.js';
import { articleLink } from './article-link.js';
import { suggestedActorText, type Candidate, type StoryReport } from './candidate.js';
import { joinedTo } from './joined-candidate.js';
import { publishedText, reportText } from './published-text.js';
import { publishedFacts, recordedFacts, shownSummary } from './recorded-entry.js';
import { attachArgs, uncitedOutlets, type UncitedReports } from './uncited-reports.js';

const listed = (items: readonly string[]) => plainLine(items.length > 0 ? items.join(', ') : '—');

function reportLine(report: StoryReport, when: InstantWriter): Line {
  return [...outletLink(report.outlet, report.link), span.plain(`${report.grade ? ` · ${report.grade}` : ''} — ${isolated(report.title)}${report.published ? ` (${reportText(report.published, report, when)})` : ''}`)];
}

/** `Not yet cited by entry #21: Delta — /review attach id:2 entry:21`. */
function uncitedLine(uncited: UncitedReports): Line {
  return [span.plain(`Not yet cited by entry #${uncited.entryId}: ${uncitedOutlets(uncited).map(isolated).join(', ')} — `), span.command('review attach', attachArgs(uncited))];
}

/** `joined`: the candidate whose story it joined (joinedTo), if any. */
function decisionLine(candidate: Candidate, joined: number | undefined, at: InstantWriter): Line | undefined {
  const decision = candidate.decision;
  if (!decision) return undefined;
  const when = `${authorLabel(decision.by)} at ${at(decision.at)}`;
  if (joined !== undefined) return [span.bold('Joined'), span.plain(` candidate #${joined}, by ${when}: the same story`)];
  if (candidate.status === 'approved' && decision.attached) return [span.bold('Attached'), span.plain(` by ${when} to entry #${decision.entryId ?? '?'} as further sources`)];
  if (candidate.status === 'approved') return [span.bold('Approved'), span.plain(` by ${when} → entry #${decision.entryId ?? '?'}`)];
  return [span.bold('Rejected'), span.plain(` by ${when}${decision.reason ? `: ${isolated(decision.reason)}` : ''}`)];
}

/**
 * A card's buttons, each naming its candidate (`Approve #14`): a screen reader tabbing through a
 * channel of cards, or a thumb after a scroll, tells whose button it is from the label alone.
 */
export function reviewButtons(id: number): Button[] {
  const invocation = (subcommand: string) => ({ command: 'review', subcommand, args: { id } });
  const number = `#${id}`;
  return [
    { label: `Approve ${number}`, style: 'success', action: { kind: 'run', invocation: invocation('approve') }, audience: 'admins' },
    { label: `Edit ${number}`, style: 'primary', action: { kind: 'form', invocation: invocation('approve') }, audience: 'admins' },
    { label: `Reject ${number}`, style: 'danger', action: { kind: 'run', invocation: invocation('reject') }, audience: 'admins' },
    // An event the dossier holds already: the form asks which entry.
    { label: `Attach ${number} to entry`, style: 'secondary', action: { kind: 'form', invocation: invocation('attach') }, audience: 'admins' },
  ];
}

/**
 * A card's tone (Discord colours its embed by it), by what became of the candidate: an approval
 * added an entry to the dossier, a success; an attachment added sources to an entry already there,
 * in the ordinary tone; a rejection added nothing, and is muted (grey).
 */
const TONES: Record<'pending' | 'approved' | 'attached' | 'rejected', ViewTone> = {
  pending: 'normal',
  approved: 'success',
  attached: 'normal',
  rejected: 'muted',
};

const cardTone = (candidate: Pick<Candidate, 'status' | 'decision'>): ViewTone =>
  TONES[candidate.status === 'approved' && candidate.decision?.attached ? 'attached' : candidate.status];

const STATUS_TEXT = { pending: 'waiting for review', approved: 'approved', rejected: 'rejected' } as const;

/** The outlet, with the grade its feed's reliability gives the report when an admin graded the feed. */
function outletText(outlet: string, grade: string | undefined): string {
  const reliability = grade && RELIABILITY.get(grade[0]!);
  return reliability ? `${isolated(outlet)} · ${grade} (${reliability}; the report not judged yet)` : outlet;
}

/**
 * The suggested date. An item its feed gave no date Sitrep could read is dated by the day Sitrep
 * first saw it, as its source is: said so, as it is no publication day.
 */
function dateText(suggested: Candidate['suggested'], dated: boolean, pending: boolean): string {
  if (!suggested.date) return '—';
  const day = formatIsoPartial(suggested.date);
  if (dated && suggested.dateSaid && suggested.source.published) {
    const change = pending ? ' (date: on approve if it says otherwise)' : '';
    return `${day}: "${suggested.dateSaid}", as the item says; published ${formatIsoPartial(suggested.source.published)}${change}`;
  }
  if (dated) return day;
  const why = suggested.unreadDate ? 'its date could not be read' : 'the feed gave no date';
  const change = pending ? ' (date: and published: on approve if you know them)' : '';
  return `${day}: the day Sitrep first saw the item, not its publication (${why}); the entry's source is dated so too${change}`;
}

/** `5`, or `at least 5` where the item gives a lower bound (the entry records it as the best estimate). */
function fatalitiesText(suggested: Candidate['suggested'], hint: string): string {
  const count = formatCount(suggested.fatalities!);
  if (!suggested.fatalitiesAtLeast) return `${count}, as the item gives them (${hint})`;
  return `at least ${count}, as the item gives them; the entry records ${count}, its best estimate (${hint})`;
}

/** `claimed: the act as told by Israel ("says it killed"); recorded as a claim by Israel`, with how to change it while pending. */
function claimedText(claimed: NonNullable<Candidate['suggested']['claimed']>, pending: boolean): string {
  const name = claimed.name === undefined ? undefined : isolated(claimed.name);
  const said = claimed.said === undefined ? '' : ` ("${claimed.said}")`;
  const recorded = name === undefined ? '' : claimed.actorId === undefined ? `; ${name} is not in the dossier, so no claim is recorded (/actors add, then /entry claim)` : `; recorded as a claim by ${name}`;
  const change = pending ? ` (confidence:${claimed.actorId === undefined ? '' : ' or clear:claims'} on approve if otherwise)` : '';
  return `claimed: the act as told by ${name ?? 'its speaker'}${said}${recorded}${change}`;
}

/** What the entry would say, as the candidate suggests it (`pending`: with how to change it on approval; `dated`: the item's date was read). */
function suggestedFacts(suggested: Candidate['suggested'], pending: boolean, dated: boolean): NonNullable<View['facts']> {
  const from = `from ${isolated(suggested.source.outlet)}`;
  const fatalitiesHint = pending ? `${from}; fatalities:none on approve if wrong` : from;
  return [
    { label: 'Actors', value: listed(suggested.actors.map((actor) => suggestedActorText({ ...actor, name: isolated(actor.name) }))) },
    { label: 'Places', value: listed(suggested.places.map(isolated)) },
    { label: 'Type', value: plainLine(eventTypeLabel(suggested.type)) },
    ...(suggested.claimed ? [{ label: 'Confidence', value: plainLine(claimedText(suggested.claimed, pending)) }] : []),
    ...(suggested.label ? [{ label: 'Labelled', value: plainLine(`${suggested.label}, by its title: such pieces seldom report an event of their own`) }] : []),
    { label: 'Date', value: plainLine(dateText(suggested, dated, pending)) },
    ...(suggested.fatalities === undefined ? [] : [{ label: 'Fatalities', value: plainLine(fatalitiesText(suggested, fatalitiesHint)) }]),
  ];
}

/**
 * The card, its instants written by `when`; `note` goes under its first line (what a decision just
 * did, or that it was done before).
 */
export function candidateCard(candidate: Candidate, when: InstantWriter, note?: string | Line): View {
  const { suggested } = candidate;
  const summary = shownSummary(candidate);
  const others = candidate.reports.slice(1);
  const joined = joinedTo(candidate);
  const decided = decisionLine(candidate, joined, when);
  const view: View = {
    title: candidate.recorded?.title ?? candidate.title,
    tone: cardTone(candidate),
    intro: [
      plainLine(`Candidate #${candidate.id} · ${isolated(candidate.recorded?.topic ?? candidate.topic)} · ${joined === undefined ? STATUS_TEXT[candidate.status] : `joined candidate #${joined}`}`),
      ...(candidate.revisedAt ? [plainLine(`Revised by its feed at ${when(candidate.revisedAt)}: drafted again from what the item says now.`)] : []),
      ...(joined === undefined ? [] : [plainLine(`The same story as candidate #${joined}, found when a report of it was revised: its reports are listed there.`)]),
      ...(note ? [typeof note === 'string' ? plainLine(note) : note] : []),
      ...(candidate.uncited ? [uncitedLine(candidate.uncited)] : []),
    ],
    facts: [
      { label: 'Outlet', value: plainLine(outletText(candidate.outlet, candidate.reports[0]?.grade)) },
      ...publishedFacts(candidate, { label: 'Published', value: plainLine(publishedText(candidate.published, suggested, when)) }),
      ...(candidate.link ? [{ label: 'Link', value: articleLink(candidate.outlet, candidate.link) }] : []),
      { label: 'Matched', value: plainLine(candidate.matched.length > 0 ? candidate.matched.map(isolated).join(', ') : 'every item (the source seeks no keywords)') },
      ...(candidate.recorded ? recordedFacts(candidate.recorded) : suggestedFacts(suggested, candidate.status === 'pending', candidate.published !== undefined)),
      // An outlet with several reports of the story (one feed's items merged) is named once; a
      // candidate joined to another has none left (they are that one's).
      ...(joined === undefined
        ? [{ label: 'Also in', value: others.length > 0 ? plainLine([...new Set(others.map((r) => r.outlet))].map(isolated).join(', ')) : plainLine('no other outlet yet') }]
        : []),
      ...(decided ? [{ label: 'Decided', value: decided }] : []),
    ],
    sections: [
      ...(summary ? [{ heading: [span.bold('Summary')], lines: summary.split('\n').map((line) => plainLine(line)) }] : []),
      ...(others.length > 0 ? [{ heading: [span.bold('Same story elsewhere')], lines: others.map((report) => reportLine(report, when)) }] : []),
    ],
  };
  if (candidate.status === 'pending') {
    view.buttons = reviewButtons(candidate.id);
    const id = `id:${candidate.id}`;
    view.footer = [
      span.plain('Approve: '),
      span.command('review approve', id),
      span.plain(' (change a field with title:, date:, type:, actors:, fatalities:…) · Reject: '),
      span.command('review reject', id),
      span.plain(' · An event in the dossier already: '),
      span.command('review attach', `${id} entry:N`),
    ];
  } else if (candidate.status === 'approved' && candidate.decision?.entryId !== undefined) {
    view.footer = [span.plain('The entry: '), span.command('entry show', `id:${candidate.decision.entryId}`)];
  } else if (joined !== undefined) {
    view.footer = [span.plain('The story: '), span.command('review show', `id:${joined}`)];
  } else if (candidate.status === 'rejected') {
    view.footer = [span.plain('Rejected by mistake: '), span.command('review reopen', `id:${candidate.id}`), span.plain(' puts it back in the queue')];
  }
  return view;
}

/**
 * The card once decided, the same for whoever decided and for every channel it was posted in:
 * who decided, when, and the entry it became; no buttons.
 */
export function decidedCard(candidate: Candidate, when: InstantWriter): View {
  // A candidate joined to another says so in its card already; its items are that one's reports now.
  if (candidate.status === 'rejected') return candidateCard(candidate, when, joinedTo(candidate) === undefined ? 'Rejected: its items are not proposed again.' : undefined);
  const entryId = candidate.decision?.entryId ?? '?';
  const what = candidate.decision?.attached ? `its reports added as sources of entry #${entryId}` : `added as entry #${entryId}`;
  return candidateCard(candidate, when, [span.plain(`Approved: ${what}. Where it came from: `), span.command('entry history', `id:${entryId}`)]);
}
