import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { CommandCompleter, commonPrefix, insertable } from '../../src/adapters/console/completion.js';
import { KEYS, startConsole } from '../support/console-session.js';
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

describe('GIVEN the console prompt on the seed dossier WHEN the operator presses Tab', () => {
  it('THEN a command name completes, with a space after it', () => {
    expect(afterTab('/time')).toBe('/timeline ');
    expect(afterTab('/he')).toBe('/help ');
    expect(completer.complete('/act')[0]).toEqual(['/actor', '/actors']);
  });

  it('THEN a subcommand completes, and offers only those of that command', () => {
    expect(afterTab('/entry hi')).toBe('/entry history ');
    expect(completer.complete('/entry ')[0]).toEqual(expect.arrayContaining(['add', 'edit', 'show', 'history', 'undo', 'remove']));
    expect(completer.complete('/entry ')[0]).not.toContain('list');
  });

  it('THEN an option name completes with its colon, and options already given are not offered again', () => {
    expect(afterTab('/timeline sin')).toBe('/timeline since:');
    expect(completer.complete('/timeline actor:Syria ')[0]).not.toContain('actor:');
    expect(completer.complete('/timeline actor:Syria ')[0]).toContain('place:');
  });

  it('THEN an actor value completes to the full name, quoted when it has a space', () => {
    expect(afterTab('/timeline actor:Ron')).toBe('/timeline actor:"Ron Dermer" ');
    expect(afterTab('/timeline since:2025-07 actor:"Ron D')).toBe('/timeline since:2025-07 actor:"Ron Dermer" ');
  });

  it('THEN the first bare word completes as the first option’s value (/actor NAME)', () => {
    expect(afterTab('/actor Barr')).toBe('/actor "Tom Barrack" ');
  });

  it('THEN types, topics and places complete from the dossier', () => {
    expect(afterTab('/timeline type:tal')).toBe('/timeline type:talks ');
    expect(afterTab('/timeline topic:syria-is')).toBe('/timeline topic:syria-israel ');
    expect(afterTab('/timeline place:Par')).toBe('/timeline place:Paris ');
  });

  it('THEN one name found inside the word replaces it; several are listed without cutting the word', () => {
    expect(afterTab('/timeline actor:dermer')).toBe('/timeline actor:"Ron Dermer" ');
    // "Ahmed al-Sharaa" and "Asaad al-Shaibani" share only `actor:"A`: the typed `al` must stay.
    const [candidates, typed] = completer.complete('/timeline actor:al');
    expect(typed).toBe('actor:al');
    expect(candidates).toEqual(expect.arrayContaining(['actor:"Ahmed al-Sharaa"', 'actor:"Asaad al-Shaibani"']));
    expect(candidates).not.toContain('actor:al');
    expect(afterTab('/timeline actor:al')).toBe('/timeline actor:al');
  });

  it('THEN an unknown command or option offers nothing rather than guessing', () => {
    expect(completer.complete('/bogus ')[0]).toEqual([]);
    expect(completer.complete('/timeline colour:')[0]).toEqual([]);
  });
});

describe('GIVEN the interactive console on a terminal', () => {
  it('WHEN the operator types part of a command and an actor and presses Tab THEN the completed command runs', async () => {
    const session = startConsole(app.dispatcher);
    session.type(`/tim${KEYS.tab}`);
    await session.until(() => session.screen.cursorLine() === 'sitrep> /timeline', 'the command name completed');
    session.type(`actor:Ron${KEYS.tab}`);
    await session.until(() => session.screen.cursorLine() === 'sitrep> /timeline actor:"Ron Dermer"', 'the actor completed');
    const reply = await session.run('', 'Showing 1 of 1 entry.');
    await session.end();
    expect(session.printed()).toContain('Tab to complete');
    expect(reply).toContain('Timeline — actor Ron Dermer\nShowing 1 of 1 entry.');
    expect(reply).toContain('#13 Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    expect(reply).not.toContain('No actor is called');
  });

  it('WHEN a completion replaces the typed word THEN the line is redrawn in place, with no stale copy above', async () => {
    const session = startConsole(app.dispatcher);
    session.type(`/timeline actor:dermer${KEYS.tab}`);
    await session.until(() => session.screen.cursorLine() === 'sitrep> /timeline actor:"Ron Dermer"', 'the actor completed');
    expect(session.screen.lines().filter((line) => line.startsWith('sitrep>'))).toEqual(['sitrep> /timeline actor:"Ron Dermer"']);
    session.type(KEYS.ctrlC + KEYS.ctrlC);
    await session.done;
  });

  it('WHEN Tab is pressed twice on a word several names match THEN they are listed once, without the typed word, and the line is shown once, under them', async () => {
    const session = startConsole(app.dispatcher);
    session.type('/actor sha');
    await session.until(() => session.screen.cursorLine() === 'sitrep> /actor sha', 'the typed line');
    session.type(KEYS.tab);
    session.type(KEYS.tab);
    await session.until(() => session.printed().includes('"Ahmed al-Sharaa"'), 'the list of candidates');
    const lines = session.screen.lines();
    expect(lines.filter((line) => line.includes('sitrep>'))).toEqual(['sitrep> /actor sha']);
    expect(lines.at(-1)).toBe('sitrep> /actor sha');
    const list = lines.at(-2)!;
    expect(list).toContain('"Ahmed al-Sharaa"');
    expect(list).toContain('"Asaad al-Shaibani"');
    expect(list.split(/\s{2,}/)).not.toContain('sha');
    // The line is still being edited: more keys go on from it.
    session.type(`raa${KEYS.tab}`);
    await session.until(() => session.screen.cursorLine() === 'sitrep> /actor "Ahmed al-Sharaa"', 'the name completed from the list');
    session.type(KEYS.ctrlC + KEYS.ctrlC);
    await session.done;
  });
});
