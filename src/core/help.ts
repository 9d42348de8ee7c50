// Help and usage text generated from the specs, so they never disagree with the commands.
import type { CommandSpec, LeafSpec, OptionSpec } from './command-spec.js';
import { span, type Span } from './view.js';

export function leaves(command: CommandSpec): { path: string; leaf: LeafSpec }[] {
  if (command.subcommands) {
    return command.subcommands.map((s) => ({ path: `${command.name} ${s.name}`, leaf: s }));
  }
  return [{ path: command.name, leaf: command }];
}

function optionUsage(option: OptionSpec): string {
  const text = `${option.name}:${option.example ?? option.type}`;
  return option.required ? text : `[${text}]`;
}

/** `/timeline [topic:syria-israel] [actor:"Ron Dermer"] …`, as a command reference. */
export function usageSpan(path: string, leaf: LeafSpec): Span {
  return span.command(path, (leaf.options ?? []).map(optionUsage).join(' ') || undefined);
}

/** More options than this, and the overview of every command shows a subcommand's required ones only. */
const OVERVIEW_OPTIONS = 8;

/**
 * A leaf's usage in the overview of every command: whole, or for a leaf with many options its
 * required ones and how many more (`/entry add title:… […13 more]`), so that the overview of a
 * command fits one field of a platform's message; `/help entry` shows them all.
 */
export function overviewUsageSpan(path: string, leaf: LeafSpec): Span {
  const options = leaf.options ?? [];
  if (options.length <= OVERVIEW_OPTIONS) return usageSpan(path, leaf);
  const required = options.filter((o) => o.required);
  return span.command(path, [...required.map(optionUsage), `[…${options.length - required.length} more]`].join(' '));
}

/** A short hint for Slack's slash-command "usage hint" (first leaf's options). */
export function usageHint(command: CommandSpec): string {
  if (command.subcommands) return `${command.subcommands.map((s) => s.name).join(' | ')} …`;
  return (command.options ?? []).map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(' ');
}

export function optionHelp(option: OptionSpec): string {
  const facts: string[] = [];
  if (option.required) facts.push('required');
  if (option.type === 'integer' && option.min !== undefined && option.max !== undefined && option.max < 1e6) {
    const range = `${option.min.toLocaleString('en-US')}–${option.max.toLocaleString('en-US')}`;
    if (!option.description.includes(range)) facts.push(range); // "limit" says it in its own words
  }
  // Facts the description already gives in its own words are not repeated.
  const says = (fact: string) => option.description.includes(fact);
  if (option.type === 'date' && !says('2025-07-12')) facts.push('2025, 2025-07 or 2025-07-12');
  if (option.choices && option.choices.length <= 6 && !option.choices.every((c) => says(c.value))) facts.push(option.choices.map((c) => c.value).join('|'));
  if (facts.length === 0) return `${option.name} — ${option.description}`;
  // One bracket, not two: "(default 1) (1–100,000)" reads "(default 1; 1–100,000)".
  const described = option.description.endsWith(')') ? `${option.description.slice(0, -1)}; ` : `${option.description} (`;
  return `${option.name} — ${described}${facts.join('; ')})`;
}
