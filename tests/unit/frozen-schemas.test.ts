/**
 * Shipped migrations stay as they shipped, and every released database upgrades: the sandbox's and the cache's
 * schemas are frozen per version (tests/fixtures/schemas, `npm run freeze:schemas` adds a new version's), databases
 * are built from those frozen files, not from today's migration text, filled with a row per table, and upgraded
 * by today's code.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { cacheVersion, migrateCache } from '../../electron/main/services/cache/cache-database';
import { migrate as migrateSandbox, schemaVersion } from '../../sandbox/db/database';
import {
  frozenDatabases,
  frozenSchema,
  frozenSchemaFile,
  schemaAfter,
  schemaOf,
  type FrozenDatabase,
} from '../fixtures/schemas/frozen-schemas';

const databases = Object.keys(frozenDatabases) as FrozenDatabase[];
const upgrade: Record<FrozenDatabase, (db: Database.Database) => number> = {
  sandbox: (db) => {
    migrateSandbox(db);
    return schemaVersion(db);
  },
  cache: (db) => {
    migrateCache(db);
    return cacheVersion(db);
  },
};

/** A database as a frozen schema file describes it: tables first (a virtual table makes its own shadow tables). */
function buildFrom(schema: string, version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF'); // one row per table, with no rows for it to refer to
  const statements = schema.split(';\n').filter((statement) => statement.trim());
  const order = (statement: string) =>
    /^CREATE VIRTUAL TABLE/.test(statement) ? 0 : /^CREATE TABLE/.test(statement) ? 1 : 2;
  for (const statement of [...statements].sort((a, b) => order(a) - order(b))) {
    const table = /^CREATE TABLE ['"]?(\w+)/.exec(statement)?.[1];
    if (table && db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table)) continue; // a shadow table
    db.exec(statement);
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

/** The ordinary tables (not virtual, not a virtual table's shadow tables). */
function plainTables(db: Database.Database): string[] {
  const all = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{
    name: string;
    sql: string;
  }>;
  const virtual = all.filter((table) => /^CREATE VIRTUAL TABLE/.test(table.sql)).map((table) => table.name);
  return all
    .filter((table) => !virtual.some((name) => table.name === name || table.name.startsWith(`${name}_`)))
    .map((table) => table.name)
    .sort();
}

/** One row in every table, each required column given a value of its declared type. */
function fillOneRowEach(db: Database.Database): string[] {
  const tables = plainTables(db);
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }>;
    const given = columns.filter((column) => (column.notnull && column.dflt_value === null) || column.pk);
    const values = new Map<string, unknown>(
      given.map((column) => [
        column.name,
        /INT/i.test(column.type)
          ? 1
          : /REAL/i.test(column.type)
            ? 1.5
            : /BLOB/i.test(column.type)
              ? Buffer.from('x')
              : '{}',
      ]),
    );
    const insert = db.prepare(
      `INSERT INTO ${table} (${given.map((column) => column.name).join(', ')}) VALUES (${given.map(() => '?').join(', ')})`,
    );
    // A column a CHECK limits to a list of values gets the first of them.
    for (let attempt = 0; ; attempt++) {
      try {
        insert.run(...values.values());
        break;
      } catch (error) {
        const check = /CHECK constraint failed: (\w+) IN \('([^']*)'/.exec(String(error));
        if (!check || attempt > 5) throw error;
        values.set(check[1]!, check[2]);
      }
    }
  }
  return tables;
}

describe.each(databases)('the %s database’s released schemas', (database) => {
  const count = frozenDatabases[database].length;

  it('every migration has its frozen schema, and nothing is frozen past the last migration', () => {
    for (let version = 1; version <= count; version++)
      expect(
        frozenSchema(database, version),
        `${frozenSchemaFile(database, version)} (npm run freeze:schemas)`,
      ).not.toBeNull();
    expect(frozenSchema(database, count + 1)).toBeNull();
  });

  it('today’s migrations still build each frozen schema exactly (a shipped migration was not edited)', () => {
    for (let version = 1; version <= count; version++)
      expect(schemaAfter(database, version), `version ${version}`).toBe(frozenSchema(database, version));
  });

  it('a database of every released version upgrades to the latest schema and keeps its rows', () => {
    const latest = frozenSchema(database, count)!;
    for (let version = 1; version < count; version++) {
      const db = buildFrom(frozenSchema(database, version)!, version);
      expect(schemaOf(db), `built from version ${version}`).toBe(frozenSchema(database, version));
      const filled = fillOneRowEach(db);
      expect(filled.length).toBeGreaterThan(0);
      expect(upgrade[database](db)).toBe(count);
      expect(schemaOf(db), `upgraded from version ${version}`).toBe(latest);
      for (const table of filled)
        expect(
          (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
          `${table} from ${version}`,
        ).toBe(1);
      db.close();
    }
  });
});
