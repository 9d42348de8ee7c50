// /watch — anyone follows an actor, a place or a topic for themselves and gets a direct message
// when an entry involving it is added, corrected, removed or restored: /watch add, /watch list,
// /watch stop, and /watch resume once direct messages are open again.
import type { CommandArgs, CommandContext, CommandSpec, OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { foldKey } from '../../src/core/text.js';
import type { Watch, WatcherKey, WatchKind, WatchTarget } from '../../src/core/watch/watch-port.js';
import { actorFilterOption, placeFilterOption, topicOption } from '../shared-options.js';
import { namedKind, resolveTarget, sameTarget, watchesLabelled, type ResolvedTarget } from './targets.js';

const who = (ctx: CommandContext): WatcherKey => ({ platform: ctx.caller.platform, userId: ctx.caller.userId });

const targetOptions = (verb: string): OptionSpec[] => [
  { ...actorFilterOption, description: `${verb} this actor (name or alias)` },
  { ...placeFilterOption, description: `${verb} entries at this place or within it (Syria holds Sweida)` },
  { ...topicOption, description: `${verb} this dossier, e.g. syria-israel` },
];

const KIND_WORDS = { actor: 'actor', place: 'place', topic: 'topic' } as const;

function watchLine(watch: Watch): Line {
  return [span.bold(`#${watch.id}`), span.plain(` ${KIND_WORDS[watch.target.kind]} `), span.bold(watch.label)];
}

const STOP_FOOTER: Line = [span.plain('Your watches: '), span.command('watch list'), span.plain(' · stop one: '), span.command('watch stop', 'id:N'), span.plain(' · all: '), span.command('watch stop')];

function pausedLines(ctx: CommandContext): Line[] {
  const paused = ctx.services.watches.watcher(who(ctx))?.paused;
  if (!paused) return [];
  return [
    [span.bold('Paused: '), span.plain(`Sitrep could not send you a direct message (${paused.reason}), so nothing is sent.`)],
    [span.plain('Allow direct messages from Sitrep, then '), span.command('watch resume'), span.plain('.')],
  ];
}

/** The watch that follows it already, by its number and label: another spelling may have named the same place. */
function alreadyWatched(ctx: CommandContext, kind: WatchKind, target: WatchTarget, label: string): Line {
  const existing = ctx.services.watches.watches(who(ctx)).find((watch) => sameTarget(watch.target, target));
  if (!existing) return plainLine(`You already watch the ${KIND_WORDS[kind]} ${label}.`);
  const alias = foldKey(existing.label) === foldKey(label) ? '' : `; ${label} is the same ${KIND_WORDS[kind]}`;
  return plainLine(`You already watch the ${KIND_WORDS[kind]} ${existing.label} as watch #${existing.id}${alias}.`);
}

/** For a region and its seat of one name: which one the watch follows, and the command for the other. */
function otherPlaceLines({ other }: ResolvedTarget): Line[] {
  if (!other) return [];
  return [[span.plain(`That is ${other.watched}; for ${other.other}: `), span.command('watch add', `place:"${other.typed}"`), span.plain('.')]];
}

const addWatch: SubcommandSpec = {
  name: 'add',
  description: 'Get a direct message when an entry involving an actor, a place or a topic changes',
  personal: true,
  options: targetOptions('Watch'),
  examples: ['actor:"Ron Dermer"', 'place:Syria', 'topic:syria-israel'],
  run(args: CommandArgs, ctx: CommandContext): View {
    const kind = namedKind(args, 'add');
    if (!kind) {
      throw new UserError('invalid-option', 'Say what to watch: /watch add takes one of `actor`, `place` or `topic`.', ['For example: /watch add actor:"Ron Dermer" or /watch add place:Syria.'], 'actor');
    }
    const typed = String(args[kind]);
    // A watch's own name, as /watch list shows it, names that watch.
    const [own] = watchesLabelled(ctx.services.watches.watches(who(ctx)), kind, typed);
    const resolved: ResolvedTarget = own ? { target: own.target, label: own.label } : resolveTarget(kind, typed, ctx);
    const { target, label } = resolved;
    const added = ctx.services.watches.add({ ...who(ctx), context: ctx.caller.context ?? '' }, target, label, ctx.now());
    const intro: Line[] = added
      ? [plainLine(`You now watch the ${KIND_WORDS[kind]} ${label} as watch #${added.id}.`), plainLine('Sitrep sends you a direct message when an entry involving it is added, corrected, removed or restored: at most one every 10 minutes, with what changed.')]
      : [alreadyWatched(ctx, kind, target, label)];
    return { title: 'Watch', tone: 'success', intro: [...intro, ...otherPlaceLines(resolved), ...pausedLines(ctx)], sections: [], footer: STOP_FOOTER };
  },
};

const listWatches: SubcommandSpec = {
  name: 'list',
  description: 'What you watch, and whether your direct messages are paused',
  readOnly: true,
  examples: [''],
  run(_args, ctx) {
    const watches = ctx.services.watches.watches(who(ctx));
    if (watches.length === 0) {
      return { title: 'Your watches', tone: 'normal', intro: [plainLine('You watch nothing yet.')], sections: [], footer: [span.plain('Start: '), span.command('watch add', 'actor:NAME'), span.plain(', '), span.command('watch add', 'place:NAME'), span.plain(' or '), span.command('watch add', 'topic:TOPIC')] };
    }
    return {
      title: 'Your watches',
      tone: 'normal',
      intro: [plainLine(`You watch ${watches.length === 1 ? 'one thing' : `${watches.length} things`}; changes reach you as direct messages, at most one every 10 minutes.`), ...pausedLines(ctx)],
      sections: [{ lines: watches.map(watchLine) }],
      footer: STOP_FOOTER,
    };
  },
};

/**
 * The watches `/watch stop` names: by id, by a watch's name as /watch list shows it, by what they
 * follow, or all of them. A name that does not resolve is refused with the person's watches.
 */
function watchesToStop(args: CommandArgs, ctx: CommandContext, mine: readonly Watch[]): Watch[] {
  const kind = namedKind(args, 'stop');
  if (args.id !== undefined && kind) throw new UserError('invalid-option', 'Give either `id` or what the watch follows, not both.', [], 'id');
  if (args.id !== undefined) {
    const watch = mine.find((w) => w.id === args.id);
    if (!watch) throw notWatched(`#${String(args.id)}`, 'id', mine);
    return [watch];
  }
  if (!kind) return [...mine];
  const typed = String(args[kind]);
  const labelled = watchesLabelled(mine, kind, typed);
  if (labelled.length > 0) return labelled;
  const { target, label } = withYourWatches(() => resolveTarget(kind, typed, ctx), mine);
  const watch = mine.find((w) => sameTarget(w.target, target));
  if (!watch) throw notWatched(label, kind, mine);
  return [watch];
}

/** A refusal of what /watch stop names, with what the person does watch and how to stop one by its number. */
function withYourWatches<T>(resolve: () => T, mine: readonly Watch[]): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.code, error.message, [...error.hints, ...yourWatches(mine)], error.option);
  }
}

