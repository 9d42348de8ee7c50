// /review list, /review show and /review channel: the candidates waiting, one candidate's
// card, and where cards are posted.
import { typedTopic } from '../../src/core/typed-topic.js';
import type { CommandContext, OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import { suggestedActorText, type Candidate } from '../../src/core/review/candidate.js';
import { candidateCard } from '../../src/core/review/candidate-card.js';
import type { InstantWriter } from '../../src/core/past-instant.js';
import { publishedBrief } from '../../src/core/review/published-text.js';
import { asItStands } from './decided-entry.js';
import { plural } from '../../src/core/text.js';
import { exactPager } from '../../src/core/entry-views.js';
import type { WatchedSource } from '../../src/core/sources/watched-source.js';
import { eventTypeLabel } from '../../src/core/vocabulary.js';
import { entriesAlike, entriesAlikeSection } from './entries-alike.js';
import { isolated } from '../../src/core/bidi-isolate.js';
import type { PendingOrder, ReviewChannel, UnconfirmedCard } from '../../src/core/review/review-port.js';
import type { ChannelTrouble, SetChannelOutcome } from '../../src/core/review/review-queue.js';
import { describeCaller } from '../../src/core/caller.js';
import { markedLine } from '../../src/core/error-views.js';
import { operatorFault } from '../../src/core/app-faults.js';
import { platformDisplayName } from '../../src/core/platform-names.js';
import { plainLine, span, type Line, type Section, type View } from '../../src/core/view.js';
import { pageOption, resolveTopic, topicOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { instantsFor } from '../when.js';
import { candidateIdOption } from './decide.js';
import { filteredSource, sourceFilterOption, sourceLabel } from './source-filter.js';

const PAGE_SIZE = 10;

/** Actors, and places, a list line names of what a candidate suggests, before saying how many more. */
const LISTED_NAMES = 3;

const listed = (names: readonly string[]) =>
  names.length > LISTED_NAMES ? `${names.slice(0, LISTED_NAMES).join(', ')} and ${names.length - LISTED_NAMES} more` : names.join(', ');

/** Who, where and how many killed the card suggests, in one line to triage by; undefined when it suggests none. */
function suggestedLine(candidate: Candidate): string | undefined {
  const { actors, places, fatalities } = candidate.suggested;
  const parts = [
    ...(actors.length > 0 ? [listed(actors.map(suggestedActorText))] : []),
    ...(places.length > 0 ? [`in ${listed(places)}`] : []),
    ...(fatalities !== undefined ? [`${candidate.suggested.fatalitiesAtLeast ? 'at least ' : ''}${fatalities.toLocaleString('en-US')} killed`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Whether the channel is the one the caller wrote in. */
function isCallers(channel: ReviewChannel, ctx: CommandContext): boolean {
  const { platform, workspaceId = '', channelId } = ctx.caller;
  return channel.platform === platform && channel.workspaceId === workspaceId && channel.channelId === channelId;
}

/**
 * A channel as /digest list names one (`channel C0123`), saying when it is the caller's (or in
 * another workspace of the platform).
 */
function channelText(channel: ReviewChannel, ctx: CommandContext): string {
  const { platform, workspaceId = '' } = ctx.caller;
  const elsewhere = channel.platform === platform && channel.workspaceId !== workspaceId && channel.workspaceId !== '' ? ` in workspace ${channel.workspaceId}` : '';
  return `channel ${channel.channelId}${isCallers(channel, ctx) ? ' (this channel)' : elsewhere}`;
}

/**
 * A channel in a line: one of the caller's workspace by name where the platform shows it (Discord
 * and Slack name it from its id), beside its id; one of another platform, or another workspace,
 * as channelText says it, its id being all the caller's platform can show of it.
 */
function channelSpans(channel: ReviewChannel, ctx: CommandContext): Line {
  const { platform, workspaceId = '' } = ctx.caller;
  if (channel.platform !== platform || channel.workspaceId !== workspaceId) return [span.plain(channelText(channel, ctx))];
  return [span.channel(channel.channelId), span.plain(` (channel ${channel.channelId}${isCallers(channel, ctx) ? ', this channel' : ''})`)];
}

/**
 * A review channel its cards stopped reaching: why, how many, and what an admin does there; or,
 * when the platform refused Sitrep itself, that the cards wait and what the operator must fix.
 */
const troubleLines = (ctx: CommandContext) => (trouble: ChannelTrouble): Line[] => {
  const fault = operatorFault(trouble.error);
  if (fault) return appFaultLines(trouble, fault, ctx);
  return [
    [
      span.plain(`Cards could not be posted in the review channel on ${platformDisplayName(trouble.channel.platform)}, `),
      ...channelSpans(trouble.channel, ctx),
      span.plain(`: ${trouble.error}. ${plural(trouble.cards, 'card')} of candidates waiting ${trouble.cards === 1 ? 'is' : 'are'} not there.`),
    ],
    // Its words name commands as the refusals' do, spelled as the caller's workspace has them.
    markedLine(`In that channel: ${trouble.accessHelp} The cards of the candidates still waiting are posted then.`, ctx.commands),
  ];
};

/**
 * Cards waiting because the platform refused Sitrep itself (its token, its scopes): nothing is
 * wrong with the channel, so its admins are not sent to its permissions; the operator's fix is
 * named, as /digest list names it for the digests waiting on it.
 */
function appFaultLines(trouble: ChannelTrouble, fault: { refusal: string; fix: string }, ctx: CommandContext): Line[] {
  const platform = platformDisplayName(trouble.channel.platform);
  const cards = trouble.cards === 1 ? '1 card of a candidate waiting is' : `${trouble.cards} cards of candidates waiting are`;
  return [
    [
      span.plain(`Cards wait for the review channel on ${platform}, `),
      ...channelSpans(trouble.channel, ctx),
      span.plain(`: ${platform} refused Sitrep itself (${fault.refusal}), not the channel, so nothing needs doing there. ${cards} not there yet.`),
    ],
    plainLine(`Whoever runs Sitrep must fix the app: ${fault.fix}. Sitrep tries the cards again meanwhile, and they are posted once ${platform} takes them.`),
  ];
}

/** Where cards are posted: each platform's review channel, named as channelSpans names it. */
function channelsLine(channels: readonly ReviewChannel[], ctx: CommandContext): Line {
  const named = channels.flatMap((channel, index) => [...(index > 0 ? [span.plain('; ')] : []), ...channelSpans(channel, ctx), span.plain(` on ${platformDisplayName(channel.platform)}`)]);
  return [span.plain('Cards are posted in the review channel: '), ...named, span.plain('.')];
}

/** Why the candidate's card may not be in a review channel: cut off mid-post, or given up. */
function unpostedLines(cards: readonly UnconfirmedCard[]): Line[] {
  const cutOff = cards.filter((card) => card.failed === undefined).map((card) => platformDisplayName(card.platform));
  const givenUp = cards.filter((card) => card.failed !== undefined);
  return [
    ...(cutOff.length > 0 ? [plainLine(`Its card may not have reached the review channel on ${cutOff.join(', ')} (Sitrep stopped while posting it, and does not post it twice): decide it here.`)] : []),
    ...givenUp.map((card) => plainLine(`Its card could not be posted in the review channel on ${platformDisplayName(card.platform)} (${card.failed}), and Sitrep gave up on it: decide it here.`)),
  ];
}

/** `unposted`: the candidate's cards that may not be in their review channel; `when` writes its instants. */
function candidateSection(candidate: Candidate, unposted: readonly UnconfirmedCard[], when: InstantWriter): Section {
  // Outlets, not reports: one feed's items merged into the story are one outlet, its own.
  const others = new Set(candidate.reports.slice(1).map((report) => report.outlet).filter((outlet) => outlet !== candidate.outlet)).size;
  const suggested = suggestedLine(candidate);
  const { claimed, label } = candidate.suggested;
  // `claimed by Israel`: the party's own account, which a reader weighs before approving.
  const notes = [...(label ? [label] : []), ...(claimed ? [claimed.name ? `claimed by ${isolated(claimed.name)}` : 'claimed'] : [])];
  return {
    heading: [span.code(`#${candidate.id}`), span.plain(' '), span.bold(candidate.title)],
    lines: [
      plainLine(
        `${candidate.outlet}${others > 0 ? ` and ${plural(others, 'other outlet')}` : ''} · ${publishedBrief(candidate.published, candidate.suggested, when)} · ${eventTypeLabel(candidate.suggested.type)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''} · ${candidate.topic}`,
      ),
      ...(suggested ? [plainLine(suggested)] : []),
      ...unpostedLines(unposted),
      [span.plain('Decide: '), span.command('review approve', `id:${candidate.id}`), span.plain(' or '), span.command('review reject', `id:${candidate.id}`), span.plain(' · card: '), span.command('review show', `id:${candidate.id}`)],
    ],
  };
}

/** The list's filters and order, as the arguments of a /review list that shows them (the order only when not the default). */
function listArgs(topic: string | undefined, source: WatchedSource | undefined, order: PendingOrder): Record<string, string | number> {
  return { ...(topic ? { topic } : {}), ...(source ? { source: source.id } : {}), ...(order === 'oldest' ? { order } : {}) };
}

/** The command text of a /review list with these arguments, for a line that names it. */
const argsText = (args: Record<string, string | number>) => Object.entries(args).map(([name, value]) => `${name}:${value}`).join(' ') || undefined;

/** How many wait, in which order, and the list in the other order. */
function countLine(total: number, topic: string | undefined, source: WatchedSource | undefined, order: PendingOrder): Line {
  if (total === 0) return plainLine('No candidate is waiting for review.');
  const other: PendingOrder = order === 'oldest' ? 'newest' : 'oldest';
  const [shown, switched] = order === 'oldest' ? ['the oldest proposed first', 'the latest first'] : ['the latest proposed first', 'the oldest first'];
  return [span.plain(`${plural(total, 'candidate')} waiting, ${shown} (${switched}: `), span.command('review list', argsText(listArgs(topic, source, other))), span.plain(').')];
}

function listView(args: { topic?: string; source?: number; order: PendingOrder; page: number }, ctx: CommandContext): View {
  // An unknown source is named as such, rather than listed as having nothing waiting; a removed
  // one's candidates stay in the queue, so they are listed.
  const source = filteredSource(ctx, args.source);
  const { order } = args;
  const page = ctx.services.review.pending({ ...(args.topic ? { topic: args.topic } : {}), ...(source ? { sourceId: source.id } : {}), order }, PAGE_SIZE, (args.page - 1) * PAGE_SIZE);
  // Nothing waiting under a topic neither the dossier nor a watched feed has: a misspelling, refused with the topics, as /timeline refuses it.
  if (page.total === 0 && args.topic) resolveTopic(ctx.services.dossier, args.topic, ctx.services.sources.list().map((watched) => watched.topic));
  // Each page of the same order: page 2 of the oldest first follows on from page 1 of it.
  const at = (n: number) => ({ command: 'review', subcommand: 'list', args: { ...listArgs(args.topic, source, order), page: n } });
  const paging = exactPager(args.page, page.total, PAGE_SIZE, 'candidates', at);
  const channels = ctx.services.review.channels();
  const unconfirmed = ctx.services.review.unconfirmedCards(page.items.map((candidate) => candidate.id));
  const when = instantsFor(ctx);
  return {
    title: `Review queue${args.topic ? ` — ${args.topic}` : ''}${source ? ` — from ${sourceLabel(source)}` : ''}${order === 'oldest' ? ' (oldest first)' : ''}`,
    tone: 'normal',
    intro: [
      ...(source?.removedAt ? [plainLine(`Source #${source.id} was removed on ${when(source.removedAt)}: it is no longer checked${page.total > 0 ? ', and the candidates it proposed still wait here' : ''}.`)] : []),
      countLine(page.total, args.topic, source, order),
      channels.length > 0
        ? channelsLine(channels, ctx)
        : [span.plain('No review channel is set: an admin runs '), span.command('review channel'), span.plain(' where cards should be posted.')],
      ...ctx.services.review.failingChannels().flatMap(troubleLines(ctx)),
    ],
    sections: page.items.map((candidate) => candidateSection(candidate, unconfirmed.filter((card) => card.candidateId === candidate.id), when)),
    ...paging,
  };
}

const orderOption: OptionSpec = {
  name: 'order',
  description: 'newest (default) or oldest: the oldest waiting first, to work a backlog in the order it came',
  type: 'choice',
  choices: [
    { value: 'newest', label: 'newest — the latest proposed first' },
    { value: 'oldest', label: 'oldest — the oldest waiting first' },
  ],
  example: 'oldest',
};

export const listCandidates: SubcommandSpec = {
  name: 'list',
  description: 'Candidates waiting for review, the latest proposed first (order:oldest for the oldest)',
  readOnly: true,
  options: [topicOption, sourceFilterOption, orderOption, pageOption],
  examples: ['', 'topic:syria-israel', 'order:oldest'],
  run: (args, ctx) =>
    listView(
      {
        ...(args.topic ? { topic: typedTopic(String(args.topic)) } : {}),
        ...(args.source !== undefined ? { source: args.source as number } : {}),
        order: args.order === 'oldest' ? 'oldest' : 'newest',
        page: (args.page as number | undefined) ?? 1,
      },
      ctx,
    ),
};

export const showCandidate: SubcommandSpec = {
  name: 'show',
  description: 'One candidate’s card: the story, the suggested entry, other outlets',
  readOnly: true,
  options: [candidateIdOption],
  run(args, ctx) {
    const { candidate, note } = asItStands(ctx.services.review.candidate(args.id as number), ctx);
    // A waiting candidate whose card may not be in a review channel says so, as /review list does.
    const card = candidateCard(candidate, instantsFor(ctx), note ?? unpostedLines(ctx.services.review.unconfirmedCards([candidate.id]))[0]);
    const alike = candidate.status === 'pending' ? entriesAlike(candidate, ctx.services.dossier) : [];
    if (alike.length > 0) card.sections.push(entriesAlikeSection(candidate.id, alike));
    return card;
  },
};

/** Whether the confirmation was seen: a delay or a missing poster is not a refusal. */
function confirmationLine(confirmation: Extract<SetChannelOutcome, { status: 'set' }>['confirmation'], platform: string): Line {
  switch (confirmation.status) {
    case 'posted':
      return plainLine('Sitrep posted a confirmation in this channel, so it can post cards here.');
    case 'delayed':
      // A refusal of Sitrep itself is none of this channel's doing: the operator's fix is named.
      if (confirmation.operatorFix !== undefined) {
        return [
          span.plain(
            `Sitrep could not post its confirmation in this channel (${confirmation.error}): ${platformDisplayName(platform)} refused Sitrep itself, not this channel, and only whoever runs Sitrep can fix that. ` +
              `The channel is set, and its cards wait for the operator to fix the app — ${confirmation.operatorFix}; `,
          ),
          span.command('review list'),
          span.plain(' says so while they wait.'),
        ];
      }
      return [
        span.plain(`Sitrep could not post its confirmation in this channel yet (${confirmation.error}). The channel is set; if the platform still refuses, the cards are tried again as usual, and `),
        span.command('review list'),
        span.plain(' says when they could not be posted.'),
      ];
    case 'no-poster':
      return plainLine(`This Sitrep process cannot post to channels on ${platformDisplayName(platform)}, so no confirmation was posted here; cards go out from a process connected to that platform.`);
  }
}

/**
 * When the cards still to post here arrive. The console's are printed by the console a person has
 * open at a terminal, the review desk: a console fed by a pipe is a one-off run, and prints none.
 */
function followWords(platform: string): string {
  return platform === 'console' ? 'at the console a person has open at a terminal (`npm start`), within a few minutes; a console fed by a pipe prints none' : 'within a few minutes';
}

/** How many of the candidates waiting get a card here, and when. */
function waitingLine(waiting: number, uncarded: number, platform: string): Line {
  if (waiting === 0) return plainLine('No candidate is waiting yet.');
  const candidates = plural(waiting, 'candidate');
  if (uncarded === 0) return plainLine(`${candidates} waiting: their cards are in this channel already.`);
  const follow = followWords(platform);
  if (uncarded >= waiting) return markedLine(`${candidates} waiting: ${waiting === 1 ? 'its card follows' : 'their cards follow'} ${follow}.`);
  return markedLine(`${candidates} waiting: the cards of ${uncarded} follow ${follow}; the others are in this channel already.`);
}

export const reviewChannel: SubcommandSpec = {
  name: 'channel',
  description: 'Post candidates’ cards in this channel (admins)',
  adminOnly: true,
  examples: [''],
  async run(_args, ctx) {
    const { platform, workspaceId, channelId, context } = ctx.caller;
    if (!channelId) {
      throw new UserError('invalid-option', 'Cards are posted in a channel, and this request came from none.', ['Run /review channel in the channel that should receive them.']);
    }
    // The caller's context goes with the channel, so cards name commands as this workspace has them.
    const channel = { platform, workspaceId: workspaceId ?? '', channelId, context: context ?? '' };
    // A confirmation is posted there first, and nothing is recorded if the platform refuses it.
    const outcome = await ctx.services.review.setChannel(channel, stampOf(ctx), ctx.caller.displayName ?? describeCaller(ctx.caller));
    if (outcome.status === 'refused') {
      const named = platformDisplayName(platform);
      // The channel that stays is named as the reply naming it once set does: by name where the platform shows one.
      const still: Line = outcome.current ? [span.plain(`the review channel on ${named} stays `), ...channelSpans(outcome.current, ctx)] : [span.plain(`${named} has no review channel yet`)];
      throw new UserError('conflict', [span.plain(`Sitrep cannot post in this channel (${outcome.error}), so it was not made the review channel: `), ...still, span.plain('.')], [outcome.accessHelp]);
    }
    const waiting = ctx.services.review.pending({}, 1, 0).total;
    const replaced: Line = outcome.replaced ? [span.plain('this replaces '), ...channelSpans(outcome.replaced, ctx)] : [span.plain(`this replaces any other on ${platformDisplayName(platform)}`)];
    return {
      title: 'Review channel set',
      tone: 'success',
      intro: [
        [span.plain('Candidates from the watched feeds are posted in this channel from now on (one review channel per platform: '), ...replaced, span.plain(').')],
        confirmationLine(outcome.confirmation, platform),
        ...(outcome.requeued > 0 ? [plainLine(`${plural(outcome.requeued, 'card')} that could not be posted here before ${outcome.requeued === 1 ? 'is' : 'are'} tried again.`)] : []),
        waitingLine(waiting, outcome.uncarded, platform),
      ],
      sections: [],
    };
  },
};
