// How failures look to users: short, private, and saying what to fix.
import type { UserError } from './errors.js';
import { plainLine, span, type Line, type View } from './view.js';

/** Messages mark option names and values with backticks; they become code spans, not raw marks. */
export function markedLine(text: string): Line {
  return text
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? span.code(part) : span.plain(part)))
    .filter((s) => s.text !== '' || s.style === 'code');
}

/** What a refusal marks in backticks (option names, values), in order: a form looks here for the field at fault. */
export function markedNames(view: View): string[] {
  return (view.intro ?? []).flatMap((line) => line.filter((s) => s.style === 'code').map((s) => s.text));
}

export function userErrorView(error: UserError): View {
  return {
    title: error.code === 'forbidden' ? 'Not allowed' : 'Cannot do that',
    tone: 'error',
    intro: [markedLine(error.message), ...error.hints.map(markedLine)],
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
