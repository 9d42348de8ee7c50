// The confirmation /digest subscribe posts in the subscribed channel, and what the admin is told
// when the platform refuses it. The slash-command reply reaches the admin whether or not Sitrep
// may post in the channel; this post is what proves it may, before anything is stored.
import { accessHelpFor } from '../channel-confirmation.js';
import { markErrorCodes } from './error-codes.js';
import { UserError } from '../errors.js';
import { plainLine, span, type Line, type View } from '../view.js';
import type { DigestFilters } from './changes.js';
import type { SubscribeOutcome, SubscriptionInfo } from './service.js';
import { filtersText, scheduleSpans } from './views.js';
import { formatInZone } from './zoned-time.js';

export interface ConfirmationSettings {
  /** As people write it: `daily 08:00`, `weekly mon 09:00` or a cron expression. */
  schedule: string;
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  nextRunAt: Date;
  /** Who set it up, as the channel should read it. */
  byName: string;
  /** A new subscription, or new settings for the channel's existing one. */
  created: boolean;
}

/** `the syria-israel dossier (type Talks/negotiation · actor Ron Dermer)`. */
function subjectText(filters: DigestFilters): string {
  const { topic, ...narrowing } = filters;
  const dossier = topic ? `the ${topic} dossier` : 'the dossier';
  // The other filters read as /digest list shows them.
  return narrowing.eventType || narrowing.actorName ? `${dossier} (${filtersText(narrowing)})` : dossier;
}


/**
 * Posted through the digest poster, so it is rendered (and made inert: no mention pings, markup
 * escaped) exactly like a digest. The admin's name and the filters are data, kept in plain spans.
 */
export function confirmationView(c: ConfirmationSettings): View {
  const what = `a digest of ${subjectText(c.filters)} here `;
  const lines: Line[] = [
    [span.plain(c.created ? `Sitrep will post ${what}` : `From now on, Sitrep posts ${what}`), ...scheduleSpans(c.schedule, c.timezone), span.plain('.')],
    [span.italic('Next digest: '), span.plain(formatInZone(c.nextRunAt, c.timezone))],
  ];
  if (c.skipEmpty) lines.push(plainLine('When nothing changed, nothing is posted.'));
  lines.push([span.plain(`${c.created ? 'Set up' : 'Changed'} by ${c.byName}; `), span.command('digest unsubscribe'), span.plain(' stops it.')]);
  return { title: c.created ? 'Digest subscribed' : 'Digest changed', tone: 'normal', intro: lines, sections: [] };
}

/**
 * The reply to a subscribe whose confirmation the platform refused for good: nothing was stored.
 * How to let Sitrep post there comes from the poster that was refused, which knows its platform.
 */
export function subscribeRefusedError(outcome: Extract<SubscribeOutcome, { status: 'refused' }>): UserError {
  const current = outcome.current;
  const error = markErrorCodes(outcome.error);
  const message = current
    ? `Sitrep cannot post in this channel (${error}), so its digest was not changed.`
    : `Sitrep cannot post in this channel (${error}), so no digest was set up.`;
  return new UserError('conflict', message, [outcome.accessHelp ?? accessHelpFor(undefined, '/digest subscribe'), ...(current ? [keptLine(current)] : [])]);
}

/** The channel's digest stays as it was, and cannot arrive either until the channel is fixed. */
function keptLine(current: SubscriptionInfo): string {
  const settings = `${current.schedule} (${current.timezone})`;
  return current.paused
    ? `It stays paused, on ${settings}.`
    : `It keeps ${settings}; its next digest will be paused too unless Sitrep can post here by then.`;
}
