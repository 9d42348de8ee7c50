// Import rows, read and checked in process: the shapes a file may take, what each row becomes,
// and what is refused, with the line and the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { EntryDetail } from '../../src/core/domain.js';
import { silentLogger } from '../../src/core/logger.js';
import { acledSides } from '../../src/transfer/acled-sides.js';
import { csvRow } from '../../src/transfer/export-rows.js';
import { planImport } from '../../src/transfer/import-plan.js';
import { ImportFileError, readRows, type ImportFormat, type SourceRow } from '../../src/transfer/row-reader.js';
import { checkRow } from '../../src/transfer/row-validation.js';

let app: App;
beforeAll(() => {
  app = createApp({ dbPath: ':memory:', admins: [], logger: silentLogger });
});
afterAll(() => app.close());

const base = { title: 'Row', date: '2025-08', type: 'talks', topic: 'syria-israel' };
const check = (row: Record<string, unknown>) => checkRow({ ...base, ...row }, app.dossier);
const reasonOf = (row: Record<string, unknown>) => {
  const result = check(row);
  return result.ok ? 'accepted' : result.reason;
};
const fileError = (text: string, format: ImportFormat) => {
  try {
    readRows(text, format);
  } catch (error) {
    if (error instanceof ImportFileError) return error.message;
    throw error;
  }
  return 'no file error';
};
const lines = (rows: SourceRow[]) => rows.map((r) => [r.line, r.error ?? (r.values?.title as string)]);

describe('GIVEN import row values', () => {
  it('WHEN a list, the summary or the end is empty ([], "" or null) THEN it means none, as an export writes it', () => {
    const result = check({ places: [], actors: [], tags: [], sources: [], summary: '', end: null });
    expect(result.ok && result.input).toMatchObject({ places: [], actors: [], tags: [], sources: [], summary: '' });
  });

  it('WHEN a list item holds a comma THEN the row is refused, naming the field and the item', () => {
    expect(reasonOf({ actors: ['Ministry of Defence, Syria:initiator', 'Israel:target'] })).toBe(
      '`actors` item `Ministry of Defence, Syria:initiator` holds a comma, which separates items: give each item separately, without commas.',
    );
    expect(reasonOf({ places: ['Quneitra, Syria'] })).toMatch(/^`places` item `Quneitra, Syria` holds a comma/);
    expect(reasonOf({ actors: [{ name: 'Syria, Arab Republic', role: 'host' }] })).toMatch(/^`actors` item `Syria, Arab Republic:host` holds a comma/);
    // The text form splits on commas, as in chat.
    expect(check({ places: 'Quneitra, Syria' }).ok && check({ places: 'Quneitra, Syria' })).toMatchObject({ input: { places: ['Quneitra', 'Syria'] } });
  });

  it('WHEN `sources` items are not source objects THEN the row is refused, not the source dropped', () => {
    expect(reasonOf({ sources: ['https://x.org/s'] })).toBe('`sources` item 1 must be an object like {"outlet": "AFP", "url": "https://…"} — got `https://x.org/s`.');
    expect(reasonOf({ sources: [{ outlet: 'R', source_url: 'https://x.org/1' }] })).toBe('`sources` item 1 has an unknown key `source_url`; keys are url, outlet, attribution, published, grade.');
    expect(reasonOf({ sources: [{ outlet: 'A' }, { outlet: 'R', urll: 'https://x.org/9' }] })).toMatch(/^`sources` item 2 has an unknown key `urll`/);
    expect(reasonOf({ sources: [{ outlet: 'R', published_on: '2025-01' }] })).toMatch(/unknown key `published_on`/);
    expect(reasonOf({ sources: [{ attribution: 'Officials' }] })).toBe('`sources` item 1 needs `outlet` or `url`.');
    expect(reasonOf({ sources: [{ url: 'ftp://x.org' }] })).toMatch(/^`sources` item 1: `url` must be an http\(s\) link/);
    expect(reasonOf({ sources: { outlet: 'R' } })).toMatch(/^`sources` must be a list like/);
  });

  it('WHEN flat source options come with `sources` THEN the row is refused; `more_sources` follows them', () => {
    expect(reasonOf({ outlet: 'AFP', source_url: 'https://x.org/afp', sources: [{ outlet: 'Reuters' }] })).toBe(
      '`sources` lists every source, so `source_url` cannot be given too: move that source into `sources`.',
    );
    expect(reasonOf({ more_sources: [{ outlet: 'Reuters' }] })).toMatch(/^`more_sources` lists the sources after the first/);
    const result = check({ outlet: 'AFP', source_url: 'https://x.org/afp', more_sources: '[{"outlet":"Reuters","published":"2025-08"}]' });
    expect(result.ok && result.input.sources).toEqual([{ outlet: 'AFP', url: 'https://x.org/afp' }, { outlet: 'Reuters', published: '2025-08' }]);
  });

  it('WHEN a value is a number THEN it is read as its text; other non-text values are refused plainly', () => {
    const result = check({ date: 2025, title: 1948, tags: [2025, 'talks'] });
    expect(result.ok && result.input).toMatchObject({ start: { year: 2025 }, title: '1948', tags: ['2025', 'talks'] });
    expect(reasonOf({ date: true })).toBe('`date` must be text like 2025-07-12 — got `true`.');
    expect(reasonOf({ summary: { text: 'x' } })).toBe('`summary` must be text like "What happened, as sourced" — got an object.');
    expect(reasonOf({ title: ['a', 'b'] })).toMatch(/^`title` must be text like .* — got a list\.$/);
    expect(reasonOf({ actors: [{ name: 'Syria', rol: 'host' }] })).toBe('`actors` item has an unknown key `rol`; keys are name, role and kind.');
  });
});

