import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER, runConsole } from '../../src/adapters/console/console-adapter.js';
import { CommandCompleter } from '../../src/adapters/console/completion.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp();
afterAll(() => app.dispose());
const completer = new CommandCompleter(app.dispatcher, CONSOLE_CALLER);

/** The line as it reads after Tab, when readline has one candidate or a common prefix to insert. */
function afterTab(line: string): string {
  const [candidates, typed] = completer.complete(line);
  const head = line.slice(0, line.length - typed.length);
  if (candidates.length === 1) return head + candidates[0]!;
  let prefix = candidates[0] ?? typed;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.startsWith(typed) ? head + prefix : line;
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
    expect(candidates[0]).toBe('actor:al');
    expect(candidates).toEqual(expect.arrayContaining(['actor:"Ahmed al-Sharaa"', 'actor:"Asaad al-Shaibani"']));
    expect(afterTab('/timeline actor:al')).toBe('/timeline actor:al');
  });

  it('THEN an unknown command or option offers nothing rather than guessing', () => {
    expect(completer.complete('/bogus ')[0]).toEqual([]);
    expect(completer.complete('/timeline colour:')[0]).toEqual([]);
  });
});

describe('GIVEN the interactive console on a terminal', () => {
  it('WHEN the operator types part of a command and an actor and presses Tab THEN the completed command runs', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole({ dispatcher: app.dispatcher, input, output });
    input.write('/tim\t');
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('actor:Ron\t');
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('\r');
    await new Promise((resolve) => setTimeout(resolve, 200));
    input.end();
    await done;
    const plain = printed.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    expect(plain).toContain('Tab to complete');
    expect(plain).toContain('Timeline — actor Ron Dermer\nShowing 1 of 1 entry.');
    expect(plain).toContain('#13 Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    expect(plain).not.toContain('No actor is called');
  });
});
