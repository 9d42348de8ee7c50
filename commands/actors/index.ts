// /actors — the actor directory: everyone lists; admins add, edit (and rename), alias, merge and unmerge.
// (/actor NAME stays the lookup: on Discord a command with subcommands cannot be called bare.)
import { resolveActor, resolveActorExactly } from '../../src/core/actor-resolution.js';
import { isolated } from '../../src/core/bidi-isolate.js';
import type { CommandArgs, CommandSpec, CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import type { ActorMatch } from '../../src/core/domain.js';
import type { ActorPatch, HeldName } from '../../src/core/editor-port.js';
import { pageInfo, pageRequest } from '../../src/core/entry-views.js';
import { UserError } from '../../src/core/errors.js';
import { fieldOptionNames, humanize, type ActorKind } from '../../src/core/vocabulary.js';
import { foldKey, plural } from '../../src/core/text.js';
import { invocationSpan } from '../../src/core/command-refs.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { limitOption, pageOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { actorLookupView } from '../actor.js';
import { actorFieldOptions, actorKindChoices, actorNameOption, actorTextOption } from './options.js';

/** As long as a name may be typed to look an actor up (the `name` options take 100). */
const MAX_NAME_LENGTH = 100;

/**
 * A name or alias an actor can be found by. Names are matched by their letters and digits, so
 * one with none (`👍`, `!!!`) would answer every such text (`/actor ?`) and block all others; and
 * one longer than a `name` option takes could never be typed back.
 */
function usableName(name: string, option: string): string {
  if (foldKey(name) === '') {
    throw new UserError('invalid-option', `Option \`${option}\`: \`${name}\` has no letter or digit, and actors are found by theirs.`, [], option);
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new UserError('invalid-option', `Option \`${option}\`: \`${name}\` is ${name.length} characters; a name may have ${MAX_NAME_LENGTH}.`, [
      'Names are separated by commas.',
    ], option);
  }
  return name;
}

const splitAliases = (text: string, option = 'aliases') =>
  [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].map((alias) => usableName(alias, option));

function affiliationId(args: CommandArgs, ctx: CommandContext): number | null | undefined {
  if (args.affiliation === undefined) return undefined;
  if (String(args.affiliation).toLowerCase() === 'none') return null;
  return resolveActor(ctx.services.dossier, String(args.affiliation), 'affiliation').id;
}

/** The profile view /actor shows, after a change. */
function profileAfterChange(ctx: CommandContext, name: string, note: string | Line): View {
  const view = actorLookupView(ctx.services.dossier, name);
  return { ...view, tone: 'success', intro: [typeof note === 'string' ? plainLine(note) : note, ...(view.intro ?? [])] };
}

const add: SubcommandSpec = {
  name: 'add',
  description: 'Add an actor (admins)',
  adminOnly: true,
  options: [
    actorTextOption({ name: 'name', description: 'Canonical name, e.g. Morgan Ortagus', required: true, maxLength: 100, example: '"Morgan Ortagus"' }),
    ...actorFieldOptions(true, { title: '"US deputy special envoy for the Middle East"', aliases: 'Ortagus' }),
  ],
  examples: ['name:"Morgan Ortagus" kind:person title:"US deputy special envoy for the Middle East" affiliation:"United States" aliases:Ortagus'],
  run(args, ctx) {
    const affiliation = affiliationId(args, ctx);
    const name = usableName(String(args.name), 'name');
    ctx.services.editor.addActor(
      {
        name,
        kind: args.kind as ActorKind,
        aliases: args.aliases ? splitAliases(String(args.aliases)) : [],
        ...(args.title ? { title: String(args.title) } : {}),
        ...(affiliation ? { affiliationId: affiliation } : {}),
      },
      stampOf(ctx),
    );
    return profileAfterChange(ctx, name, `Added actor ${name}.`);
  },
};

/** The fields /actors edit changes besides the name, by their options. */
const FIELD_OPTIONS = ['kind', 'title', 'affiliation', 'aliases'] as const;

/**
 * `/actors edit name:OLD new_name:NEW`: a rename, a change of its own (one revision, one reply
 * saying what became of the old name, and the edit that takes it back).
 */
function renameView(actor: ActorMatch, args: CommandArgs, ctx: CommandContext): View {
  if (args.new_name === undefined) {
    throw new UserError('missing-option', 'Option `keep_old` goes with `new_name`: it says whether the old name stays an alias.', [], 'keep_old');
  }
  const other = FIELD_OPTIONS.find((option) => args[option] !== undefined);
  if (other !== undefined) {
    throw new UserError('invalid-option', `Option \`${other}\`: a rename is a change of its own; change ${other} with a second /actors edit.`, [], other);
  }
  const newName = usableName(String(args.new_name), 'new_name');
  const renamed = ctx.services.editor.renameActor(actor.id, newName, args.keep_old !== false, stampOf(ctx));
  const { from, to } = renamed;
  const was = renamed.wasAlias ? ' (until now its alias)' : '';
  const oldName = { alias: `; “${from}” is kept as an alias.`, dropped: `; “${from}” is no longer one of its names.`, respelled: '.' }[renamed.oldName];
  // Renaming back restores the names as they were: the new one dropped unless it was an alias.
  const keepNew = renamed.wasAlias || renamed.oldName === 'respelled';
  const back = invocationSpan({ command: 'actors', subcommand: 'edit', args: { name: to, new_name: from, ...(keepNew ? {} : { keep_old: 'false' }) } });
  return profileAfterChange(ctx, to, [span.plain(`Renamed ${from} to ${to}${was}${oldName} To take it back: `), back]);
}

const edit: SubcommandSpec = {
  name: 'edit',
  description: 'Rename an actor, or change its kind, title, affiliation or aliases (admins)',
  adminOnly: true,
  options: [
    actorNameOption('The actor to change'),
    actorTextOption({ name: 'new_name', description: 'Its name from now on; the old one stays an alias', maxLength: MAX_NAME_LENGTH, example: '"Thomas Barrack"' }),
    { name: 'keep_old', description: 'Keep the old name as an alias (default: true)', type: 'boolean', example: 'true' },
    ...actorFieldOptions(false),
  ],
  examples: ['name:Dermer title:"Former Strategic Affairs Minister"', 'name:"Tom Barrack" new_name:"Thomas Barrack"'],
  run(args, ctx) {
    const actor = resolveActor(ctx.services.dossier, String(args.name), 'name');
    if (args.new_name !== undefined || args.keep_old !== undefined) return renameView(actor, args, ctx);
    const patch: ActorPatch = {};
    if (args.kind !== undefined) patch.kind = args.kind as ActorKind;
    // `none` clears it, as for affiliation: an empty option cannot be sent on every platform.
    if (args.title !== undefined) patch.title = String(args.title).toLowerCase() === 'none' ? '' : String(args.title);
    const affiliation = affiliationId(args, ctx);
    if (affiliation !== undefined) patch.affiliationId = affiliation;
    if (args.aliases !== undefined) patch.aliases = splitAliases(String(args.aliases));
    if (Object.keys(patch).length === 0) {
      throw new UserError('missing-option', '/actors edit needs new_name, kind, title, affiliation or aliases to change.');
    }
    const changed = ctx.services.editor.editActor(actor.id, patch, stampOf(ctx));
    return profileAfterChange(ctx, actor.name, `Updated ${actor.name}: ${fieldOptionNames(changed)}.`);
  },
};

const alias: SubcommandSpec = {
  name: 'alias',
  description: 'Add or remove one alias of an actor (admins)',
  adminOnly: true,
  options: [
    actorNameOption('The actor'),
    actorTextOption({ name: 'add', description: 'Alias to add', maxLength: 100, example: '"Thomas J. Barrack"' }),
    actorTextOption({ name: 'remove', description: 'Alias to remove', maxLength: 100, example: 'Barrack' }),
  ],
  examples: ['name:Barrack add:"Thomas J. Barrack"', 'name:Barrack remove:"Thomas Barrack"'],
  run(args, ctx) {
    if ((args.add === undefined) === (args.remove === undefined)) {
      throw new UserError('missing-option', '/actors alias needs exactly one of `add` or `remove`.');
    }
    const actor = resolveActor(ctx.services.dossier, String(args.name), 'name');
    const stamp = stampOf(ctx);
    if (args.add !== undefined) ctx.services.editor.addAlias(actor.id, usableName(String(args.add), 'add'), stamp);
    else ctx.services.editor.removeAlias(actor.id, String(args.remove), stamp);
    const note = args.add !== undefined ? `Added alias “${String(args.add)}”.` : `Removed alias “${String(args.remove)}”.`;
    return profileAfterChange(ctx, actor.name, note);
  },
};

const merge: SubcommandSpec = {
  name: 'merge',
  description: 'Fold a duplicate actor into another: links, aliases and history move over (admins)',
  adminOnly: true,
  options: [actorNameOption('The duplicate to fold away (full name or alias)', 'from', '"T. Barrack"'), actorNameOption('The actor to keep (full name or alias)', 'into')],
  examples: ['from:"T. Barrack" into:"Tom Barrack"'],
  run(args, ctx) {
    // Names must be exact: a merge moves every link, so a guess could fold the wrong actor.
    const from = resolveActorExactly(ctx.services.dossier, String(args.from), 'from');
    const into = resolveActorExactly(ctx.services.dossier, String(args.into), 'into');
    if (from.id === into.id) {
      throw new UserError('invalid-option', `\`${String(args.from)}\` and \`${String(args.into)}\` both name ${into.name}: nothing to merge.`);
    }
    const { links } = ctx.services.editor.mergeActors(from.id, into.id, stampOf(ctx));
    // Kinds differ when a merge folds, say, a leader into their state: the kept profile stays its own.
    const kinds = from.kind === into.kind ? '' : ` ${from.name} was ${kindWords(from.kind)} and ${into.name} is ${kindWords(into.kind)}: ${into.name} does not take ${from.name}'s title or affiliation.`;
    const moved = links === 0 ? `${from.name} was on no entry, so no link moved` : `${links} entry ${links === 1 ? 'link' : 'links'} moved`;
    const note = `Merged ${from.name} into ${into.name}: ${moved}; “${from.name}” is now an alias.${kinds}`;
    const back = invocationSpan({ command: 'actors', subcommand: 'unmerge', args: { name: from.name } });
    return profileAfterChange(ctx, into.name, [span.plain(`${note} To take it back: `), back]);
  },
};

/** An actor's kind after `was` or `is`: `a person`, `an armed group`, `of another kind`. */
function kindWords(kind: ActorKind): string {
  if (kind === 'other') return 'of another kind';
  if (kind === 'unknown') return 'of no kind given';
  const label = humanize(kind);
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** What to do about a name that stayed with the actor holding it now (`from`: the one it was separated from). */
function heldNameLine(back: string, from: string, held: HeldName): Line {
  const quoted = `“${held.name}”`;
  // Folding the actor it was just separated from back in would undo the unmerge: that one is renamed instead.
  if (held.itsName && held.heldBy === from) {
    return [
      span.plain(`${quoted} did not come back: ${from}, which ${back} was separated from, is now called so itself. To move it to ${back}, give ${from} another name without keeping this one, then add it: `),
      span.command('actors edit', `name:"${from}" new_name:NAME keep_old:false`),
      span.plain(', then '),
      invocationSpan({ command: 'actors', subcommand: 'alias', args: { name: back, add: held.name } }),
    ];
  }
  if (held.itsName) {
    return [
      span.plain(`${quoted} did not come back: it is now the name of another actor. If the two are one actor, fold that one in, and ${quoted} becomes an alias of ${back}: `),
      invocationSpan({ command: 'actors', subcommand: 'merge', args: { from: held.heldBy, into: back } }),
    ];
  }
  return [
    span.plain(`${quoted} did not come back: it is now an alias of ${held.heldBy}. To move it back: `),
    invocationSpan({ command: 'actors', subcommand: 'alias', args: { name: held.heldBy, remove: held.name } }),
    span.plain(', then '),
    invocationSpan({ command: 'actors', subcommand: 'alias', args: { name: back, add: held.name } }),
  ];
}

const unmerge: SubcommandSpec = {
  name: 'unmerge',
  description: 'Take back a merge: the folded actor returns with its names and links (admins)',
  adminOnly: true,
  options: [
    actorTextOption({ name: 'name', description: 'A name the merged actor had, e.g. T. Barrack', required: true, maxLength: 100, example: '"T. Barrack"' }),
    actorTextOption({ name: 'as', description: 'A name to come back under, when its own now names another actor', maxLength: 100, example: '"T. Barrack (2)"' }),
  ],
  examples: ['name:"T. Barrack"'],
  run(args, ctx) {
    const as = args.as === undefined ? undefined : usableName(String(args.as).trim(), 'as');
    const back = ctx.services.editor.unmergeActor(String(args.name), stampOf(ctx), as);
    const fromName = ctx.services.dossier.getActorProfile(back.fromId)?.name ?? `actor ${back.fromId}`;
    const links = back.links === 0 ? 'no entry link to move back.' : `${back.links} entry ${back.links === 1 ? 'link' : 'links'} moved back.`;
    const note = back.renamedFrom === undefined
      ? `Separated ${back.name} from ${fromName} again: ${links}`
      : `Separated ${back.renamedFrom} from ${fromName} again, now named ${back.name}: ${links}`;
    const view = profileAfterChange(ctx, back.name, note);
    // Right under the note: the names that stayed where they are, each with its fix.
    return { ...view, intro: [view.intro![0]!, ...back.held.map((held) => heldNameLine(back.name, fromName, held)), ...view.intro!.slice(1)] };
  },
};

const DEFAULT_LIST_LIMIT = 25;
const list: SubcommandSpec = {
  name: 'list',
  description: 'All actors, optionally of one kind',
  readOnly: true,
  options: [
    { name: 'kind', description: 'Only this kind, e.g. person', type: 'choice', choices: actorKindChoices, example: 'person' },
    limitOption(DEFAULT_LIST_LIMIT),
    pageOption,
  ],
  examples: ['', 'kind:person'],
  run(args, ctx) {
    const request = pageRequest(args, DEFAULT_LIST_LIMIT);
    const result = ctx.services.dossier.listActors(args.kind as ActorKind | undefined, request.limit, request.offset);
    const { pager, intro } = pageInfo({ command: 'actors', subcommand: 'list' }, args, request, result, ['actor', 'actors']);
    return {
      title: args.kind ? `Actors — ${humanize(String(args.kind))}` : 'Actors',
      tone: 'normal',
      intro: [intro],
      sections: [
        {
          lines: result.items.map((a) => [
            span.bold(isolated(a.name)),
            span.plain(` — ${humanize(a.kind)}${a.title ? `, ${isolated(a.title)}` : ''} · ${plural(a.entryCount, 'entry', 'entries')}`),
          ]),
        },
      ],
      ...(result.items.length > 0 ? { footer: [span.plain('Profile: '), span.command('actor', 'NAME')] } : {}),
      pager,
    };
  },
};

export const actorsCommand: CommandSpec = {
  name: 'actors',
  description: 'The actor directory; admins add, edit, alias, merge and unmerge actors',
  subcommands: [list, add, edit, alias, merge, unmerge],
};