/** Labels hold commas of their own (`Quneitra region, Syria`): watches are set apart by semicolons. */
function yourWatches(mine: readonly Watch[]): string[] {
  if (mine.length === 0) return ['You watch nothing.'];
  return [`Your watches: ${mine.map((w) => `#${w.id} ${w.label}`).join('; ')}.`, `Stop one by its number: /watch stop id:${mine[0]!.id}.`];
}

function notWatched(what: string, option: string, mine: readonly Watch[]): UserError {
  return new UserError('not-found', `You do not watch ${what} (option \`${option}\`).`, yourWatches(mine), option);
}

const stopWatches: SubcommandSpec = {
  name: 'stop',
  description: 'Stop one watch (by id or by what it follows), or all of them',
  personal: true,
  options: [{ name: 'id', description: 'The watch, as /watch list numbers it', type: 'integer', min: 1, example: '3' }, ...targetOptions('Stop watching')],
  examples: ['id:3', 'actor:"Ron Dermer"', ''],
  run(args, ctx) {
    const mine = ctx.services.watches.watches(who(ctx));
    if (mine.length === 0) return { title: 'Watch stopped', tone: 'normal', intro: [plainLine('You watch nothing: there was nothing to stop.')], sections: [] };
    const chosen = watchesToStop(args, ctx, mine);
    const stopped = ctx.services.watches.stop(who(ctx), chosen.length === mine.length ? undefined : chosen.map((w) => w.id));
    const left = mine.length - stopped.length;
    return {
      title: stopped.length === 1 ? 'Watch stopped' : 'Watches stopped',
      tone: 'success',
      intro: [plainLine(`You no longer watch ${stopped.map((w) => w.label).join(', ')}.${left === 0 ? ' You watch nothing now: Sitrep sends you no more direct messages.' : ''}`)],
      sections: [],
      ...(left > 0 ? { footer: [span.plain('Still watched: '), span.command('watch list')] } : {}),
    };
  },
};

const resumeWatches: SubcommandSpec = {
  name: 'resume',
  description: 'Send your watch messages again after Sitrep could not reach you',
  personal: true,
  examples: [''],
  run(_args, ctx) {
    const resumed = ctx.services.watches.resume(who(ctx));
    const text = resumed
      ? 'Your watches are on again: changes from now on reach you as direct messages (those made while they were paused are not sent).'
      : 'Your watches are not paused: nothing to resume.';
    return { title: 'Watch', tone: resumed ? 'success' : 'normal', intro: [plainLine(text)], sections: [], footer: STOP_FOOTER };
  },
};

/** What a person follows is theirs: every answer is shown to them alone, not to the channel. */
function answeredPrivately(sub: SubcommandSpec): SubcommandSpec {
  return { ...sub, run: async (args, ctx) => ({ ...(await sub.run(args, ctx)), private: true }) };
}

export const watchCommand: CommandSpec = {
  name: 'watch',
  description: 'Direct messages when entries about an actor, a place or a topic you follow change',
  subcommands: [addWatch, listWatches, stopWatches, resumeWatches].map(answeredPrivately),
  typedDefault: 'add',
};
