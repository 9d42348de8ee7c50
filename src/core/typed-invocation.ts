// A typed command (`/entry edit 3`) as the invocation it stands for, before it runs: an adapter
// asks the core for the command's form with it, and sends text that does not resolve to the
// dispatcher as typed, for its refusal.
import type { CommandRegistry } from './registry.js';
import { parseCommandText } from './text-syntax.js';
import type { Invocation } from './view.js';

/** The invocation the text resolves to; undefined when it does not (the dispatcher says why). */
export function typedInvocation(registry: CommandRegistry, text: string): Invocation | undefined {
  try {
    const { resolved, args } = registry.resolveText(parseCommandText(text));
    return { command: resolved.command.name, ...(resolved.subcommand ? { subcommand: resolved.subcommand.name } : {}), args };
  } catch {
    return undefined;
  }
}
