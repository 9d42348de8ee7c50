// The command registry: looks commands up by name, refuses duplicates, and maps the shared text
// syntax onto a command's options.
import { leafIsReadOnly, type CommandSpec, type RawOptionValue, type ResolvedLeaf } from './command-spec.js';
import { UserError } from './errors.js';
import { closestNames } from './ranking.js';
import type { ParsedText } from './text-syntax.js';

export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec>();

  constructor(commands: readonly CommandSpec[]) {
    for (const command of commands) {
      if (this.byName.has(command.name)) throw new Error(`Command /${command.name} is defined twice`);
      this.byName.set(command.name, command);
    }
  }

  get all(): readonly CommandSpec[] {
    return [...this.byName.values()];
  }

  resolve(commandName: string, subcommandName?: string): ResolvedLeaf {
    const command = this.byName.get(commandName.toLowerCase());
    if (!command) {
      const close = closestNames(this.all.map((c) => c.name), commandName, 1);
      throw new UserError('unknown-command', `There is no command \`/${commandName}\`.`, [
        ...(close.length > 0 ? [`Did you mean /${close[0]}?`] : []),
        `Commands: ${this.all.map((c) => `/${c.name}`).join(', ')}. Try /help.`,
      ]);
    }
    if (!command.subcommands) {
      if (subcommandName) {
        throw new UserError('unknown-subcommand', `/${command.name} has no subcommands.`);
      }
      return { command, leaf: command, path: command.name };
    }
    const names = command.subcommands.map((s) => s.name).join(', ');
    if (!subcommandName) {
      throw new UserError('unknown-subcommand', `/${command.name} needs a subcommand: ${names}.`, [
        `For example: /${command.name} ${command.subcommands[0]!.name}`,
      ]);
    }
    const subcommand = command.subcommands.find((s) => s.name === subcommandName.toLowerCase());
    if (!subcommand) {
      // `/entry 3`: a number where the subcommand goes most likely meant to show that item.
      const show = /^#?\d+$/.test(subcommandName) && command.subcommands.some((s) => s.name === 'show');
      throw new UserError('unknown-subcommand', `/${command.name} has no subcommand \`${subcommandName}\`; use one of: ${names}.`, [
        ...(show ? [`To see it: /${command.name} show ${subcommandName.replace(/^#/, '')}`] : []),
      ]);
    }
    return { command, subcommand, leaf: subcommand, path: `${command.name} ${subcommand.name}` };
  }

  /** Resolves parsed text: the first word may name a subcommand, the rest fill the first option. */
  resolveText(parsed: ParsedText): { resolved: ResolvedLeaf; args: Record<string, RawOptionValue> } {
    const words = [...parsed.words];
    const command = this.byName.get(parsed.command);
    // Only options typed (`/trend topic:T`, `/watch actor:X`): the group's default subcommand, if any.
    const subcommandName = command?.subcommands ? (words.length > 0 ? words.shift() : command.typedDefault) : undefined;
    const resolved = this.resolve(parsed.command, subcommandName);
    const args: Record<string, RawOptionValue> = { ...parsed.options };
    // `actor: Dermer` (a space after the colon) reads as words; say how to write the option.
    const spaced = words.find((word) => resolved.leaf.options?.some((o) => word.toLowerCase() === `${o.name}:`));
    if (spaced !== undefined) {
      throw new UserError('syntax', `Option \`${spaced.slice(0, -1)}\` has no value: write it right after the colon, e.g. ${spaced.toLowerCase()}"…".`);
    }
    // `--public` (Slack's flag, which its adapter takes out) or `--topic=x`: flags are not how options are written.
    const flag = parsed.flags?.[0];
    if (flag !== undefined) {
      const name = flag.replace(/^(?:--|—|–)/, '').split('=')[0]!.toLowerCase();
      throw new UserError('syntax', `\`${flag}\` is not how options are written here: write them name:value.`, [
        name === 'public'
          ? 'On Slack, --public shows the reply to the channel; here every reply is shown to you alone, so there is nothing to add.'
          : `For example: /${resolved.path} ${resolved.leaf.options?.some((o) => o.name === name) ? name : (resolved.leaf.options?.[0]?.name ?? 'option')}:…`,
      ]);
    }
    if (words.length > 0) {
      const first = resolved.leaf.options?.[0];
      if (!first) {
        throw new UserError('syntax', `/${resolved.path} takes no options; remove \`${words.join(' ')}\`.`);
      }
      if (first.name in args) {
        throw new UserError(
          'syntax',
          `\`${words.join(' ')}\` is not an option; write options as name:value.`,
        );
      }
      args[first.name] = words.join(' ');
    }
    return { resolved, args };
  }
}

/**
 * Which invocations a page button may run again by itself: only commands whose spec says they
 * read (LeafSpec.readOnly, never an admin-only one). A button's id or value comes back from the
 * client on every press, so a button never runs an admin command, even for an admin.
 */
export function isReadOnlyInvocation(registry: CommandRegistry, invocation: { command: string; subcommand?: string }): boolean {
  try {
    return leafIsReadOnly(registry.resolve(invocation.command, invocation.subcommand));
  } catch {
    // An unknown command or subcommand: nothing to run again.
    return false;
  }
}
