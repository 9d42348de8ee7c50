// Views for the /digest command's replies: a subscription's settings and state, the list of
// a workspace's subscriptions, and the outcome of a send-now.
import { plural } from '../text.js';
import { eventTypeLabel } from '../vocabulary.js';
import { invocationSpan } from '../command-refs.js';
import { plainLine, span, type Line, type Section, type Span, type View } from '../view.js';
import type { DigestFilters } from './changes.js';
import type { ChannelKey, ConfirmationOutcome, DeliverySummary, SendOutcome, SubscriptionInfo, WaitingDigest } from './service.js';
import { errorSpans } from './error-codes.js';
import { nextTryWords } from './next-try.js';
import { formatInZone } from './zoned-time.js';
import { scheduleWords } from './schedule.js';

export function filtersText(filters: DigestFilters): string {
  const parts: string[] = [];
  if (filters.topic) parts.push(`topic ${filters.topic}`);
  if (filters.eventType) parts.push(`type ${eventTypeLabel(filters.eventType)}`);
  if (filters.actorName) parts.push(`actor ${filters.actorName}${filters.actorWas ? ` (was ${filters.actorWas})` : ''}`);
  return parts.length > 0 ? parts.join(' · ') : 'everything';
}

const STATUS_WORDS: Record<DeliverySummary['status'], string> = {
  sending: 'being sent',
  retrying: 'waiting to retry',
  delivered: 'delivered',
  skipped: 'skipped (nothing new)',
  failed: 'failed',
  unconfirmed: 'unconfirmed (Sitrep stopped while sending)',
};

function lastDeliveryLine(last: DeliverySummary, zone: string, now: Date): Line {
  const when = formatInZone(last.slot, zone);
  const what = last.kind === 'manual' ? 'sent on request' : last.kind === 'catch-up' ? 'catch-up' : 'scheduled';
  let text = `${STATUS_WORDS[last.status]} — ${what}, ${when}`;
  if (last.messages > 0) text += `, ${plural(last.messages, 'message')}`;
  const line: Line = [span.italic('Last digest: '), span.plain(text)];
  if (last.status === 'retrying' || last.status === 'failed') {
    const next = last.retryAt ? `; next try ${nextTryWords(last.retryAt, zone, now)}` : '';
    line.push(span.plain(` (${plural(last.attempts, 'attempt')}: `), ...errorSpans(last.error ?? 'unknown error'), span.plain(`${next})`));
  }
  return line;
}

/**
 * `daily at 08:00 (Europe/Paris)`, `weekly on Monday at 09:00 (UTC)`, `at 08:00 on Friday to
 * Sunday (`0 8 * * fri-sun`, UTC)`: a cron schedule keeps its expression, in code, beside its words.
 */
export function scheduleSpans(schedule: string, timezone: string): Line {
  const { words, cron } = scheduleWords(schedule);
  if (!cron) return [span.plain(`${words ?? schedule} (${timezone})`)];
  if (!words) return [span.plain('on the schedule '), span.code(cron), span.plain(` (${timezone})`)];
  return [span.plain(`${words} (`), span.code(cron), span.plain(`, ${timezone})`)];
}

/** A poster's access help, the command it says to run again in code, as the other commands here. */
/** The command that sets up a channel's digest, and resumes a paused one, as posters' access help names it. */
export const DIGEST_SUBSCRIBE = '/digest subscribe';

