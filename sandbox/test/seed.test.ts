import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { hostileValues } from '../seed/data';
import { seedDatabase } from '../seed/seed';

const NOW = Date.parse('2026-11-01T00:00:00Z');

function seeded(accounts: number) {
  const db = openDatabase(':memory:');
  const summary = seedDatabase(db, { accounts, now: NOW, seed: 7 });
  return { db, summary };
}

describe('seed generator', () => {
  it('is deterministic: the same seed gives the same platform', () => {
    const a = seeded(150);
    const b = seeded(150);
    const snapshot = (db: typeof a.db) =>
      db.prepare('SELECT id, email, enabled, metadata FROM accounts ORDER BY id').all();
    expect(snapshot(a.db)).toEqual(snapshot(b.db));
    expect(a.summary.events).toBe(b.summary.events);
  });

  it('builds three stores with their own schemas, organizations, applications of both kinds and consents with versions', () => {
    const { db } = seeded(50);
    expect(
      (db.prepare('SELECT name FROM identity_stores ORDER BY position').all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    ).toEqual(['consumers', 'business', 'partners']);
    const schemas = db
      .prepare(
        "SELECT store, COUNT(*) AS attributes, SUM(indexing != 'none') AS indexed FROM attributes GROUP BY store",
      )
      .all() as Array<{ store: string; attributes: number; indexed: number }>;
    for (const schema of schemas) expect(schema.indexed, schema.store).toBeLessThanOrEqual(5);
    expect(new Set(schemas.map((schema) => schema.attributes)).size).toBeGreaterThan(1);
    expect(
      (db.prepare('SELECT COUNT(*) AS n FROM organizations WHERE store = ?').get('business') as { n: number }).n,
    ).toBeGreaterThan(3);
    expect(
      (db.prepare('SELECT DISTINCT type FROM applications ORDER BY type').all() as Array<{ type: string }>).map(
        (row) => row.type,
      ),
    ).toEqual(['hybrid', 'organizational', 'personal']);
    expect((db.prepare('SELECT MAX(version) AS v FROM consent_versions').get() as { v: number }).v).toBeGreaterThan(1);
  });

  it('mixes statuses, authenticator types, sessions, consent histories, proofings and months of events', () => {
    const { db } = seeded(1500);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM accounts WHERE enabled = 0')).toBeGreaterThan(20);
    expect(count("SELECT COUNT(*) AS n FROM accounts WHERE locks != '{}'")).toBeGreaterThan(5);
    expect(count('SELECT COUNT(*) AS n FROM accounts WHERE email_verified = 0')).toBeGreaterThan(50);
    expect(count('SELECT COUNT(*) AS n FROM accounts WHERE last_login_at IS NULL')).toBeGreaterThan(50);
    expect(count('SELECT COUNT(DISTINCT account_id) AS n FROM external_identities')).toBeGreaterThan(20);
    const types = (db.prepare('SELECT DISTINCT type FROM authenticators').all() as Array<{ type: string }>)
      .map((row) => row.type)
      .sort();
    expect(types).toEqual([
      'email',
      'passkey',
      'password',
      'phone',
      'softToken',
      'webAuthnDeviceBiometrics',
      'webAuthnSecurityKey',
    ]);
    expect(count('SELECT COUNT(DISTINCT user_agent) AS n FROM sessions')).toBeGreaterThan(3);
    expect(
      count("SELECT COUNT(DISTINCT json_extract(location, '$.properties.country')) AS n FROM sessions"),
    ).toBeGreaterThan(5);
    expect(count('SELECT COUNT(*) AS n FROM account_consents WHERE opt_out IS NOT NULL')).toBeGreaterThan(20);
    expect(
      count(
        'SELECT COUNT(*) AS n FROM account_consents c JOIN consents d ON d.id = c.consent_id WHERE c.consent_version < d.version',
      ),
    ).toBeGreaterThan(20);
    expect(count('SELECT COUNT(*) AS n FROM account_proofings')).toBeGreaterThan(20);
    const span = db.prepare('SELECT MIN(start_ts) AS first, MAX(start_ts) AS last FROM events').get() as {
      first: number;
      last: number;
    };
    expect(span.last - span.first).toBeGreaterThan(180 * 86_400_000);
    expect(count("SELECT COUNT(*) AS n FROM events WHERE labels LIKE '%failure:login%'")).toBeGreaterThan(10);
    // Nothing happened after "now".
    for (const [table, column] of [
      ['accounts', 'created_at'],
      ['accounts', 'last_login_at'],
      ['authenticators', 'created_at'],
      ['account_consents', 'opt_in'],
      ['account_consents', 'opt_out'],
      ['account_proofings', 'proofed_at'],
      ['account_proofings', 'invalidated_at'],
      ['external_identities', 'linked_at'],
      ['sessions', 'last_login_at'],
      ['events', 'start_ts'],
    ])
      expect(count(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} > ${NOW}`), `${table}.${column}`).toBe(0);
  });

  it('gives a few accounts hostile and awkward values', () => {
    const { db, summary } = seeded(60);
    expect(summary.hostileAccounts).toHaveLength(Object.keys(hostileValues).length);
    const metadata = (
      db
        .prepare(`SELECT metadata FROM accounts WHERE id IN (${summary.hostileAccounts.map(() => '?').join(',')})`)
        .all(...summary.hostileAccounts) as Array<{ metadata: string }>
    )
      .map((row) => row.metadata)
      .join('\n');
    for (const value of [
      hostileValues.scriptTag,
      hostileValues.rightToLeft,
      hostileValues.emoji,
      hostileValues.longText,
    ])
      expect(metadata).toContain(JSON.stringify(value).slice(1, -1));
  });
});
