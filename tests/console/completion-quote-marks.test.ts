// GIVEN the console prompt WHEN a value is opened with any quote mark the commands accept (straight,
// “ ” „ « » ‘ ’ ‚) THEN Tab completes it as it does after a straight quote, and a value closed with
// its mark leaves the next word to complete on its own.
import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { CommandCompleter, commonPrefix, insertable } from '../../src/adapters/console/completion.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp();
afterAll(() => app.dispose());
const completer = new CommandCompleter(app.dispatcher, CONSOLE_CALLER);

/** The line as it reads after Tab: one candidate replaces the word, several only extend it. */
function afterTab(line: string): string {
  const completion = completer.complete(line);
  if (!insertable(completion)) return line;
  const [candidates, typed] = completion;
  const head = line.slice(0, line.length - typed.length);
  return head + (candidates.length === 1 ? candidates[0]! : commonPrefix(candidates));
}

/** Each opening mark, with a mark that closes it. */
const MARKS = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['”', '”'],
  ['„', '“'],
  ['«', '»'],
  ['»', '«'],
  ['‘', '’'],
  ['’', '’'],
  ['‚', '‘'],
] as const;

describe('GIVEN the console prompt on the seed dossier WHEN a value opens with a quote mark and Tab is pressed', () => {
  it.each(MARKS)('THEN after %s a place completes as after a straight quote', (open) => {
    expect(afterTab(`/timeline place:${open}Swe`)).toBe(afterTab('/timeline place:"Swe'));
    expect(afterTab(`/timeline place:${open}Swe`)).toBe('/timeline place:"Sweida province" ');
  });

  it.each(MARKS)('THEN after %s a name with a space in it completes to the full name', (open) => {
    expect(afterTab(`/timeline actor:${open}Ron D`)).toBe('/timeline actor:"Ron Dermer" ');
  });

  it.each(MARKS)('THEN a value closed with its mark (%s…%s) leaves the next option name to complete', (open, close) => {
    expect(afterTab(`/timeline actor:${open}Ron Dermer${close} sin`)).toBe(`/timeline actor:${open}Ron Dermer${close} since:`);
  });

  it('THEN a mark left open that the commands read as part of the word (’Ayn) does not swallow the words after it', () => {
    expect(afterTab('/timeline place:’Ayn sin')).toBe('/timeline place:’Ayn since:');
  });
});
