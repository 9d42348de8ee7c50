// The read-only invocation a typed slash command stands for, which the buttons under its answer
// may run again (see isReadOnlyInvocation in the core registry).
import { leafIsReadOnly } from '../../core/command-spec.js';
import type { CommandRegistry } from '../../core/registry.js';
import { parseCommandText } from '../../core/text-syntax.js';
import type { Invocation } from '../../core/view.js';

/**
 * The invocation a typed command (`/entry show 12`) stands for, when it only reads, so the
 * buttons under its answer can run it again; undefined for a command that writes or does not
 * parse (its answer is an error or an admin's, whose parts stay in memory).
 */
export function readOnlyInvocationOfText(registry: CommandRegistry, text: string): Invocation | undefined {
  try {
    const { resolved, args } = registry.resolveText(parseCommandText(text));
    if (!leafIsReadOnly(resolved)) return undefined;
    const subcommand = resolved.subcommand?.name;
    return { command: resolved.command.name, ...(subcommand ? { subcommand } : {}), args };
  } catch {
    return undefined;
  }
}
