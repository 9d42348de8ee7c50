// Reads a dossier bundle (docs/bundle.md): its header, its records with the line of each, and
// its closing count, which tells a whole bundle from one cut short. A problem anywhere is one
// error for the file: a bundle is loaded whole or not at all. It is read a line at a time (see
// bundle-lines): what it holds is counted and checked as it is read, and each record is kept as
// where its line lies, its fields read again from the file when asked for.
import { z } from 'zod';
import type { Db } from '../store/connection.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, RECORD_KINDS, recordColumns, recordNoun, type RecordKind } from '../store/bundle-format.js';
import type { BundleRecord } from '../store/bundle-load.js';
import { BundleLinks } from './bundle-links.js';
import type { BundleLines, FileLine } from './bundle-lines.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import { ImportFileError } from './source-row.js';

export interface Bundle {
  topic: string | null;
  /** Each record's fields are read again from the file each time they are asked for: read them once. */
  records: BundleRecord[];
  /** How many records of each kind it holds. */
  counts: Record<RecordKind, number>;
  /** Its entry records of removed entries. */
  removed: number;
}

const nullableText = z.string().nullable();
/** What a record carries besides its table's columns, checked here; columns are checked by the store. */
const EXTRAS: Partial<Record<RecordKind, z.ZodObject>> = {
  actor: z.object({ names: z.array(z.object({ name: z.string(), primary: z.boolean() }).strict()) }),
  entry: z.object({
    places: z.array(z.object({ place_id: z.int(), position: z.int() }).strict()),
    actors: z.array(z.object({ actor_id: z.int(), role: z.string(), position: z.int() }).strict()),
    // Absent from version 1 bundles, made before sources had grades and entries fatalities and claims.
    sources: z.array(
      z.object({ position: z.int(), outlet: z.string(), url: nullableText, attribution: nullableText, published_on: nullableText, grade: nullableText.optional() }).strict(),
    ),
    tags: z.array(z.string()),
    fatalities: z.object({ low: z.int().nullable(), best: z.int(), high: z.int().nullable(), source: z.string() }).strict().nullable().optional(),
    claims: z
      .array(
        z.object({
          position: z.int(), actor_id: z.int(), stance: z.string(), claimed_on: z.string(), outlet: z.string(),
          url: nullableText, attribution: nullableText, grade: nullableText, note: nullableText,
        }).strict(),
      )
      .optional(),
  }),
};

const header = z.object({ record: z.literal(BUNDLE_FORMAT), version: z.int(), topic: z.string().nullable() }).strict();
const end = z.object({ record: z.literal('end'), counts: z.record(z.string(), z.int()) }).strict();

/** Whether the text is a bundle: its first line is a bundle's header. */
export function isBundle(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && (value as { record?: unknown }).record === BUNDLE_FORMAT;
  } catch {
    return false;
  }
}

const fail = (line: number, problem: string): never => {
  throw new ImportFileError(`line ${line}: ${problem}`);
};

function parseLine(raw: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    fail(line, jsonSyntaxProblem(raw, error).message.replace(/^line 1, /, ''));
  }
  return fail(line, 'each line of a bundle is a JSON object');
}

function checkedRecord(value: Record<string, unknown>, line: number, columns: ReadonlyMap<RecordKind, string[]>): BundleRecord {
  const kind = value.record as RecordKind;
  if (!RECORD_KINDS.includes(kind)) fail(line, `unknown record \`${String(value.record)}\`; records are ${RECORD_KINDS.join(', ')} and end`);
  const { record: _kind, ...fields } = value;
  const extras = EXTRAS[kind];
  const known = [...columns.get(kind)!, ...Object.keys(extras?.shape ?? {})];
  const unknown = Object.keys(fields).find((field) => !known.includes(field));
  if (unknown !== undefined) fail(line, `${recordNoun(kind)} has the field \`${unknown}\`, which this store does not have: was the bundle made by a newer Sitrep?`);
  const parsed = extras?.safeParse(fields);
  if (parsed && !parsed.success) fail(line, `${recordNoun(kind)} is malformed: ${z.prettifyError(parsed.error).replace(/\n+/g, ' ')}`);
  return { kind, line, fields };
}

/** A JSON value as the file gives it, and what kind it is: `"3"` (text). */
const shown = (value: unknown) => `${JSON.stringify(value) ?? String(value)} (${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'text' : typeof value})`;

