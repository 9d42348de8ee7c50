// How a workspace spells Sitrep's commands. Where the manifest was generated with `--prefix`,
// Slack knows only `/sitrep-timeline`, `/sitrep-entry`…; a reply naming `/timeline` would send
// whoever copies it to "command not found". The command Slack sent tells which spelling the
// workspace uses, and replies to it name commands the same way.
import type { Line, Span, View } from '../../core/view.js';

/** Manifests may name commands `/sitrep-timeline` where `/timeline` is taken in a workspace. */
export const OPTIONAL_COMMAND_PREFIX = 'sitrep-';

export interface CommandSpelling {
  /** `''` where the workspace has the commands as defined, else OPTIONAL_COMMAND_PREFIX. */
  prefix: string;
  /** Sitrep's top-level command names: only these are respelled, never any other `/word`. */
  names: ReadonlySet<string>;
}

export function commandSpelling(names: Iterable<string>, prefix: string): CommandSpelling {
  return { prefix, names: new Set(names) };
}

/** The spelling of the commands a dispatcher serves, under a prefix (`''` for none). */
export function spellingOfCommands(dispatcher: { readonly commands: readonly { name: string }[] }, prefix: string): CommandSpelling {
  return commandSpelling(dispatcher.commands.map((c) => c.name), prefix);
}

/** The prefix of the command Slack sent: `/sitrep-timeline` is prefixed, `/timeline` is not. */
export function prefixOf(invoked: string): string {
  return invoked.toLowerCase().startsWith(`/${OPTIONAL_COMMAND_PREFIX}`) ? OPTIONAL_COMMAND_PREFIX : '';
}

/** Only a prefix the manifest can give is taken from a button or a form's metadata. */
export function knownPrefix(value: unknown): string {
  return value === OPTIONAL_COMMAND_PREFIX ? OPTIONAL_COMMAND_PREFIX : '';
}

/** A command name as the workspace types it, without the slash: `timeline` → `sitrep-timeline`. */
export function spelledName(name: string, spelling: CommandSpelling): string {
  return spelling.names.has(name) ? `${spelling.prefix}${name}` : name;
}

/** Text that starts with a command (`/entry show 3`), respelled; anything else unchanged. */
export function spelledCommandText(text: string, spelling: CommandSpelling): string {
  if (!spelling.prefix) return text;
  return text.replace(/^\/([a-z][a-z0-9-]*)(?=\s|$)/i, (whole, name: string) =>
    spelling.names.has(name.toLowerCase()) ? `/${spelling.prefix}${name}` : whole,
  );
}

/** Every `/command` of Sitrep's in a text, respelled, wherever it stands. */
function spelledEverywhere(text: string, spelling: CommandSpelling): string {
  return text.replace(/(?<![\w/])\/([a-z][a-z0-9-]*)(?![\w-])/gi, (whole, name: string) =>
    spelling.names.has(name.toLowerCase()) ? `/${spelling.prefix}${name}` : whole,
  );
}

/**
 * The core marks command references as code spans (`/help` lists `/timeline`, its examples
 * `/entry show 3`); plain text is left alone, since it may be stored data that merely mentions one.
 */
function spelledSpan(s: Span, spelling: CommandSpelling): Span {
  return s.style === 'code' ? { ...s, text: spelledCommandText(s.text, spelling) } : s;
}

function spelledLine(line: Line, spelling: CommandSpelling): Line {
  return line.map((s) => spelledSpan(s, spelling));
}

/** A refusal's plain words are Sitrep's own (what was typed is in its code spans): all respelled. */
function spelledRefusalLine(line: Line, spelling: CommandSpelling): Line {
  return line.map((s) => (s.style === undefined ? { ...s, text: spelledEverywhere(s.text, spelling) } : spelledSpan(s, spelling)));
}

/**
 * The view as this workspace should read it: command code spans, the pager's "next page"
 * invocations, the footer ("Details: /entry show ID", written by commands, never stored text) and
 * the plain words of a refusal ("To see it: /entry show 3") respelled. For display only: the
 * pager of the copy names commands the registry does not know, so page buttons must be built
 * from the original view.
 */
export function viewInWorkspaceSpelling(view: View, spelling: CommandSpelling): View {
  if (!spelling.prefix) return view;
  const lines = (lines: readonly Line[]) => lines.map((l) => spelledLine(l, spelling));
  const intro = (lines: readonly Line[]) => lines.map((l) => (view.tone === 'error' ? spelledRefusalLine(l, spelling) : spelledLine(l, spelling)));
  const pager = view.pager && {
    ...view.pager,
    ...(view.pager.next ? { next: { ...view.pager.next, command: spelledName(view.pager.next.command, spelling) } } : {}),
    ...(view.pager.previous ? { previous: { ...view.pager.previous, command: spelledName(view.pager.previous.command, spelling) } } : {}),
  };
  return {
    ...view,
    ...(view.intro ? { intro: intro(view.intro) } : {}),
    ...(view.facts ? { facts: view.facts.map((f) => ({ ...f, value: spelledLine(f.value, spelling) })) } : {}),
    sections: view.sections.map((s) => ({ ...s, ...(s.heading ? { heading: spelledLine(s.heading, spelling) } : {}), lines: lines(s.lines) })),
    ...(pager ? { pager } : {}),
    ...(view.footer ? { footer: spelledEverywhere(view.footer, spelling) } : {}),
  };
}

/**
 * A `/help` answer is generated from the command specs and fixed wording alone: no stored text
 * can be in it, so every command it names is respelled, in usage lines and descriptions (plain
 * text, unmarked by the core) and the footer too. A refusal (`/help weather`) echoes what was
 * typed and keeps to the general rule.
 */
export function helpInWorkspaceSpelling(view: View, spelling: CommandSpelling): View {
  if (!spelling.prefix || view.tone === 'error') return view;
  const text = (t: string) => spelledEverywhere(t, spelling);
  const line = (l: Line): Line => l.map((s) => ({ ...s, text: text(s.text) }));
  return {
    ...view,
    title: text(view.title),
    ...(view.intro ? { intro: view.intro.map(line) } : {}),
    ...(view.facts ? { facts: view.facts.map((f) => ({ ...f, value: line(f.value) })) } : {}),
    sections: view.sections.map((s) => ({ ...s, ...(s.heading ? { heading: line(s.heading) } : {}), lines: s.lines.map(line) })),
    ...(view.footer ? { footer: text(view.footer) } : {}),
  };
}

/** The command whose whole answer is generated from the specs (see helpInWorkspaceSpelling). */
const HELP_COMMAND = 'help';

/**
 * An answer to `command` as this workspace should read it, before paging respells the rest:
 * `/help` whole, any other answer by the general rule. The same whether typed or re-run by a button.
 */
export function answerInWorkspaceSpelling(command: string, view: View, spelling: CommandSpelling): View {
  return command === HELP_COMMAND ? helpInWorkspaceSpelling(view, spelling) : view;
}
