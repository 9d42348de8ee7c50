// npm run export -- [--format json|ndjson|csv|acled|bundle] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]
// Writes the live entries, oldest first, to stdout or a file; or, as a bundle, the whole dossier
// (docs/bundle.md).
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { App } from '../app.js';
import { openCurrentStore } from './current-store.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import type { Config } from '../config.js';
import { configOrSay } from './cli-config.js';
import { createLogger } from '../log.js';
import type { PlaceDirectory, StoredPlace } from '../core/places/place-port.js';
import { CSV_COLUMNS, csvRow, exportRow, type PlacesLocated } from './export-rows.js';
import type { RefOfPlace } from './place-refs.js';
import { firstDay, formatPartialDate, lastDay, type PartialDate } from '../core/partial-date.js';
import { closestNames } from '../core/ranking.js';
import { plural } from '../core/text.js';
import type { EventType } from '../core/vocabulary.js';
import { bundleRecords } from '../store/bundle-export.js';
import { RECORD_KINDS, type RecordKind } from '../store/bundle-format.js';
import { bundleContents } from './bundle-contents.js';
import { LATEST_ENTRY_REVISION } from '../store/entry-revision-reads.js';
import { acledText } from './acled-export.js';
import { storedActorFacts } from './actor-facts.js';
import { gazetteerLocator, type PlaceLocator } from './acled-geo.js';
import { notToReplace, writeProblem, writeWhole } from './out-file.js';
import { readScriptArgs } from './script-args.js';
import { removeLeftovers } from './leftovers.js';
import { EXPORT_FORMATS, exportFormat, type ExportFormat } from './export-format.js';
import { flagDate } from './flag-dates.js';
import { repeatedFlag } from './repeated-flags.js';

const USAGE = `Usage: npm run export -- [--format ${EXPORT_FORMATS.join('|')} (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]`;
const OPTIONS = {
  format: { type: 'string' }, topic: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' },
} as const;

/** What the export says of the entries' places: whether all are located, and each located one's record; each place looked up once per export. */
function storedPlaces(places: PlaceDirectory): { located: PlacesLocated; refOf: RefOfPlace } {
  const stored = new Map<string, StoredPlace | undefined>();
  const lookUp = (name: string) => {
    if (!stored.has(name)) stored.set(name, places.stored(name));
    return stored.get(name);
  };
  return {
    located: (entry) => entry.places.every((name) => lookUp(name)?.location === 'located'),
    refOf: (name) => {
      const place = lookUp(name);
      return place?.location === 'located' ? place.ref : undefined;
    },
  };
}

interface ExportedEntry {
  id: number;
  key: string | null;
  /** Its latest revision, number and time: the state the row shows. */
  revision: string | null;
}

/**
 * The byte order mark the CSV starts with: without it, Excel on Windows reads the file as
 * Windows-1252 (`–` as `â€“`). The import reads it, as csv-parse and pandas' utf-8-sig do.
 */
const UTF8_BOM = '\uFEFF';

/** JSON: an array, one entry a line; NDJSON: the same objects, one a line, without the array. */
function* exportText(app: App, entries: readonly ExportedEntry[], format: 'json' | 'ndjson' | 'csv'): Generator<string> {
  if (format === 'csv') yield `${UTF8_BOM}${stringify([[...CSV_COLUMNS]])}`;
  if (format === 'json') yield '[\n';
  const { located, refOf } = storedPlaces(app.services.places);
  // The ACLED-named columns side the actors as --format acled does, by the bodies they belong to.
  const actors = format === 'csv' ? storedActorFacts(app.db) : undefined;
  for (const [i, { id, key, revision }] of entries.entries()) {
    const entry = app.dossier.getEntry(id)!;
    if (format === 'csv') yield stringify([csvRow(entry, key, located, refOf, revision, actors)], { columns: [...CSV_COLUMNS] });
    else if (format === 'ndjson') yield `${JSON.stringify(exportRow(entry, key, located, refOf, revision))}\n`;
    else yield `${i > 0 ? ',\n' : ''}  ${JSON.stringify(exportRow(entry, key, located, refOf, revision))}`;
  }
  if (format === 'json') yield '\n]\n';
}

/** How many records of each kind a bundle was written with, and how many of its entries are removed. */
interface BundleTally {
  counts: Record<RecordKind, number>;
  removed: number;
}

/** One record a line (docs/bundle.md), each counted in `tally` as it is written. */
function* bundleText(app: App, topic: string | undefined, tally: BundleTally): Generator<string> {
  for (const record of bundleRecords(app.db, topic) as Iterable<{ record: string; deleted_at?: unknown }>) {
    const kind = record.record as RecordKind;
    if (kind in tally.counts) tally.counts[kind] += 1;
    if (kind === 'entry' && record.deleted_at !== null) tally.removed += 1;
    yield `${JSON.stringify(record)}\n`;
  }
}

