// How failures look to users: short, private, and saying what to fix.
import { commandSpans, type KnownCommand } from './command-refs.js';
import type { UserError } from './errors.js';
import { prefixWithin } from './text-cut.js';
import { allControlsShown } from './text.js';
import { plainLine, span, type Line, type View } from './view.js';

/**
 * The longest value a refusal repeats back, in characters: messages echo what was typed (an
 * unknown command, the words `/digest list` cannot take), and a pasted page would make the reply
 * longer than a platform can show and bury what was wrong. Long enough for any name a refusal
 * suggests typing (actor names take 100 characters, list items 120).
 */
export const MAX_ECHOED_LENGTH = 120;

/**
 * A marked value cut to MAX_ECHOED_LENGTH characters, never inside an emoji or a letter with its
 * marks (text-cut), with control characters made visible: it repeats what was typed, which may be
 * anything.
 */
function echoed(text: string): string {
  const visible = allControlsShown(text);
  return visible.length > MAX_ECHOED_LENGTH ? `${prefixWithin(visible, MAX_ECHOED_LENGTH)}…` : visible;
}

/**
 * Messages mark option names and values with backticks; they become code spans, not raw marks.
 * Their unmarked words are Sitrep's own: the `known` commands they name become command spans.
 */
export function markedLine(text: string, known: readonly KnownCommand[] = []): Line {
  const parts = text.split(/`([^`]*)`/);
  return parts
    .flatMap((part, i) => (i % 2 === 1 ? [span.code(echoed(part))] : commandSpans(part, known, i === parts.length - 1)))
    .filter((s) => s.text !== '' || s.style === 'code');
}

/** What a refusal marks in backticks (option names, values), in order: a form looks here for the field at fault. */
export function markedNames(view: View): string[] {
  return (view.intro ?? []).flatMap((line) => line.filter((s) => s.style === 'code' && !s.command).map((s) => s.text));
}

/** A refusal; `known` are the commands its words may name (the dispatcher's). */
export function userErrorView(error: UserError, known: readonly KnownCommand[] = []): View {
  const line = (text: string) => markedLine(text, known);
  return {
    title: error.code === 'forbidden' ? 'Not allowed' : 'Cannot do that',
    tone: 'error',
    intro: [error.line ?? line(error.message), ...error.hints.map(line)],
    sections: [],
    private: true,
  };
}

export function internalErrorView(errorId: string): View {
  return {
    title: 'Something went wrong',
    tone: 'error',
    intro: [markedLine(`Sorry — Sitrep hit an internal error. Quote error id \`${errorId}\` when reporting it.`)],
    sections: [],
    private: true,
    errorId,
  };
}

/** The store was busy with another writer: a moment later the same command will go through. */
export function storeBusyView(): View {
  return {
    title: 'Try again in a moment',
    tone: 'error',
    intro: [
      plainLine('The dossier is busy with another change (an import, perhaps), so nothing was changed.'),
      plainLine('Send the same command again in a moment.'),
    ],
    sections: [],
    private: true,
  };
}

/** The store's disk is full or failing: the write was rolled back, and the operator must free space first. */
export function storeDiskView(fault: 'full' | 'io'): View {
  const why = fault === 'full' ? "The dossier's disk is full" : "The dossier's disk could not be written (is it full or failing?)";
  return {
    title: 'Nothing was saved',
    tone: 'error',
    intro: [plainLine(`${why}, so nothing was saved.`), plainLine('Ask whoever runs Sitrep to free disk space, then send the same command again.')],
    sections: [],
    private: true,
  };
}
