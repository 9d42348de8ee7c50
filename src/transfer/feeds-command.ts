// npm run feeds -- import FILE.opml [--topic SLUG] [--keywords "…"] [--every 30m]
// npm run feeds -- export [--topic SLUG] [--out FILE]
// Feed lists in OPML, as feed readers export them: importing watches each listed feed as
// `/sources add` would (the same checks, one line per feed saying what became of it; a feed the
// list marks paused is paused); exporting writes the watched feeds, one folder per topic. Exits
// 0, 1 when a listed feed was refused, 2 when a flag is wrong or nothing could be read or written.
import { existsSync, readFileSync } from 'node:fs';
import { parseTopic } from '../../commands/entry/fields.js';
import { everyMinutes, keywordsArg, newSourceFrom } from '../../commands/sources/add.js';
import { everyOption, keywordsOption, sourceTopicOption } from '../../commands/sources/options.js';
import type { App } from '../app.js';
import { openCurrentStore } from './current-store.js';
import { SchemaTooOldError } from '../store/migrate.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { configOrSay } from './cli-config.js';
import { UserError } from '../core/errors.js';
import { plural } from '../core/text.js';
import { createLogger } from '../log.js';
import { feedsInOpml, opmlOf, type ListedFeed } from './feed-list.js';
import { readScriptArgs } from './script-args.js';
import { readProblem, writeProblem, writeWhole } from './out-file.js';

const USAGE = [
  'Usage: npm run feeds -- import FILE.opml [--topic SLUG] [--keywords "ceasefire, Sweida"] [--every 30m]',
  '       npm run feeds -- export [--topic SLUG] [--out FILE]',
].join('\n');

interface ImportChoices {
  topic?: string;
  keywords?: string;
  every?: string;
}

type Outcome = { kind: 'added' | 'watched' | 'refused'; line: string; paused?: boolean };

function openApp(io: CliIo): App | undefined {
  const config = configOrSay(io);
  if (!config) return undefined;
  // Opening a missing store would create and seed one: a mistyped SITREP_DB would fill that.
  if (!existsSync(config.dbPath)) {
    writeLine(io.stderr, `There is no store at ${config.dbPath} (SITREP_DB): start the bot once (npm start) to create it.`);
    return undefined;
  }
  try {
    return openCurrentStore({ dbPath: config.dbPath, admins: config.admins, logger: createLogger('warn'), sourcesAllowPrivate: config.sourcesAllowPrivate });
  } catch (error) {
    if (!(error instanceof SchemaTooOldError)) throw error;
    writeLine(io.stderr, error.message);
    return undefined;
  }
}

/** Control characters but the line breaks and tabs an attribute may wrap a name with. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The most of a list's name for a feed kept as its title (a feed's own title replaces it at its first check). */
const LIST_TITLE_LIMIT = 200;

/** Watches one listed feed, as `/sources add` with the list's topic, keywords and interval would. */
function watch(app: App, feed: ListedFeed, choices: ImportChoices, by: string): Outcome {
  const topic = choices.topic ?? feed.topic;
  if (topic === undefined) return { kind: 'refused', line: `refused ${feed.url}: the list gives it no category or folder, so no topic: give one with --topic.` };
  const keywords = choices.keywords ?? feed.keywords;
  const every = choices.every ?? feed.every;
  // Refused as /sources add refuses such text: it would drive a terminal, or vanish in chat.
  const controlled = [feed.title, keywords, feed.outlet].find((text) => text !== undefined && CONTROL_CHARACTER.test(text));
  if (controlled !== undefined) {
    const what = controlled === feed.title ? 'its name' : controlled === keywords ? 'its keywords' : 'its outlet';
    return { kind: 'refused', line: `refused ${feed.url}: ${what} “${controlled}” holds a control character: remove it from the list.` };
  }
  try {
    const args = { url: feed.url, topic, ...(keywords ? { keywords } : {}), ...(every ? { every } : {}), ...(feed.reliability ? { reliability: feed.reliability } : {}), ...(feed.outlet ? { outlet: feed.outlet } : {}) };
    // Shown in chat as a feed's own title is: one line, no control characters.
    const title = feed.title?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, LIST_TITLE_LIMIT);
    const stamp = { by, at: new Date().toISOString() };
    const source = app.services.sources.add({ ...newSourceFrom(args), ...(title ? { title } : {}) }, stamp);
    const line = `added #${source.id} ${feed.title ?? source.url} (${source.url}) to ${source.topic}`;
    // Paused where the list came from: checking it here would start what an admin had stopped.
    if (!feed.paused) return { kind: 'added', line };
    app.services.sources.pause(source.id, stamp);
    return { kind: 'added', line: `${line}, paused (as in the list)`, paused: true };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { kind: error.code === 'conflict' ? 'watched' : 'refused', line: `${error.code === 'conflict' ? 'skipped' : 'refused'} ${feed.url}: ${error.message}` };
  }
}

/** The longest value of each flag, as its chat option takes it. */
const FLAG_LENGTH: Record<keyof ImportChoices, number> = { topic: sourceTopicOption.maxLength ?? 60, keywords: keywordsOption.maxLength ?? 500, every: everyOption.maxLength ?? 20 };

