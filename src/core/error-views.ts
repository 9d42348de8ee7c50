// How failures look to users: short, private, and saying what to fix.
import type { UserError } from './errors.js';
import { plainLine, type View } from './view.js';

export function userErrorView(error: UserError): View {
  return {
    title: error.code === 'forbidden' ? 'Not allowed' : 'Cannot do that',
    tone: 'error',
    intro: [plainLine(error.message), ...error.hints.map(plainLine)],
    sections: [],
    private: true,
  };
}

export function internalErrorView(errorId: string): View {
  return {
    title: 'Something went wrong',
    tone: 'error',
    intro: [plainLine(`Sorry — Sitrep hit an internal error. Quote error id ${errorId} when reporting it.`)],
    sections: [],
    private: true,
    errorId,
  };
}