describe('GIVEN import duplicates', () => {
  const plan = (titles: string[], date = '2025-07-12') =>
    planImport(titles.map((title, i) => ({ line: i + 2, values: { ...base, title, date } })), app.db, app.dossier);

  it('WHEN a title differs from a stored one only by case, accents or punctuation THEN it is a duplicate, as within the file', () => {
    const result = plan(['SYRIAN AND ISRAELI OFFICIALS MEET IN BAKU', 'Syrian and Israeli officials meet in Bakú!', 'Syrian, Israeli officials meet in Baku']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['duplicate of entry #12 (same date and title)', 'duplicate of entry #12 (same date and title)']);
    expect(result.accepted.map((a) => a.input.title)).toEqual(['Syrian, Israeli officials meet in Baku']);
    const inFile = plan(['Élysée talks', 'Elysee talks!'], '2025-09');
    expect(inFile.skipped).toEqual([{ line: 3, reason: 'duplicate of line 2 in this file' }]);
  });

  it('WHEN the date differs only in precision THEN it is not a duplicate', () => {
    expect(plan(['Syrian and Israeli officials meet in Baku'], '2025-07').accepted).toHaveLength(1);
  });
});

describe('GIVEN an import file', () => {
  it('WHEN a CSV record spans lines (\\n or \\r\\n) THEN its row has the line the record starts on', () => {
    for (const eol of ['\n', '\r\n']) {
      const csv = ['title,date,type,topic,summary', 'A,2025,talks,t,"x', 'y', 'z"', '', 'B,2025,talks,t,s', '"C', 'c",2025,talks,t,s', ''].join(eol);
      // A break inside a quoted value reads as \n whatever the file's line ends (see csv-rows).
      expect(lines(readRows(csv, 'csv'))).toEqual([[2, 'A'], [6, 'B'], [7, 'C\nc']]);
    }
  });

  it('WHEN a CSV record has the wrong number of values THEN only that row is refused', () => {
    const csv = 'title,date,type,topic,outlet\nA,2025,talks,t,AFP\nB,2025,talks,t\nC,2025,talks,t,Anadolu, Ankara\nD,2025,talks,t,AFP\n';
    expect(lines(readRows(csv, 'csv'))).toEqual([
      [2, 'A'],
      [3, "4 values for the header's 5 columns: give every column a value, even an empty one"],
      [4, "6 values for the header's 5 columns: column 6 holds a value the header names no column for: name it, or quote a value that holds a comma"],
      [5, 'D'],
    ]);
  });

  it.each([
    ['title;date;type;topic\nX;2025;talks;t\n', 'line 1: the header is separated by `;`: separate columns with commas'],
    ['title,date,type\nX,2025,talks\n', 'line 1: the header has no `topic` column; required: title, date, type, topic'],
    ['title,date,type,topic,colour\nX,2025,talks,t,red\nY,2025,talks,t,blue\n', 'line 1: unknown column `colour`; columns are title, date, type, topic, summary, end, places, actors, source_url, outlet, attribution, published, grade, confidence, fatalities, fatalities_source, tags, sources, more_sources, claims, key, located, place_refs, revision (and ACLED\'s, which are ignored)'],
    ['title,date,type,topic,title\nX,2025,talks,t,Y\n', 'line 1: column `title` appears twice in the header'],
    ['title,date,type,topic\nX,2025,talks,t\n"Y,2025,talks,t\n', 'line 3: a quoted value is never closed (a `"` is missing)'],
  ])('WHEN a CSV header or quote is wrong THEN it is one error for the file: %j', (csv, message) => {
    expect(fileError(csv, 'csv')).toBe(message);
  });

  it('WHEN a JSON file is not valid JSON THEN the error names the line and column', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `  {"title":"T${i + 1}","date":"2025-01-01","type":"talks","topic":"t"},`);
    const text = ['[', ...rows, '  {"title":"bad" "date":"2025"}', ']'].join('\n');
    expect(fileError(text, 'json')).toBe("line 32, column 18: not valid JSON (Expected ',' or '}' after property value)");
    expect(fileError('[\n  {"title": "x"},\n]\n', 'json')).toBe("line 3, column 1: not valid JSON (Unexpected token ']')");
    expect(fileError('[\n  {"title": "x"', 'json')).toMatch(/^line 2, column 16: not valid JSON \(/);
  });

  it('WHEN a JSON file is NDJSON or one object THEN the error says what to do', () => {
    expect(fileError('{"title":"A"}\n{"title":"B"}\n', 'json')).toMatch(/; it looks like NDJSON \(one object per line\): use --format ndjson, or name the file \.ndjson$/);
    expect(fileError('{"title":"A"}\n', 'json')).toBe('a JSON import must be an array of objects, like [{"title": …}]: put the object in [ ]');
    expect(fileError('[\n{"title":"A"}\n]\n', 'ndjson')).toMatch(/^NDJSON has one object per line, but this file starts with `\[`/);
  });

  it('WHEN a JSON or NDJSON file starts with a byte order mark THEN it reads as without one', () => {
    expect(lines(readRows('\uFEFF[\n{"title":"A"},\n{"title":"B"}\n]', 'json'))).toEqual([[2, 'A'], [3, 'B']]);
    expect(lines(readRows('\uFEFF{"title":"A"}\n\n{"title":"B"}\n', 'ndjson'))).toEqual([[1, 'A'], [3, 'B']]);
    expect(lines(readRows('\uFEFFtitle,date,type,topic\r\nA,2025,talks,t\r\n', 'csv'))).toEqual([[2, 'A']]);
  });

  it('WHEN an NDJSON line is not JSON THEN only that row is refused, with the column', () => {
    expect(lines(readRows('{"title":"A"}\n{"title" "B"}\n', 'ndjson'))).toEqual([[1, 'A'], [2, "column 10: not valid JSON (Expected ':' after property name)"]]);
  });
});

