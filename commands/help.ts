// /help — every command, or one command in detail, generated from the specs.
import type { CommandSpec } from '../src/core/command-spec.js';
import { UserError } from '../src/core/errors.js';
import { leaves, optionHelp, usageLine } from '../src/core/help.js';
import { closestNames } from '../src/core/ranking.js';
import { plainLine, span, type Section, type View } from '../src/core/view.js';

function overview(commands: readonly CommandSpec[], isAdmin: boolean): View {
  const sections: Section[] = commands.map((command) => ({
    heading: [span.code(`/${command.name}`), span.plain(` — ${command.description}`)],
    lines: leaves(command).map(({ path, leaf }) => [
      span.plain(usageLine(path, leaf)),
      ...(leaf.adminOnly ? [span.italic(' (admins)')] : []),
    ]),
  }));
  return {
    title: 'Sitrep — commands',
    tone: 'normal',
    intro: [
      plainLine('A curated, sourced timeline of conflict and diplomacy updates.'),
      plainLine('Options are written name:value; quote values with spaces: actor:"Ron Dermer". Dates: 2025, 2025-07 or 2025-07-12 (or as shown: "12 Jul 2025").'),
      ...(isAdmin ? [plainLine('You are a Sitrep admin here.')] : []),
    ],
    sections,
    footer: 'More on one command: /help timeline',
  };
}

/** One command in detail; with a subcommand named (`/help entry show`), only that one. */
function detail(command: CommandSpec, subcommand?: string): View {
  const all = leaves(command);
  const chosen = all.filter(({ path }) => subcommand !== undefined && path === `${command.name} ${subcommand}`);
  const sections: Section[] = (chosen.length > 0 ? chosen : all).map(({ path, leaf }) => ({
    heading: [span.code(`/${path}`), span.plain(` — ${leaf.description}${leaf.adminOnly && !leaf.description.includes('(admins)') ? ' (admins)' : ''}`)],
    lines: [
      ...(leaf.options ?? []).map((o) => plainLine(optionHelp(o))),
      ...(leaf.examples ?? []).map((e) => [span.italic('e.g. '), span.code(`/${path}${e ? ` ${e}` : ''}`)]),
    ],
  }));
  return { title: `/${command.name}`, tone: 'normal', intro: [plainLine(command.description)], sections };
}

export const helpCommand: CommandSpec = {
  name: 'help',
  description: 'List the commands, or explain one',
  readOnly: true,
  options: [{ name: 'command', description: 'A command to explain, e.g. timeline', type: 'text', maxLength: 40, example: 'timeline' }],
  examples: ['', 'timeline'],
  run(args, ctx) {
    if (args.command === undefined) return overview(ctx.commands, ctx.isAdmin);
    const [name = '', subcommand] = String(args.command).replace(/^\//, '').toLowerCase().split(/\s+/);
    const command = ctx.commands.find((c) => c.name === name);
    if (!command) {
      const close = closestNames(ctx.commands.map((c) => c.name), name, 1);
      throw new UserError('invalid-option', `Option \`command\`: there is no command \`/${name}\`.`, [
        ...(close.length > 0 ? [`Did you mean /help ${close[0]}?`] : []),
        `Commands: ${ctx.commands.map((c) => `/${c.name}`).join(', ')}.`,
      ]);
    }
    return detail(command, subcommand);
  },
};