const HEADER_FIELDS: Record<string, string> = { version: 'a whole number, like 3', topic: "a topic's name, or null for the whole dossier", record: `"${BUNDLE_FORMAT}"` };

/** What is wrong with a bundle's header, field by field, in words rather than zod's. */
function headerProblem(error: z.ZodError, given: Record<string, unknown>): string {
  return error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      if (issue.code === 'unrecognized_keys') return `it has the field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}, which a header does not have (was the bundle made by a newer Sitrep?)`;
      const expected = HEADER_FIELDS[field];
      if (expected === undefined) return issue.message;
      return `\`${field}\` must be ${expected} — got ${field in given ? shown(given[field]) : 'nothing'}`;
    })
    .join('; ');
}

/** A record kept as where its line lies in the file; its fields, parsed again when asked for. */
class RecordInFile implements BundleRecord {
  readonly line: number;
  private readonly offset: number;
  private readonly length: number;

  constructor(
    readonly kind: RecordKind,
    { line, offset, length }: FileLine,
    private readonly file: BundleLines,
  ) {
    this.line = line;
    this.offset = offset;
    this.length = length;
  }

  get fields(): Record<string, unknown> {
    const { record: _kind, ...fields } = JSON.parse(this.file.textAt({ line: this.line, offset: this.offset, length: this.length })) as Record<string, unknown>;
    return fields;
  }
}

/** The bundle's first non-blank line, checked as its header. */
function checkedHeader(first: FileLine | undefined): z.infer<typeof header> {
  if (!first) throw new ImportFileError("its first line is not a bundle's header (see docs/bundle.md)");
  const given = parseLine(first.text, first.line);
  const head = header.safeParse(given);
  if (!head.success) fail(first.line, `not a bundle header: ${headerProblem(head.error, given)}`);
  if (head.data!.version > BUNDLE_VERSION) fail(first.line, `bundle version ${head.data!.version} is newer than this Sitrep reads (${BUNDLE_VERSION}): upgrade Sitrep`);
  return head.data!;
}

/**
 * Reads the open bundle through, checking each record against the store's columns and the links
 * between records; `onRecord` sees each record as it is read (a whole load's checks gather what
 * they need). The first problem is thrown after the whole file was read, in this order: the
 * header, a bundle cut short (no closing `end`), a record that cannot be read, counts that are
 * not the end's, an id given twice, a link naming no record.
 */
export function readBundle(file: BundleLines, db: Db, onRecord?: (record: BundleRecord) => void): Bundle {
  const columns = new Map(RECORD_KINDS.map((kind) => [kind, recordColumns(db, kind)]));
  const counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
  const links = new BundleLinks();
  const records: BundleRecord[] = [];
  let removed = 0;
  let head: z.infer<typeof header> | undefined;
  // Each line is a record once the next is read: the last is the closing `end`.
  let previous: FileLine | undefined;
  let unreadable: unknown;
  const read = (at: FileLine) => {
    try {
      const record = checkedRecord(parseLine(at.text, at.line), at.line, columns);
      counts[record.kind] += 1;
      if (record.kind === 'entry' && record.fields.deleted_at !== null) removed += 1;
      links.add(record);
      onRecord?.(record);
      records.push(new RecordInFile(record.kind, at, file));
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      // Past the first record that cannot be read, lines are only looked through for the closing `end`.
      unreadable = error;
    }
  };
  for (const at of file.lines()) {
    if (at.text.trim() === '') continue;
    if (!head) {
      head = checkedHeader(at);
      continue;
    }
    if (previous && unreadable === undefined) read(previous);
    previous = at;
  }
  if (!head) checkedHeader(undefined);
  const closing = previous ? end.safeParse(parseLine(previous.text, previous.line)) : undefined;
  if (!closing?.success) throw new ImportFileError('the bundle has no closing `end` record: it was cut short, so nothing is imported');
  if (unreadable !== undefined) throw unreadable;
  for (const kind of RECORD_KINDS) {
    const said = closing.data.counts[kind] ?? 0;
    if (counts[kind] !== said) throw new ImportFileError(`the bundle holds ${counts[kind]} ${kind} records, but its end says ${said}: it is not whole, so nothing is imported`);
  }
  links.check();
  return { topic: head!.topic, records, counts, removed };
}
