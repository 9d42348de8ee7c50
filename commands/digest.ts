// /digest — scheduled digests of what changed in the dossier, per channel: subscribe,
// unsubscribe, list, preview and send-now.
import { resolveActor } from '../src/core/actor-resolution.js';
import { describeCaller } from '../src/core/caller.js';
import { subscribeRefusedError } from '../src/core/digest/confirmation.js';
import type { CommandContext, CommandSpec } from '../src/core/command-spec.js';
import type { DigestFilters } from '../src/core/digest/changes.js';
import { parseSchedule, refusedForTiming, scheduleWords } from '../src/core/digest/schedule.js';
import type { ChannelKey, SubscriptionInfo } from '../src/core/digest/service.js';
import { filtersText, firstDigestPreview, listView, sendOutcomeView, subscribedView, subscriptionLines } from '../src/core/digest/views.js';
import { canonicalTimeZone, closestTimeZones, fixedOffsetReading, isFixedOffsetZone } from '../src/core/digest/zoned-time.js';
import { zonesForAbbreviation } from '../src/core/digest/zone-abbreviations.js';
import { checkAll, UserError } from '../src/core/errors.js';
import { closestNames } from '../src/core/ranking.js';
import type { EventType } from '../src/core/vocabulary.js';
import { plainLine, span, type View } from '../src/core/view.js';
import { eventTypeChoices, eventTypeOption, resolveTopic, topicOption } from './shared-options.js';

function channelOf(ctx: CommandContext): ChannelKey {
  const { platform, workspaceId, channelId } = ctx.caller;
  if (!channelId) {
    throw new UserError('invalid-option', 'Digests are per channel, and this request came from none.', [
      'Run the command in the channel that should receive the digest.',
    ]);
  }
  return { platform, workspaceId: workspaceId ?? '', channelId };
}

/**
 * Another channel of the caller's workspace, by the id /digest list shows: a deleted channel's
 * subscription can only be removed from elsewhere. A channel picked from the platform's `#` menu
 * reaches the core as its id (each adapter sees to it); a pasted mention (<#123>, <#C123|name>)
 * works too.
 */
