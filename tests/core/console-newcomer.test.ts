// Replies a newcomer at the console tripped on: keys that quit or clear, piped output, refusals
// that must name everything wrong at once, help and ambiguous names.
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { span } from '../../src/core/view.js';
import { KEYS, startConsole } from '../support/console-session.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp();
afterAll(() => app.dispose());

/** Runs commands as piped input (not a terminal); resolves with everything printed. */
async function piped(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsole({ dispatcher: app.dispatcher, input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('GIVEN the interactive console', () => {
  it('THEN the greeting says how Ctrl-C and Ctrl-D behave', async () => {
    const term = startConsole(app.dispatcher);
    await term.until(() => term.screen.cursorLine() === 'sitrep>', 'the prompt');
    expect(term.printed()).toContain('Ctrl-C clears the line; Ctrl-D, or Ctrl-C on an empty line, quits.');
    term.type(KEYS.ctrlD);
    await term.done;
  });

  it('WHEN Ctrl-C is pressed in the middle of a typed line THEN the line is cleared and the console goes on', async () => {
    const term = startConsole(app.dispatcher);
    term.type('/timeline place:Atlantis');
    await term.until(() => term.screen.cursorLine() === 'sitrep> /timeline place:Atlantis', 'the typed line');
    term.type(KEYS.ctrlC);
    await term.until(() => term.screen.cursorLine() === 'sitrep>', 'an empty prompt');
    expect(term.screen.lines().join('\n')).not.toContain('Atlantis');
    expect(await term.run('/help timeline', 'limit —')).not.toContain('Atlantis');
    term.type(KEYS.ctrlD);
    await term.done;
  });

  it('WHEN Ctrl-C is pressed on an empty line THEN the console quits', async () => {
    const term = startConsole(app.dispatcher);
    await term.run('/help', 'Sitrep — commands');
    term.type(KEYS.ctrlC);
    await term.done;
  });

  it('THEN option names in replies show as emphasis, never as backticks', async () => {
    const term = startConsole(app.dispatcher);
    const reply = await term.run('/timeline since:notadate', 'must be a date');
    term.type(KEYS.ctrlD);
    await term.done;
    expect(reply).toContain('Option since of /timeline must be a date like 2025, 2025-07 or 2025-07-12 — got notadate.');
    expect(reply).not.toContain('`');
  });
});

describe('GIVEN console output piped to another program', () => {
  it('THEN replies carry no Markdown backticks', async () => {
    const out = await piped(['/timeline since:notadate', '/help timeline', '/entry add title:x']);
    expect(out).toContain('Option since of /timeline must be a date like 2025, 2025-07 or 2025-07-12 — got notadate.');
    expect(out).toContain('e.g. /timeline actor:"Ron Dermer" since:2025-07 limit:5');
    expect(out).not.toContain('`');
    expect(out).not.toContain('\x1b[');
  });

  it('WHEN a question is typed in plain words THEN the reply points to /search with its words, not to a made-up command', async () => {
    const out = await piped(['What happened in Paris?']);
    expect(out).toContain('“What happened in Paris?” is not a command: commands start with /, and /help lists them.');
    expect(out).toContain('To search the entries for these words: /search Paris');
    expect(out).not.toContain('There is no command /what');
    expect(out).not.toContain('Did you mean');
  });

  it('WHEN a README block is pasted with its code fences THEN the fences are skipped like # lines, and nothing is refused', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole({ dispatcher: app.dispatcher, input, output });
    input.end('```text\n# a note\n/timeline limit:1\n```\n');
    const run = await done;
    expect(run).toEqual({ read: 4, refused: 0 });
    expect(printed).toMatch(/^Timeline\n/);
    expect(printed).not.toContain('is not a command');
  });

  it('THEN a digest printed there carries none either', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const view = { title: 'Sitrep digest', tone: 'normal' as const, intro: [[span.plain('See '), span.code('/entry show 3')]], sections: [] };
    await new ConsolePoster(output).post('console', view);
    expect(printed).toContain('See /entry show 3');
    expect(printed).not.toContain('`');
  });
});

describe('GIVEN a newcomer’s first commands', () => {
  const text = async (line: string) => (await piped([line])).trimEnd();

  it('WHEN /entry add lacks several required options THEN one refusal names all of them', async () => {
    const reply = await text('/entry add title:x');
    expect(reply).toContain('/entry add needs options date, type and topic.');
    expect(reply).toContain('date: When: 2025, 2025-07 or 2025-07-12');
    expect(reply).toContain('type: Event type');
    expect(reply).toContain('topic: Dossier slug');
  });

  it('WHEN one required option is missing THEN the refusal names it in the singular', async () => {
    expect(await text('/entry remove id:3')).toContain('/entry remove needs option reason.');
  });

  it('WHEN /help timeline is asked THEN the command and its description are printed once', async () => {
    const reply = await text('/help timeline');
    expect(reply.split('\n').filter((line) => line === '/timeline' || line.startsWith('/timeline —'))).toEqual(['/timeline']);
    expect(reply.split('Show dated entries, newest first').length - 1).toBe(1);
    // Commands with subcommands still head each one.
    expect(await text('/help entry')).toContain('/entry show — One entry');
  });

  it('WHEN a cron schedule runs every 5 minutes THEN the refusal says only that it runs too often', async () => {
    const reply = await text('/digest subscribe schedule:"*/5 * * * *"');
    expect(reply).toContain('it runs more often than every 15 minutes.');
    expect(reply).not.toContain('must be');
    expect(reply).not.toContain('5-field cron expression');
  });

  it('WHEN an actor option matches several actors THEN it lists the candidates as /actor does', async () => {
    const lookup = (await text('/actor israeli')).split('\n');
    const candidates = lookup.filter((line) => line.startsWith('    ')).map((line) => line.trim());
    expect(candidates).toEqual(['Israel (state)', 'Israel Defense Forces (armed force)']);
    const refusal = await text('/timeline actor:israeli');
    expect(refusal).toContain('israeli matches several actors (option actor).\nAsk again with one of these names:\nIsrael (state)\nIsrael Defense Forces (armed force)');
    // Titles tell apart what names alone do not.
    expect(await text('/timeline actor:Syrian')).toContain('Syrian transitional government (government body) — Islamist-led administration in Damascus');
  });

  it('THEN counts of one read in the singular', async () => {
    expect(await text('/timeline actor:"Ron Dermer"')).toContain('Showing 1 of 1 entry.');
    expect(await text('/entry history id:1')).toContain('1 revision, oldest first.');
    expect(await text('/actors list')).toContain('Ron Dermer — person, Israeli Strategic Affairs Minister · 1 entry');
    expect(await text('/actor "Ron Dermer"')).toContain('Tom Barrack — 1 shared entry');
  });
});
