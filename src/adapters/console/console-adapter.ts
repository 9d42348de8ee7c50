// The console adapter: an interactive prompt on a terminal, or one command per input line when
// stdin is piped (`printf '/timeline\n' | npm start --silent`). The operator owns the local
// store, so counts as an admin.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Caller } from '../../core/caller.js';
import type { Dispatcher } from '../../core/dispatcher.js';
import { renderText } from '../../core/render-text.js';
import { loadHistory, saveHistory, HISTORY_SIZE } from './command-history.js';
import { CommandCompleter } from './completion.js';
import { withPictureFile, type PictureFiles } from './console-picture.js';
import type { ConsolePoster } from './console-poster.js';
import { PromptCompletion } from './prompt-completion.js';
import { consoleTextStyle } from './text-style.js';

export const CONSOLE_CALLER: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };

export interface ConsoleOptions {
  dispatcher: Dispatcher;
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  /** File of the interactive prompt's command history (SITREP_HISTORY); none: not kept. */
  historyPath?: string;
  /** Where pictures (charts) are written; without it, a view's picture is left out. */
  pictures?: PictureFiles;
  /** The console's poster, when it prints in the same output: a reply it has just printed as an update is not printed again. */
  poster?: Pick<ConsolePoster, 'takeUpdates'>;
}

const GREETING =
  'Sitrep console — type /help for commands, /timeline to start, Tab to complete. Ctrl-C clears the line; Ctrl-D, or Ctrl-C on an empty line, quits.';

/**
 * A Markdown code fence alone on its line (```` ``` ````, ```` ```text ````): pasted with a block
 * of commands copied from the README, and skipped like a `#` note.
 */
const CODE_FENCE = /^`{3,}[^`\s]*$/;

/** Whether a console line is a command to run: not blank, not a `#` note, not a code fence. */
const isCommandLine = (line: string): boolean => line !== '' && !line.startsWith('#') && !CODE_FENCE.test(line);

/** What a console run read: its lines (blank, `#` and code-fence ones too) and the commands refused among them. */
export interface ConsoleRun {
  read: number;
  refused: number;
}

/** Runs the console until its input ends. */
export async function runConsole({ dispatcher, input, output, historyPath, pictures, poster }: ConsoleOptions): Promise<ConsoleRun> {
  const interactive = Boolean(input.isTTY && output.isTTY);
  const commands = new CommandCompleter(dispatcher, CONSOLE_CALLER);
  const tab = new PromptCompletion((line) => commands.complete(line), output);
  const rl = createInterface({
    input,
    output,
    terminal: interactive,
    prompt: 'sitrep> ',
    // Tab completes commands, options and values (actors, places, topics, types) on a terminal.
    ...(interactive ? { completer: tab.completer } : {}),
    // Up and down recall earlier commands, also those of earlier runs (piped input keeps none).
    ...(interactive && historyPath ? { history: loadHistory(historyPath), historySize: HISTORY_SIZE, removeHistoryDuplicates: true } : {}),
  });
  if (interactive && historyPath) rl.on('history', (history: string[]) => saveHistory(historyPath, history));
  if (interactive) {
    tab.attach(rl, input);
    // As in shells: Ctrl-C drops what was typed, and quits only at an empty prompt.
    rl.on('SIGINT', () => {
      if (rl.line === '') rl.close();
      else clearTypedLine(rl);
    });
    output.write(`${GREETING}\n`);
    rl.prompt();
  }
  // Lines are handled one at a time, in order, even when piped input arrives all at once.
  let read = 0;
  let refused = 0;
  for await (const raw of rl) {
    read += 1;
    const line = raw.trim();
    if (isCommandLine(line)) {
      if (line === 'exit' || line === 'quit') break;
      poster?.takeUpdates();
      const answer = await dispatcher.runText(line, CONSOLE_CALLER);
      if (answer.tone === 'error') refused += 1;
      const view = pictures ? await withPictureFile(answer, pictures) : answer;
      const printedAsUpdate = poster?.takeUpdates().includes(renderText(view)) ?? false;
      if (!printedAsUpdate) output.write(`${renderText(view, consoleTextStyle(interactive))}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  return { read, refused };
}

/** Empties the line being typed and draws the prompt again in its place. */
function clearTypedLine(rl: Interface): void {
  rl.write(null, { ctrl: true, name: 'e' }); // to the end of the line
  rl.write(null, { ctrl: true, name: 'u' }); // and delete back to its start
}