/**
 * What is wrong with each flag given, in the flags' words: they apply to every feed, so a bad
 * one is the command line's mistake, said once, rather than every feed's refusal.
 */
function flagProblems(choices: ImportChoices): string[] {
  const checks: Record<keyof ImportChoices, (text: string) => unknown> = { topic: parseTopic, keywords: keywordsArg, every: everyMinutes };
  const problems: string[] = [];
  for (const flag of ['topic', 'keywords', 'every'] as const) {
    const value = choices[flag];
    if (value === undefined) continue;
    const named = `--${flag}`;
    if (CONTROL_CHARACTER.test(value)) problems.push(`${named} holds a control character: type it again without one.`);
    else if ([...value].length > FLAG_LENGTH[flag]) problems.push(`${named} may be at most ${FLAG_LENGTH[flag]} characters.`);
    else {
      try {
        checks[flag](value);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        // The command's refusal, with its option written as the flag (`every:15m` as `--every 15m`).
        const asFlag = (text: string) => text.replace(new RegExp(`\\b${flag}:`, 'g'), `${named} `).replace(`Option \`${flag}\``, named);
        problems.push([error.message, ...error.hints].map(asFlag).join(' '));
      }
    }
  }
  return problems;
}

function importList(file: string, choices: ImportChoices, io: CliIo): number {
  const problems = flagProblems(choices);
  if (problems.length > 0) {
    writeLine(io.stderr, `${problems.join('\n')}\nNothing was imported.\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    writeLine(io.stderr, `Cannot read ${file}: ${readProblem(error)}. Nothing was imported.`);
    return 2;
  }
  let feeds: ListedFeed[];
  try {
    feeds = feedsInOpml(text);
  } catch {
    writeLine(io.stderr, `${file} is not an OPML feed list (the <opml> document feed readers export).`);
    return 2;
  }
  if (feeds.length === 0) {
    writeLine(io.stderr, `${file} lists no feed (no outline with an xmlUrl): nothing to import.`);
    return 2;
  }
  const app = openApp(io);
  if (!app) return 2;
  try {
    const outcomes = feeds.map((feed) => watch(app, feed, choices, `import:${file.split('/').pop()}`));
    for (const outcome of outcomes) writeLine(io.stdout, outcome.line);
    const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
    const added = count('added');
    const paused = outcomes.filter((o) => o.paused).length;
    const addedPaused = paused > 0 ? ` (${paused} of them paused, as in the list)` : '';
    writeLine(
      io.stderr,
      `${plural(added, 'feed')} added${addedPaused}, ${count('watched')} watched already, ${count('refused')} refused.${added > paused ? ' Each first check records what its feed holds and proposes none of it.' : ''}`,
    );
    return count('refused') > 0 ? 1 : 0;
  } finally {
    app.close();
  }
}

async function exportList(topic: string | undefined, outFile: string | undefined, io: CliIo): Promise<number> {
  const app = openApp(io);
  if (!app) return 2;
  try {
    const watched = app.services.sources.list();
    const topics = [...new Set([...app.dossier.topics(), ...watched.map((source) => source.topic)])].sort();
    if (topic !== undefined && !topics.includes(topic)) {
      writeLine(io.stderr, `There is no topic "${topic}": nothing was exported. Topics: ${topics.join(', ')}.`);
      return 2;
    }
    const sources = watched.filter((source) => topic === undefined || source.topic === topic);
    const text = opmlOf(sources, new Date());
    try {
      if (outFile) await writeWhole(outFile, [text]);
      else io.stdout.write(text);
    } catch (error) {
      writeLine(io.stderr, `Cannot write ${outFile ?? 'the standard output'}: ${writeProblem(error)}.`);
      return 2;
    }
    writeLine(io.stderr, `Exported ${plural(sources.length, 'watched feed')}${topic ? ` of ${topic}` : ''} as OPML.`);
    return 0;
  } finally {
    app.close();
  }
}

const OPTIONS = { topic: { type: 'string' }, keywords: { type: 'string' }, every: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } as const;

export async function runFeeds(argv: string[], io: CliIo): Promise<number> {
  // `npm run feeds import list.opml --topic gaza` would watch the feeds under the list's own topics.
  const read = readScriptArgs(
    argv,
    io,
    {
      script: 'feeds',
      noun: `feeds ${argv.find((arg) => arg === 'import' || arg === 'export') ?? 'command'}`,
      options: OPTIONS,
      placeholders: { topic: 'SLUG', keywords: 'KEYWORDS', every: '30m', out: 'FILE' },
      positionals: (given) => (given[0] === 'import' ? 2 : 1),
    },
    { args: argv, allowPositionals: true, options: OPTIONS },
    USAGE,
  );
  if ('exit' in read) return read.exit;
  const { values, positionals } = read.args;
  const [action, file, ...rest] = positionals;
  if (values.help) {
    writeLine(io.stderr, USAGE);
    return 0;
  }
  if (action === 'import' && file !== undefined && rest.length === 0) {
    const { topic, keywords, every } = values;
    return importList(file, { ...(topic !== undefined ? { topic } : {}), ...(keywords !== undefined ? { keywords } : {}), ...(every !== undefined ? { every } : {}) }, io);
  }
  if (action === 'export' && file === undefined) return exportList(values.topic, values.out, io);
  writeLine(io.stderr, USAGE);
  return 2;
}
