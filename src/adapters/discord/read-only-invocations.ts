// Which invocations a button may run again by itself: only commands that read. The rule today
// is that every command that writes is admin-only (the dispatcher runs those once per request
// id), so "not admin-only" means "reads". A button never runs an admin command, even for an
// admin: a custom_id comes back from the client, and a page button has no business writing.
import { leafAdminOnly } from '../../core/command-spec.js';
import type { CommandRegistry } from '../../core/registry.js';
import type { Invocation } from '../../core/view.js';

export function isReadOnlyInvocation(registry: CommandRegistry, invocation: Pick<Invocation, 'command' | 'subcommand'>): boolean {
  try {
    return !leafAdminOnly(registry.resolve(invocation.command, invocation.subcommand));
  } catch {
    // An unknown command or subcommand: nothing to run again.
    return false;
  }
}