describe('GIVEN the ACLED columns of a CSV export', () => {
  const actor = (actorId: number, name: string, role: string) => ({ actorId, name, role }) as EntryDetail['actors'][number];
  const names = (actors: EntryDetail['actors']) => acledSides(actors, new Map(), false).map(([first]) => first?.name);

  it('THEN actor1 is the first initiator (else the first actor) and actor2 the first target (else another actor)', () => {
    expect(names([actor(3, 'Tom Barrack', 'mediator'), actor(2, 'Israel', 'initiator'), actor(1, 'Syria', 'target')])).toEqual(['Israel', 'Syria']);
    expect(names([actor(1, 'Syria', 'initiator'), actor(1, 'Syria', 'host')])).toEqual(['Syria', undefined]);
    expect(names([actor(1, 'Syria', 'participant'), actor(2, 'Israel', 'participant')])).toEqual(['Syria', 'Israel']);
    expect(names([actor(2, 'Israel', 'target'), actor(1, 'Syria', 'initiator')])).toEqual(['Syria', 'Israel']);
    expect(names([])).toEqual([undefined, undefined]);
  });

  it('THEN the row carries the summary and every source in the import columns', () => {
    const entry = app.dossier.getEntry(1)!;
    const row = csvRow({ ...entry, sources: [{ outlet: 'AFP', url: 'https://x.org/a' }, { outlet: 'Reuters', published: '2025' }] }, undefined, () => true);
    expect(row).toMatchObject({ summary: entry.summary, notes: entry.summary, outlet: 'AFP', source_url: 'https://x.org/a', more_sources: '[{"outlet":"Reuters","published":"2025"}]' });
  });
});