/**
 * Streams the export with back-pressure, to --out whole or not at all (a failed export leaves the
 * file that was there); a write error comes back as a one-line reason. A reader that stops early
 * (`| head`) is no error: the export stops.
 */
async function writeOut(text: Iterable<string>, outFile: string | undefined, dbPath: string, stdout: Writable, stderr: Writable): Promise<'written' | 'stopped' | 'failed'> {
  try {
    if (outFile) await writeWhole(outFile, text, () => refuseToReplace(dbPath, outFile));
    else await pipeline(Readable.from(text), stdout);
    return 'written';
  } catch (error) {
    if (error instanceof NotToReplace) {
      writeLine(stderr, error.message);
      return 'failed';
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 'stopped';
    writeLine(stderr, `Cannot write ${outFile ?? 'the standard output'}: ${writeProblem(error)}.`);
    return 'failed';
  }
}

class NotToReplace extends Error {}

/** Why --out must not be replaced (see notToReplace), in one line saying what to do. */
function replaceRefusal(dbPath: string, outFile: string): string | undefined {
  const problem = notToReplace(dbPath, outFile);
  return problem && `${problem}: export to another file. Nothing was written.`;
}

function refuseToReplace(dbPath: string, outFile: string): void {
  const refusal = replaceRefusal(dbPath, outFile);
  if (refusal) throw new NotToReplace(refusal);
}

/**
 * The removed entries the selection holds, which only a bundle carries: said, so that a count
 * short of what /timeline shows with its removed entries is explained.
 */
function removedLine(removed: number): string | undefined {
  return removed === 0 ? undefined : `; ${plural(removed, 'removed entry', 'removed entries')} left out (a bundle keeps removed entries: --format bundle)`;
}

/** What an ACLED export left out, and why, in one line; none when it left nothing out. */
function leftOutLine(leftOut: ReadonlyMap<EventType, number>): string | undefined {
  const counts = [...leftOut].map(([type, n]) => plural(n, `${type} entry`, `${type} entries`));
  return counts.length === 0 ? undefined : `Left out ${counts.join(', ')}: ACLED records no such event (see "ACLED export" in the README).`;
}

/** The days an export covers: entries whose dates reach into them, as /timeline since: until: reads them. */
interface DayRange {
  from?: string;
  to?: string;
  /** `from Jul 2025 to 10 Sep 2025`, as typed. */
  words: string;
}

/** The range --since and --until give, or why not. */
function dayRange(since: string | undefined, until: string | undefined): DayRange | { problem: string } | undefined {
  if (since === undefined && until === undefined) return undefined;
  const read = (flag: string, text: string | undefined): PartialDate | undefined => {
    if (text === undefined) return undefined;
    const date = flagDate(flag, text);
    if ('problem' in date) throw new Error(date.problem);
    return date;
  };
  try {
    const [from, to] = [read('since', since), read('until', until)];
    if (from && to && firstDay(from) > lastDay(to)) return { problem: `--since (${formatPartialDate(from)}) is after --until (${formatPartialDate(to)}).` };
    const words = [from ? `from ${formatPartialDate(from)}` : '', to ? `to ${formatPartialDate(to)}` : ''].filter(Boolean).join(' ');
    return { ...(from ? { from: firstDay(from) } : {}), ...(to ? { to: lastDay(to) } : {}), words };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

interface ExportRequest {
  format: ExportFormat;
  topic?: string;
  days?: DayRange;
  outFile?: string;
  /** The ACLED geography's source; the store's located places when not given. */
  locate?: PlaceLocator;
}

async function exportEntries({ format, topic: typedTopic, days, outFile, locate }: ExportRequest, config: Config, io: CliIo): Promise<number> {
  // Topics are slugs in lower case, as the commands read them (`Syria-Israel` is syria-israel).
  const topic = typedTopic?.toLowerCase();
  // Opening a missing store would create and seed one: a mistyped SITREP_DB would export that.
  if (!existsSync(config.dbPath)) {
    writeLine(io.stderr, `There is no store at ${config.dbPath} (SITREP_DB): nothing to export.`);
    return 2;
  }
  // Checked before the store is opened, and again just before the export takes the file's place.
  const refused = outFile === undefined ? undefined : replaceRefusal(config.dbPath, outFile);
  if (refused) {
    writeLine(io.stderr, refused);
    return 2;
  }
  if (outFile) removeLeftovers([join(dirname(outFile), `.${basename(outFile)}.partial-`)], 'a killed export', io.stderr);
  const app = openCurrentStore({ dbPath: config.dbPath, admins: config.admins, logger: createLogger('warn') });
  try {
    const topics = app.dossier.topics();
    if (topic !== undefined && !topics.includes(topic)) {
      const close = closestNames(topics, topic);
      writeLine(io.stderr, `There is no topic "${typedTopic}". ${close.length > 0 ? `Closest topics: ${close.join(', ')}.` : `Topics: ${topics.join(', ')}.`}`);
      return 2;
    }
    // An entry whose dates reach into the days (a month, a span) is in them, as on /timeline.
    const terms = [...(topic ? ['topic = @topic'] : []), ...(days?.from ? ['day_to >= @from'] : []), ...(days?.to ? ['day_from <= @to'] : [])].map((t) => `AND ${t}`).join(' ');
    const params = { ...(topic ? { topic } : {}), ...(days?.from ? { from: days.from } : {}), ...(days?.to ? { to: days.to } : {}) };
    const entries = app.db.prepare(`SELECT id, key, ${LATEST_ENTRY_REVISION} AS revision FROM entries WHERE deleted_at IS NULL ${terms} ORDER BY day_from, id`).all(params) as ExportedEntry[];
    const removed = format === 'bundle' ? 0 : (app.db.prepare(`SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL ${terms}`).pluck().get(params) as number);
    const leftOut = new Map<EventType, number>();
    const ids = entries.map((e) => e.id);
    const tally: BundleTally = { counts: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>, removed: 0 };
    const text =
      format === 'bundle' ? bundleText(app, topic, tally) : format === 'acled' ? acledText(app, ids, locate ?? gazetteerLocator(app.services.places), leftOut) : exportText(app, entries, format);
    const outcome = await writeOut(text, outFile, config.dbPath, io.stdout, io.stderr);
    if (outcome === 'written') {
      const skipped = [...leftOut.values()].reduce((sum, n) => sum + n, 0);
      const what = format === 'bundle' ? 'the dossier' : plural(entries.length - skipped, 'entry', 'entries');
      // A bundle says what it holds as its import will: the two can be compared.
      const held = format === 'bundle' ? `: ${bundleContents(tally.counts, tally.removed)}` : '';
      writeLine(io.stderr, `Exported ${what}${topic ? ` of ${topic}` : ''}${days ? ` ${days.words}` : ''} as ${format}${outFile ? ` to ${outFile}` : ''}${removedLine(removed) ?? ''}${held}.`);
      const note = leftOutLine(leftOut);
      if (note) writeLine(io.stderr, note);
    }
    return outcome === 'failed' ? 2 : 0;
  } finally {
    app.close();
  }
}

/** What to do instead of giving an option twice. */
const REPEATED_FIX: Readonly<Record<string, string>> = {
  topic: 'export one topic at a time or leave --topic out',
  format: 'give one format, or leave --format out to follow --out\'s extension',
  since: 'give one date to start from',
  until: 'give one date to end at',
  out: 'give one file to write',
};

/** `locate` places entries for the ACLED geography columns; by default the store's located places do. */
export async function runExport(argv: string[], io: CliIo, locate?: PlaceLocator): Promise<number> {
  // `npm run export --format csv` leaves `csv` as a stray argument, and `--topic=gaza` exports every topic.
  const read = readScriptArgs(
    argv,
    io,
    { script: 'export', noun: 'export', options: OPTIONS, choices: { format: EXPORT_FORMATS }, placeholders: { topic: 'SLUG', since: 'DATE', until: 'DATE', out: 'FILE' }, positionals: () => 0 },
    { args: argv, options: OPTIONS, tokens: true },
    USAGE,
  );
  if ('exit' in read) return read.exit;
  const { values } = read.args;
  if (values.help) {
    writeLine(io.stderr, USAGE);
    return 0;
  }
  const repeated = repeatedFlag(read.args.tokens, ['format', 'topic', 'since', 'until', 'out']);
  if (repeated) {
    writeLine(io.stderr, `--${repeated.name} given twice: ${repeated.first} and ${repeated.second}; ${REPEATED_FIX[repeated.name]}.`);
    return 2;
  }
  const chosen = exportFormat(values.format, values.out);
  if ('problem' in chosen) {
    writeLine(io.stderr, `${chosen.problem} ${USAGE}`);
    return 2;
  }
  const { format } = chosen;
  const days = dayRange(values.since, values.until);
  if (days && 'problem' in days) {
    writeLine(io.stderr, `${days.problem} ${USAGE}`);
    return 2;
  }
  if (days && format === 'bundle') {
    writeLine(io.stderr, 'A bundle holds a whole dossier (or one --topic), history included: --since and --until are for json, ndjson, csv and acled.');
    return 2;
  }
  // Said as the bot's start says it, before the store is looked at.
  const config = configOrSay(io);
  if (!config) return 2;
  try {
    const request = { format, ...(locate ? { locate } : {}), ...(values.topic ? { topic: values.topic } : {}), ...(days ? { days } : {}), ...(values.out ? { outFile: values.out } : {}) };
    return await exportEntries(request, config, io);
  } catch (error) {
    writeLine(io.stderr, `Export failed: ${(error as Error).message}`);
    return 2;
  }
}