function otherChannelArg(text: string, ctx: CommandContext): ChannelKey {
  const id = text.trim().replace(/^<#([^>|]+)(?:\|[^>]*)?>$/, '$1').replace(/^#/, '');
  return { platform: ctx.caller.platform, workspaceId: ctx.caller.workspaceId ?? '', channelId: id };
}

function scheduleArg(text: string) {
  const result = parseSchedule(text);
  if (result.ok) return result.schedule;
  // A valid schedule refused for when it runs: naming the forms would suggest it has none.
  if (refusedForTiming(result)) throw new UserError('invalid-option', `Option \`schedule\` of /digest subscribe — got \`${text}\`: ${result.problem}.`, [], 'schedule');
  throw new UserError(
    'invalid-option',
    `Option \`schedule\` of /digest subscribe must be \`daily HH:MM\`, \`weekly DAY HH:MM\` or a 5-field cron expression — got \`${text}\`` +
      (result.problem ? `: ${result.problem}.` : '.'),
    ['Examples: daily 08:00 · weekly mon 09:00 · 0 8 * * 1-5 (weekdays at 08:00) · 0 * * * * (every hour).'],
    'schedule',
  );
}

const REGION_NOT_OFFSET = 'name the region, so daylight saving time is right';

/** `Etc/GMT+5`: refused as offsets are, with its real offset, since Etc/ names reverse the sign. */
function fixedOffsetHints(typed: string): string[] {
  const { real, misread } = fixedOffsetReading(typed);
  return [
    `Fixed offsets such as ${typed} are not accepted, nor are other offsets (+02:00) and abbreviations (EST, CET): ${REGION_NOT_OFFSET}.`,
    `${typed} is ${real} all year, not ${misread}: Etc/ names reverse the sign.`,
  ];
}

/** Zones close to a refused name; an abbreviation is said to be one, with the region's zone it is written for. */
function closeZonesHint(typed: string, close: readonly string[]): string {
  const names = close.map((zone) => `\`${zone}\``).join(', ');
  if (close.length === 0) return `Offsets (+02:00) and abbreviations (EST, CET) are not accepted: ${REGION_NOT_OFFSET}.`;
  if (zonesForAbbreviation(typed)) return `Abbreviations such as ${typed} are not accepted: ${REGION_NOT_OFFSET}. Did you mean ${close.length === 1 ? names : `one of ${names}`}?`;
  return `Closest time zones: ${names}.`;
}

function timezoneArg(text: string): string {
  const typed = text.trim();
  const fixed = isFixedOffsetZone(typed);
  const zone = fixed ? undefined : canonicalTimeZone(typed);
  if (zone) return zone;
  // A fixed offset first: a zone list that holds Etc/ names would otherwise "suggest" the name refused.
  const close = fixed ? [] : closestTimeZones(typed, (names, t) => closestNames(names, t));
  throw new UserError(
    'invalid-option',
    `Option \`timezone\` of /digest subscribe must be an IANA time zone such as \`Europe/Paris\` or \`America/New_York\` — got \`${text}\`.`,
    fixed
      ? fixedOffsetHints(typed)
      : [closeZonesHint(typed, close)],
    'timezone',
  );
}

/**
 * The schedule asked for, or none to keep the channel's own; a channel with no digest yet needs
 * one, and the refusal says why (a filter alone has nothing to attach to).
 */
function scheduleOrKept(args: Readonly<Record<string, unknown>>, current: SubscriptionInfo | undefined) {
  if (args.schedule !== undefined) return scheduleArg(String(args.schedule));
  if (current) return undefined;
  throw new UserError(
    'missing-option',
    '/digest subscribe needs option `schedule`: this channel has no digest yet, so there is no schedule to keep.',
    ['schedule: daily 08:00, weekly mon 09:00 or a cron expression, e.g. schedule:"daily 08:00".'],
    'schedule',
  );
}

/** The reply when the channel's digest already had these settings: nothing was posted there. */
function unchangedView(sub: SubscriptionInfo, now: Date): View {
  return {
    title: 'Digest unchanged',
    tone: 'normal',
    intro: [plainLine('This channel’s digest already has these settings, so nothing changed and nothing was posted in the channel.')],
    sections: [{ lines: subscriptionLines(sub, now) }],
    footer: [span.plain('See what it would hold now: '), span.command('digest preview')],
    private: true,
  };
}

/** Typed as a filter's value, drops that filter from the channel's digest. */
const NO_FILTER = 'none';
const isNone = (value: unknown) => String(value).trim().toLowerCase() === NO_FILTER;

interface SubscribeSettings {
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  card: boolean;
  /** The actor filter was not given: the stored one stays as subscribed. */
  keepActor: boolean;
  /** The settings taken over from the channel's subscription, as the reply names them. */
  kept: string[];
}

/**
 * The settings a subscribe asks for. Changing a channel's subscription, an option left out keeps
 * its value (subscribing again is how a schedule is changed); `none` drops a filter.
 */
function settingsArg(args: Readonly<Record<string, unknown>>, ctx: CommandContext, current: SubscriptionInfo | undefined): SubscribeSettings {
  const before = current?.filters ?? {};
  const kept: string[] = [];
  const filters: DigestFilters = {};
  let keepActor = false;
  let timezone!: string;
  // Each wrong value is named in the same refusal (checkAll keeps the order of the options).
  const checks: (() => void)[] = [];
  if (args.timezone !== undefined) checks.push(() => void (timezone = timezoneArg(String(args.timezone))));
  else if (current) kept.push(`time zone ${(timezone = current.timezone)}`);
  else timezone = ctx.services.digests.defaultTimeZone;
  if (args.topic !== undefined) {
    if (!isNone(args.topic)) checks.push(() => void (filters.topic = resolveTopic(ctx.services.dossier, String(args.topic))));
  } else if (before.topic) kept.push(filtersText({ topic: (filters.topic = before.topic) }));
  if (args.type !== undefined) {
    if (!isNone(args.type)) filters.eventType = args.type as EventType;
  } else if (before.eventType) kept.push(filtersText({ eventType: (filters.eventType = before.eventType) }));
  if (args.actor !== undefined) {
    if (!isNone(args.actor)) {
      checks.push(() => {
        const actor = resolveActor(ctx.services.dossier, String(args.actor));
        filters.actorId = actor.id;
        filters.actorName = actor.name;
      });
    }
  } else if (before.actorId !== undefined) {
    const { actorId, actorName, actorWas } = before;
    Object.assign(filters, { actorId }, actorName ? { actorName } : {}, actorWas ? { actorWas } : {});
    keepActor = true;
    kept.push(actorName ? filtersText({ actorName, ...(actorWas ? { actorWas } : {}) }) : `actor #${actorId}`);
  }
  const skipEmpty = args.skip_empty === undefined ? current?.skipEmpty === true : args.skip_empty === true;
  if (args.skip_empty === undefined && skipEmpty) kept.push('skips empty digests');
  const card = args.card === undefined ? current?.card !== false : args.card !== false;
  if (args.card === undefined && !card) kept.push('no card');
  checkAll(checks);
  return { timezone, filters, skipEmpty, card, keepActor, kept };
}

export const digestCommand: CommandSpec = {
  name: 'digest',
  description: 'Scheduled digests of what changed in the dossier, posted in this channel',
  subcommands: [
    {
      name: 'subscribe',
      description: 'Post a digest in this channel on a schedule (again to change it: options left out are kept)',
      adminOnly: true,
      options: [
        // Not required: a subscribed channel changing a filter keeps its schedule (the run checks a new one gives it).
        { name: 'schedule', description: 'daily 08:00, weekly mon 09:00 or a cron expression (left out: kept)', type: 'text', maxLength: 100, example: '"daily 08:00"' },
        { name: 'timezone', description: 'IANA time zone of the schedule, e.g. Europe/Paris (default: the bot’s)', type: 'text', maxLength: 64, example: 'Europe/Paris' },
        { ...topicOption, description: `Only this dossier, e.g. syria-israel (${NO_FILTER}: every topic)` },
        { ...eventTypeOption, description: `Only this event type (${NO_FILTER}: every type)`, choices: [...eventTypeChoices, { value: NO_FILTER, label: `${NO_FILTER} — every type` }] },
        { name: 'actor', description: `Only changes involving this actor (${NO_FILTER}: any actor)`, type: 'actor', maxLength: 100, autocomplete: 'actor', example: '"Ron Dermer"' },
        { name: 'skip_empty', description: 'Send nothing when nothing changed (default: say so)', type: 'boolean', example: 'true' },
        { name: 'card', description: 'Open each digest with a picture of entries added by type (default: true)', type: 'boolean', example: 'false' },
      ],
      examples: ['schedule:"daily 08:00" timezone:Europe/Paris topic:syria-israel', 'schedule:"weekly mon 09:00" skip_empty:true', 'schedule:"0 8 * * 1-5"'],
      async run(args, ctx) {
        const channel = channelOf(ctx);
        const current = ctx.services.digests.find(channel);
        let schedule!: ReturnType<typeof scheduleOrKept>;
        let settings!: SubscribeSettings;
        // A wrong schedule and a wrong time zone (or filter) in one refusal, not one after the other.
        checkAll([() => void (schedule = scheduleOrKept(args, current)), () => void (settings = settingsArg(args, ctx, current))]);
        const { timezone, filters, skipEmpty, card, keepActor, kept } = settings;
        if (!schedule && current) kept.unshift(`schedule ${scheduleWords(current.schedule).words ?? current.schedule}`);
        // The reply reaches the admin through the interaction even where Sitrep may not post:
        // the service posts a confirmation in the channel first, and stores nothing if refused.
        const outcome = await ctx.services.digests.subscribe({
          channel,
          ...(schedule ? { schedule } : {}),
          timezone,
          filters,
          skipEmpty,
          card,
          ...(keepActor ? { keepActor } : {}),
          by: describeCaller(ctx.caller),
          byName: ctx.caller.displayName ?? describeCaller(ctx.caller),
          ...(ctx.caller.context ? { context: ctx.caller.context } : {}),
        });
        if (outcome.status === 'refused') throw subscribeRefusedError(outcome);
        if (outcome.status === 'unchanged') return unchangedView(outcome.subscription, ctx.now());
        return subscribedView(outcome.subscription, outcome.created, ctx.now(), outcome.confirmation, kept, current?.paused, outcome.waiting);
      },
    },
    {
      name: 'unsubscribe',
      description: 'Stop this channel’s digest, or another channel’s in this workspace',
      adminOnly: true,
      options: [
        { name: 'channel', description: 'Another channel: pick it with #, or give the id /digest list shows (e.g. a deleted one’s)', type: 'text', maxLength: 100, example: '#newsroom-digest' },
      ],
      run(args, ctx) {
        const other = args.channel ? otherChannelArg(String(args.channel), ctx) : undefined;
        const target = other ?? channelOf(ctx);
        const here = !other || other.channelId === ctx.caller.channelId;
        if (!ctx.services.digests.unsubscribe(target)) {
          const what = here ? 'This channel has' : `Channel ${target.channelId} has`;
          const how = here ? 'See the workspace’s digests with /digest list.' : 'Pick the channel with # as you type, or give the id /digest list shows for it.';
          throw new UserError('not-found', `${what} no digest to stop${here ? '' : ' in this workspace'}.`, [how]);
        }
        const done = here ? 'This channel will receive no more digests.' : `Channel ${target.channelId} will receive no more digests.`;
        return { title: 'Digest stopped', tone: 'success', intro: [plainLine(done)], sections: [], private: true };
      },
    },
    {
      name: 'list',
      description: 'Digests of this workspace, with their next run and state',
      readOnly: true,
      run(_args, ctx) {
        const here = channelOf(ctx);
        const subs = ctx.services.digests.list({ platform: here.platform, workspaceId: here.workspaceId });
        return listView(subs, here, ctx.now());
      },
    },
    {
      name: 'preview',
      description: 'What this channel’s next digest would hold if it were sent now',
      readOnly: true,
      run(_args, ctx) {
        const channel = channelOf(ctx);
        const preview = ctx.services.digests.preview(channel);
        const sub = ctx.services.digests.find(channel);
        const view = sub && !sub.lastDelivery ? firstDigestPreview(preview, sub, ctx.now()) : preview;
        return { ...view, private: true };
      },
    },
    {
      name: 'send-now',
      description: 'Send this channel’s digest now; the next one starts from here',
      adminOnly: true,
      async run(_args, ctx) {
        const channel = channelOf(ctx);
        const outcome = await ctx.services.digests.sendNow(channel);
        return sendOutcomeView(outcome, ctx.services.digests.find(channel), ctx.now());
      },
    },
  ],
};
