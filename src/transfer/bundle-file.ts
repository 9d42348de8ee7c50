// Reads a dossier bundle (docs/bundle.md): its header, its records with the line of each, and
// its closing count, which tells a whole bundle from one cut short. A problem anywhere is one
// error for the file: a bundle is loaded whole or not at all.
import { z } from 'zod';
import type { Db } from '../store/connection.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, RECORD_KINDS, recordColumns, recordNoun, type RecordKind } from '../store/bundle-format.js';
import type { BundleRecord } from '../store/bundle-load.js';
import { checkBundleLinks } from './bundle-links.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import { ImportFileError } from './source-row.js';

export interface Bundle {
  topic: string | null;
  records: BundleRecord[];
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

export function readBundle(text: string, db: Db): Bundle {
  const lines = text.split('\n').map((raw, i) => ({ raw, line: i + 1 })).filter(({ raw }) => raw.trim() !== '');
  const [first, ...rest] = lines;
  const given = parseLine(first!.raw, first!.line);
  const head = header.safeParse(given);
  if (!head.success) fail(first!.line, `not a bundle header: ${headerProblem(head.error, given)}`);
  if (head.data!.version > BUNDLE_VERSION) fail(first!.line, `bundle version ${head.data!.version} is newer than this Sitrep reads (${BUNDLE_VERSION}): upgrade Sitrep`);
  const last = rest.pop();
  const closing = last ? end.safeParse(parseLine(last.raw, last.line)) : undefined;
  if (!closing?.success) throw new ImportFileError('the bundle has no closing `end` record: it was cut short, so nothing is imported');
  const columns = new Map(RECORD_KINDS.map((kind) => [kind, recordColumns(db, kind)]));
  const records = rest.map(({ raw, line }) => checkedRecord(parseLine(raw, line), line, columns));
  for (const kind of RECORD_KINDS) {
    const count = records.filter((r) => r.kind === kind).length;
    const said = closing.data.counts[kind] ?? 0;
    if (count !== said) throw new ImportFileError(`the bundle holds ${count} ${kind} records, but its end says ${said}: it is not whole, so nothing is imported`);
  }
  checkBundleLinks(records);
  return { topic: head.data!.topic, records };
}
