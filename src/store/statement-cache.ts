// Prepared statements keyed by their SQL, so dynamically built queries are compiled once.
import type Database from 'better-sqlite3';
import type { Db } from './connection.js';

export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const perConnection = new WeakMap<Db, StatementCache>();

/** One cache per connection, for reads called an entry at a time (an import's, a digest range's). */
export function statementsOf(db: Db): StatementCache {
  let cache = perConnection.get(db);
  if (!cache) perConnection.set(db, (cache = new StatementCache(db)));
  return cache;
}
