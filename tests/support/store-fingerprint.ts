// A digest of every row in the store, to prove a refused command changed nothing.
import Database, { type Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Db } from '../../src/store/connection.js';

const statements = new WeakMap<Db, Map<string, Statement>>();

/** Prepared once per connection: preparing a statement for each of 30 tables costs more than reading them. */
function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function rowDigest(db: Db, except: readonly string[]): string {
  const tables = prepared(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    if (except.includes(table)) continue;
    hash.update(table);
    for (const row of prepared(db, `SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * Reading every row costs milliseconds, and property tests take two digests per input. The same
 * database image (db.serialize) holds the same rows, so a digest is reused while the image is
 * the same: compared byte for byte with the store's last image, else looked up by its hash
 * (a fresh copy of a seeded store has the image of the previous copy).
 */
const lastSeen = new WeakMap<Db, Map<string, { image: Buffer; digest: string }>>();
const digestsByImage = new Map<string, string>();
const KEPT_IMAGES = 64;

/** `except`: tables left out of the digest (a member's own watches, which members may change). */
export function storeFingerprint(db: Db, except: readonly string[] = []): string {
  const image = db.serialize();
  const exceptKey = except.join(',');
  let seen = lastSeen.get(db);
  if (!seen) lastSeen.set(db, (seen = new Map()));
  const last = seen.get(exceptKey);
  if (last?.image.equals(image)) return last.digest;
  const key = `${exceptKey}:${createHash('sha256').update(image).digest('hex')}`;
  let digest = digestsByImage.get(key);
  if (digest === undefined) {
    digest = rowDigest(db, except);
    digestsByImage.set(key, digest);
    if (digestsByImage.size > KEPT_IMAGES) digestsByImage.delete(digestsByImage.keys().next().value!);
  }
  seen.set(exceptKey, { image, digest });
  return digest;
}

/** The fingerprint of the store file at `path`, read through a connection of its own. */
export function fileFingerprint(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return storeFingerprint(db);
  } finally {
    db.close();
  }
}
