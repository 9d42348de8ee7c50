// /help — every command, or one command in detail, generated from the specs.
import { commandSpans } from '../src/core/command-refs.js';
import type { CommandSpec, OptionValue } from '../src/core/command-spec.js';
import { UserError } from '../src/core/errors.js';
import { leaves, optionHelp, overviewUsageSpan, usageSpan } from '../src/core/help.js';
import { closestNames } from '../src/core/ranking.js';
import { plainLine, span, type Line, type Section, type View } from '../src/core/view.js';

/** Spec wording is Sitrep's own: the commands it names are command spans. */
const described = (text: string, commands: readonly CommandSpec[]): Line => commandSpans(text, commands).filter((s) => s.text !== '');

function overview(commands: readonly CommandSpec[], isAdmin: boolean): View {
  const sections: Section[] = commands.map((command) => ({
    heading: [span.command(command.name), ...described(` — ${command.description}`, commands)],
    lines: leaves(command).map(({ path, leaf }) => [
      // A command of its own fills its field alone; subcommands share their command's field.
      command.subcommands ? overviewUsageSpan(path, leaf) : usageSpan(path, leaf),
      ...(leaf.adminOnly ? [span.italic(' (admins)')] : []),
    ]),
  }));
  return {
    title: 'Sitrep — commands',
    tone: 'normal',
    intro: [
      plainLine('A curated, sourced timeline of conflict and diplomacy updates.'),
      plainLine('Options are written name:value; quote values with spaces: actor:"Ron Dermer". Dates: 2025, 2025-07 or 2025-07-12 (or as shown: "12 Jul 2025"; or today, yesterday).'),
      ...(isAdmin ? [plainLine('You are a Sitrep admin here.')] : []),
    ],
    sections,
    footer: [span.plain('More on one command: '), span.command('help', 'timeline')],
  };
}

/** One command in detail; with a subcommand named (`/help entry show`), only that one. */
function detail(command: CommandSpec, commands: readonly CommandSpec[], subcommand?: string): View {
  const all = leaves(command);
  const chosen = all.filter(({ path }) => subcommand !== undefined && path === `${command.name} ${subcommand}`);
  const sections: Section[] = (chosen.length > 0 ? chosen : all).map(({ path, leaf }) => ({
    // A command without subcommands is the title and intro already: its options need no heading.
    ...(command.subcommands
      ? { heading: [span.command(path), ...described(` — ${leaf.description}${leaf.adminOnly && !leaf.description.includes('(admins)') ? ' (admins)' : ''}`, commands)] }
      : {}),
    lines: [
      ...(leaf.options ?? []).map((o) => described(optionHelp(o), commands)),
      ...(leaf.examples ?? []).map((e) => [span.italic('e.g. '), span.command(path, e || undefined)]),
    ],
  }));
  const names = all.map(({ path }) => path.slice(command.name.length + 1));
  const close = subcommand === undefined ? [] : closestNames(names, subcommand, 1);
  // A subcommand that is not one is said so, above all of the command's help.
  const unknown: Line[] =
    subcommand !== undefined && chosen.length === 0 && command.subcommands
      ? [plainLine(`/${command.name} has no subcommand ${subcommand}${close.length > 0 ? ` (did you mean /${command.name} ${close[0]}?)` : ''}; here is all of /${command.name}.`)]
      : [];
  return { title: `/${command.name}`, titleCommand: { name: command.name }, tone: 'normal', intro: [...unknown, described(command.description, commands)], sections };
}

/** The overview, or the command asked about in detail. */
function answer(asked: OptionValue | undefined, commands: readonly CommandSpec[], isAdmin: boolean): View {
  if (asked === undefined) return overview(commands, isAdmin);
  const [name = '', subcommand] = String(asked).replace(/^\//, '').toLowerCase().split(/\s+/);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const close = closestNames(commands.map((c) => c.name), name, 1);
    throw new UserError('invalid-option', `Option \`command\`: there is no command \`/${name}\`.`, [
      ...(close.length > 0 ? [`Did you mean /help ${close[0]}?`] : []),
      `Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.`,
    ], 'command');
  }
  return detail(command, commands, subcommand);
}

export const helpCommand: CommandSpec = {
  name: 'help',
  description: 'List the commands, or explain one',
  readOnly: true,
  options: [{ name: 'command', description: 'A command to explain, e.g. timeline', type: 'text', maxLength: 40, example: 'timeline' }],
  examples: ['', 'timeline'],
  // The help says what the caller may do (admin commands, "You are a Sitrep admin here."), and is
  // long: it is shown to them alone on every platform, not posted to the channel.
  run(args, ctx) {
    return { ...answer(args.command, ctx.commands, ctx.isAdmin), private: true };
  },
};
