// `npm run slack:manifest -- [file] [options]`: runs runManifest as the process. Refuses first
// when npm took one of its options for itself (typed before `--`), and says afterwards when the
// manifest's request URLs are placeholders to replace.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { runAsProcess, writeLine, type CliIo } from '../../cli-io.js';
import { npmTookOptions } from '../../transfer/npm-flags.js';
import { EVENTS_PATH } from './bolt-app.js';
import { PLACEHOLDER_URL } from './manifest.js';
import { MANIFEST_OPTIONS as OPTIONS, runManifest } from './manifest-command.js';

/** The file the call names, if any, and whether it asked for the usage only. */
function callOf(argv: string[]): { file?: string; help: boolean } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
    return { ...(positionals[0] !== undefined ? { file: positionals[0] } : {}), help: values.help === true };
  } catch {
    return { help: false };
  }
}

/** A stream passing what it is given on to `to`, keeping it too. */
function keeping(to: Writable): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      stream.text += chunk.toString();
      to.write(chunk, done);
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

async function runManifestCli(argv: string[], io: CliIo): Promise<number> {
  const tookByNpm = npmTookOptions(argv, process.env, {
    script: 'slack:manifest',
    noun: 'manifest generation',
    options: OPTIONS,
    placeholders: { url: 'https://HOST' },
    // An https:// address among the arguments is --url's value npm left, not the file.
    positionals: (given) => Math.min(1, given.filter((arg) => !arg.startsWith('https://')).length),
  });
  if (tookByNpm) {
    writeLine(io.stderr, tookByNpm);
    return 2;
  }
  const stdout = keeping(io.stdout);
  const status = await runManifest(argv, { ...io, stdout });
  const { file, help } = callOf(argv);
  if (status !== 0 || help) return status;
  const written = file === undefined ? stdout.text : readFileSync(file, 'utf8');
  if (written.includes(PLACEHOLDER_URL)) {
    writeLine(
      io.stderr,
      `The manifest's request URLs are placeholders (${PLACEHOLDER_URL}${EVENTS_PATH}): make it again with --url https://your.host (where Slack reaches this bot), edit them by hand, or use --socket-mode for no public URL.`,
    );
  }
  return 0;
}

await runAsProcess(runManifestCli);