/** The help's words, its `/digest subscribe` a command span and what it marks in backticks (`/invite @Sitrep`) code. */
function subscribeCommandSpans(help: string): Span[] {
  const command = span.command('digest subscribe');
  const words = (text: string) => text.split(command.text).flatMap((part, i) => (i === 0 ? [span.plain(part)] : [command, span.plain(part)]));
  return help
    .split(/`([^`]*)`/)
    .flatMap((part, i) => (i % 2 === 1 ? [span.code(part)] : words(part)))
    .filter((s) => s.text !== '');
}

/** How a paused digest is resumed: the platform's own fix (an invitation, a permission) where the poster words it, as the subscribe refusal does; or removed. */
function resumeSpans(channelId: string, accessHelp: string | undefined): Span[] {
  const resume = accessHelp
    ? [span.plain('In that channel: '), ...subscribeCommandSpans(accessHelp), span.plain(' To remove it, run ')]
    : [span.plain('Run '), span.command('digest subscribe'), span.plain(' in that channel again to resume; to remove it, run ')];
  return [...resume, invocationSpan({ command: 'digest', subcommand: 'unsubscribe', args: { channel: channelId } }), span.plain(' (from any channel).')];
}

/**
 * Posted in the platform's review channel when the platform refuses a channel's digest for good:
 * the channel is paused, and its readers would otherwise just stop getting digests.
 */
export function digestPausedNotice(channel: ChannelKey, reason: string, accessHelp: string | undefined): View {
  return {
    title: 'Digest paused',
    tone: 'error',
    intro: [
      [
        span.plain('Sitrep stopped posting digests in '),
        span.channel(channel.channelId),
        span.plain(` (channel ${channel.channelId}): the platform refused the last one for good (`),
        ...errorSpans(reason),
        span.plain(').'),
      ],
      resumeSpans(channel.channelId, accessHelp),
    ],
    sections: [],
  };
}

/** The lines describing one subscription: schedule, next run in its zone, filters, state. */
export function subscriptionLines(sub: SubscriptionInfo, now: Date): Line[] {
  const lines: Line[] = [
    [span.italic('Schedule: '), ...scheduleSpans(sub.schedule, sub.timezone)],
    [span.italic('Filters: '), span.plain(filtersText(sub.filters)), span.plain(sub.skipEmpty ? ' · skips empty digests' : ''), span.plain(sub.card ? '' : ' · no card')],
  ];
  if (sub.paused) {
    const since = span.plain(` (since ${formatInZone(sub.paused.at, sub.timezone)}). `);
    lines.push([span.bold('Paused: '), ...errorSpans(sub.paused.reason), since, ...resumeSpans(sub.channel.channelId, sub.paused.accessHelp)]);
  } else {
    const next = sub.nextRunAt <= now ? 'due now — the scheduler will catch up' : formatInZone(sub.nextRunAt, sub.timezone);
    lines.push([span.italic('Next digest: '), span.plain(next)]);
  }
  if (sub.lastDelivery) lines.push(lastDeliveryLine(sub.lastDelivery, sub.timezone, now));
  return lines;
}

function channelHeading(sub: SubscriptionInfo, here: ChannelKey): Line {
  const same = sub.channel.channelId === here.channelId && sub.channel.platform === here.platform;
  return [span.bold(`Channel ${sub.channel.channelId}`), span.plain(same ? ' (this channel)' : '')];
}

export function listView(subs: readonly SubscriptionInfo[], here: ChannelKey, now: Date): View {
  // The heading keeps the id (what /digest unsubscribe takes); the first line names the channel where the platform can.
  const sections: Section[] = subs.map((sub) => ({
    heading: channelHeading(sub, here),
    lines: [[span.italic('Posts in: '), span.channel(sub.channel.channelId)], ...subscriptionLines(sub, now)],
  }));
  const paused = subs.filter((s) => s.paused).length;
  const intro =
    subs.length === 0
      ? [plainLine('No channel in this workspace has a digest yet.')]
      : [plainLine(`${plural(subs.length, 'subscription')}${paused > 0 ? `, ${paused} paused` : ''}.`)];
  return {
    title: 'Digests',
    tone: 'normal',
    intro,
    sections,
    footer: [span.plain('Subscribe a channel: '), span.command('digest subscribe', 'schedule:"daily 08:00"'), span.plain(' · preview: '), span.command('digest preview')],
  };
}

/** Whether the channel saw the confirmation; a delay or a missing poster is not a refusal. */
function confirmationLine(confirmation: ConfirmationOutcome, platform: SubscriptionInfo['channel']['platform']): Line {
  switch (confirmation.status) {
    case 'posted':
      return plainLine('Sitrep posted a confirmation in this channel, so it can post digests here.');
    case 'delayed':
      if (confirmation.operatorFix !== undefined) return operatorFaultLine(confirmation.error, confirmation.operatorFix);
      return [
        span.plain('Sitrep could not post its confirmation in this channel yet ('),
        ...errorSpans(confirmation.error),
        span.plain('). The digest is set up; if the platform still refuses when it is due, Sitrep retries it as usual.'),
      ];
    case 'no-poster':
      // The words of /digest send-now's refusal: the subscription stands, another process posts.
      return plainLine(`This Sitrep process cannot post to ${platform} channels, so no confirmation was posted here; digests go out from a process connected to that platform.`);
  }
}

/**
 * The confirmation met a refusal of Sitrep itself (its token, its scopes): nothing is wrong with
 * the channel, so its admins are not sent to its permissions; the operator's fix is named, as
 * `/digest list` names it while digests wait for it.
 */
function operatorFaultLine(error: string, fix: string): Line {
  return [
    span.plain('Sitrep could not post its confirmation in this channel ('),
    ...errorSpans(error),
    span.plain('): the platform refused Sitrep itself, not this channel, and only whoever runs Sitrep can fix that. The digest is set up and waits for the operator to fix the app — '),
    ...errorSpans(fix),
    span.plain('.'),
  ];
}

/** When Sitrep tries a waiting digest again, to follow `tries again`: `at <time>`, `in 15 seconds`, `now`. */
function tryAgainWords(retryAt: Date, zone: string, now: Date | undefined): string {
  const words = nextTryWords(retryAt, zone, now, 'at ');
  return words === 'due now' ? 'now' : words;
}

/**
 * What becomes of the digest still on its way when the settings changed. It is named by its slot
 * as it was scheduled; after a change of time zone, on the new clock as well.
 */
function waitingLine(waiting: WaitingDigest, zone: string, now: Date): Line {
  const scheduledIn = waiting.scheduledIn ?? zone;
  const onNewClock = scheduledIn !== zone ? ` (${formatInZone(waiting.slot, zone)} on the new clock)` : '';
  const digest = `The digest of ${formatInZone(waiting.slot, scheduledIn)}${onNewClock}`;
  const retry = 'retryAt' in waiting && waiting.retryAt ? ` ${tryAgainWords(waiting.retryAt, zone, now)}` : '';
  switch (waiting.settings) {
    case 'new':
      return plainLine(`${digest}, waiting to retry, goes out with these settings${retry}.`);
    case 'skipped':
      return plainLine(`${digest}, waiting to retry, holds nothing with these settings, so it was skipped.`);
    case 'as-was':
      return plainLine(
        waiting.because === 'sending'
          ? `${digest} is being posted right now with the previous settings; the next digest uses these.`
          : `${digest} was partly posted before the platform refused the rest, so it is finished as it began${retry ? ` (next try${retry})` : ''}; the next digest uses these settings.`,
      );
  }
}

/**
 * `kept`: the settings a change of subscription took over because their options were left out;
 * `resumed`: the pause the subscription was under, which subscribing again lifted; `waiting`: the
 * digest still on its way, and what became of it.
 */
export function subscribedView(
  sub: SubscriptionInfo,
  created: boolean,
  now: Date,
  confirmation: ConfirmationOutcome,
  kept: readonly string[] = [],
  resumed?: SubscriptionInfo['paused'],
  waiting?: WaitingDigest,
): View {
  const keptLine = (): Line => [
    span.plain(`Kept as they were: ${kept.join(' · ')}. Give an option again to change it; `),
    span.code('topic:none'),
    span.plain(', '),
    span.code('type:none'),
    span.plain(' or '),
    span.code('actor:none'),
    span.plain(' drops that filter.'),
  ];
  // The failure that paused it is told as past in the intro: listed as the last digest, it reads as still failing.
  const shown = resumed && sub.lastDelivery?.status === 'failed' ? { ...sub, lastDelivery: undefined } : sub;
  return {
    title: created ? 'Digest subscribed' : resumed ? 'Digest resumed' : 'Digest updated',
    tone: 'success',
    intro: [
      created
        ? plainLine('This channel will receive a digest of what changes in the dossier.')
        : resumed
          ? resumedLine(resumed, sub.timezone)
          : plainLine('This channel’s digest now uses these settings; nothing already sent is repeated.'),
      ...(!created && kept.length > 0 ? [keptLine()] : []),
      ...(waiting ? [waitingLine(waiting, sub.timezone, now)] : []),
      confirmationLine(confirmation, sub.channel.platform),
    ],
    sections: [{ lines: subscriptionLines(shown, now) }],
    footer: [span.plain('See what it would hold now: '), span.command('digest preview')],
    private: true,
  };
}

function resumedLine(paused: NonNullable<SubscriptionInfo['paused']>, zone: string): Line {
  return [
    span.plain(`This channel’s digest was paused since ${formatInZone(paused.at, zone)} (`),
    ...errorSpans(paused.reason),
    span.plain('): it is resumed, with these settings. Its next digest includes what changed since the last one delivered here.'),
  ];
}

/**
 * The preview of a channel that has had no digest yet: there is no last digest to count from, so
 * it says so, and that the first one holds what changed since the channel subscribed.
 */
export function firstDigestPreview(preview: View, sub: SubscriptionInfo, now: Date): View {
  const due = sub.paused ? '' : sub.nextRunAt <= now ? ', due now,' : `, due ${formatInZone(sub.nextRunAt, sub.timezone)},`;
  return {
    ...preview,
    intro: [plainLine(`No digest has been sent since this channel subscribed. The first one${due} will hold the changes made since it subscribed; so far:`), ...(preview.intro ?? [])],
  };
}

/** A send-now's answer while the channel's digest waits to retry: when, in the channel's zone. */
function waitingToRetryText(waiting: NonNullable<Extract<SendOutcome, { status: 'busy' }>['waiting']>, zone: string, now: Date | undefined): Line {
  const why = waiting.error ? [span.plain(' ('), ...errorSpans(waiting.error), span.plain(')')] : [];
  return [
    span.plain(`This channel’s digest of ${formatInZone(waiting.slot, zone)} is waiting to retry: the platform refused it for now`),
    ...why,
    span.plain(`. Sitrep tries again ${tryAgainWords(waiting.retryAt, zone, now)}; once it is out, a send-now posts what changed since.`),
  ];
}

/** What a send-now did; `sub` is the subscription as it stands after it, `now` when it was answered. */
export function sendOutcomeView(outcome: SendOutcome, sub?: SubscriptionInfo, now?: Date): View {
  const zone = sub?.timezone ?? 'UTC';
  const view = (title: string, tone: View['tone'], text: string | Line): View => ({ title, tone, intro: [typeof text === 'string' ? plainLine(text) : text], sections: [], private: true });
  const subscribeAgain = (before: string, after: string): Line => [span.plain(before), span.command('digest subscribe'), span.plain(after)];
  switch (outcome.status) {
    case 'delivered': {
      const posted = `Posted in ${plural(outcome.messages, 'message')}${!outcome.empty ? '' : outcome.first ? ', saying nothing has changed yet' : ', saying nothing changed since the last digest'}.`;
      // A send-now does not resume a paused subscription: say so, or the admin waits for digests that never come.
      return view(
        'Digest sent',
        'success',
        sub?.paused
          ? subscribeAgain(`${posted} This channel’s digest stays paused, so no scheduled digest follows: run `, ' here again to resume it.')
          : `${posted} The next digest starts from here.`,
      );
    }
    case 'skipped':
      return view('Nothing to send', 'normal', 'Nothing changed since the last digest.');
    case 'retrying':
      return view('Digest delayed', 'normal', [
        span.plain('The platform refused it for now ('),
        ...errorSpans(outcome.error),
        span.plain(`); Sitrep retries ${tryAgainWords(outcome.retryAt, zone, now)}.`),
      ]);
    case 'failed':
      return view(
        'Digest not sent',
        'error',
        outcome.paused ? [...errorSpans(outcome.error), ...subscribeAgain('. The subscription is paused; fix the channel, then run ', ' again.')] : errorSpans(outcome.error),
      );
    case 'busy':
      return outcome.waiting
        ? view('Digest waiting to retry', 'normal', waitingToRetryText(outcome.waiting, zone, now))
        : view('Digest already on its way', 'normal', 'A digest for this channel is being sent right now; try again in a minute.');
  }
}
