/**
 * The seed's customers tell consistent stories: checked over a few thousand accounts against rules written here
 * from the world (which city is in which country, what a postal code of a country looks like, what a valid phone
 * number of a country is, by libphonenumber-js's full metadata), not from the generator's own tables.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { locateIp } from '../domain/geo';
import { archetypes } from '../seed/stories';
import { seedDatabase, storyExamples, type SeedSummary } from '../seed/seed';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const DAY = 86_400_000;
const ACCOUNTS = 3_000;

const countryOfCity: Record<string, string> = {
  Budapest: 'HU',
  'New York': 'US',
  'San Francisco': 'US',
  London: 'GB',
  Berlin: 'DE',
  Paris: 'FR',
  Toronto: 'CA',
  'São Paulo': 'BR',
  Tokyo: 'JP',
  Sydney: 'AU',
  Mumbai: 'IN',
  Lagos: 'NG',
  Madrid: 'ES',
  Stockholm: 'SE',
  'Mexico City': 'MX',
  Singapore: 'SG',
};
const postalCodes: Record<string, RegExp> = {
  HU: /^[1-9]\d{3}$/,
  US: /^\d{5}$/,
  GB: /^[A-Z]{2}\d \d[A-Z]{2}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  CA: /^[A-Z]\d[A-Z] \d[A-Z]\d$/,
  BR: /^\d{5}-\d{3}$/,
  JP: /^\d{3}-\d{4}$/,
  AU: /^\d{4}$/,
  IN: /^[1-9]\d{5}$/,
  NG: /^\d{6}$/,
  ES: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
  SE: /^[1-9]\d{2} \d{2}$/,
  MX: /^\d{5}$/,
  SG: /^\d{6}$/,
};

let db: Db;
let summary: SeedSummary;

type Row = Record<string, unknown>;
const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as Row[];
/** The rule's offenders must be none, over a set of candidates that is not empty. */
function holds(candidates: number, offenders: unknown[]) {
  expect(candidates).toBeGreaterThan(0);
  expect(offenders).toEqual([]);
}
const regionOf = (language: unknown) => String(language).split('-')[1]!;

// Two generator seeds: the demo platform's own (20261129) and another.
describe.each([20261129, 11])('seeded customer stories (generator seed %i)', (seed) => {
  beforeAll(() => {
    db = openDatabase(':memory:');
    summary = seedDatabase(db, { accounts: ACCOUNTS, now: NOW, seed });
  });

  it('authenticators are used only after they were created', () => {
    const used = all('SELECT id, created_at, last_used_at FROM authenticators WHERE last_used_at IS NOT NULL');
    holds(
      used.length,
      used.filter((row) => Number(row.last_used_at) < Number(row.created_at)),
    );
  });

  it('nobody signs in (or fails to) before the account exists; nothing happens after now', () => {
    const firsts = all(
      `SELECT a.id, a.created_at, MIN(e.start_ts) AS first FROM accounts a JOIN events e ON e.account_id = a.id
       WHERE e.labels LIKE '%:login"%' GROUP BY a.id`,
    );
    holds(
      firsts.length,
      firsts.filter((row) => Number(row.first) < Number(row.created_at)),
    );
    expect(all('SELECT id FROM events WHERE start_ts > ?', NOW)).toEqual([]);
    expect(all('SELECT id FROM accounts WHERE created_at > ? OR last_login_at > ?', NOW, NOW)).toEqual([]);
  });

  it('keeps events only within each store’s retention', () => {
    const old = all(
      `SELECT e.id FROM events e JOIN identity_stores s ON s.name = e.store WHERE e.start_ts < ? - s.account_event_ttl * ?`,
      NOW,
      DAY,
    );
    expect(all('SELECT COUNT(*) AS n FROM events')[0]!.n).toBeGreaterThan(ACCOUNTS);
    expect(old).toEqual([]);
  });

  it('the last login is the newest successful login event, its place and address included', () => {
    const accounts = all(
      `SELECT a.id, a.last_login_at, a.last_login_ip, json_extract(a.last_login_location, '$.properties.city') AS city,
              (SELECT MAX(e.start_ts) FROM events e WHERE e.account_id = a.id AND e.labels = '["success:login"]') AS newest,
              (SELECT json_extract(e.body, '$.actor.location.properties.city') FROM events e
                 WHERE e.account_id = a.id AND e.labels = '["success:login"]' ORDER BY e.start_ts DESC LIMIT 1) AS eventCity,
              (SELECT e.actor_ip FROM events e
                 WHERE e.account_id = a.id AND e.labels = '["success:login"]' ORDER BY e.start_ts DESC LIMIT 1) AS eventIp
       FROM accounts a WHERE a.last_login_at IS NOT NULL`,
    );
    const withEvent = accounts.filter((row) => row.newest !== null);
    holds(
      withEvent.length,
      withEvent.filter(
        (row) => row.newest !== row.last_login_at || row.eventCity !== row.city || row.eventIp !== row.last_login_ip,
      ),
    );
    // Without a kept login event, the last login is older than the store keeps events.
    const retention = Object.fromEntries(
      all('SELECT name, account_event_ttl FROM identity_stores').map((row) => [
        row.name,
        Number(row.account_event_ttl),
      ]),
    );
    const withoutEvent = all(
      `SELECT a.id, a.store, a.last_login_at FROM accounts a WHERE a.last_login_at IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM events e WHERE e.account_id = a.id AND e.labels = '["success:login"]')`,
    );
    holds(
      withoutEvent.length,
      withoutEvent.filter((row) => Number(row.last_login_at) >= NOW - retention[String(row.store)]! * DAY),
    );
  });

  it('every sign-in’s place is where the platform places its IP address', () => {
    const logins = all(
      `SELECT actor_ip AS ip, json_extract(body, '$.actor.location.properties.city') AS city FROM events
       WHERE labels LIKE '%:login"]' AND actor_ip IS NOT NULL`,
    );
    holds(
      logins.length,
      logins.filter((row) => locateIp(String(row.ip)).properties.city !== row.city),
    );
  });

  it('login counts are plausible for the account’s age and never fewer than the login events kept', () => {
    const accounts = all(
      `SELECT a.id, a.created_at, a.number_of_logins AS logins,
              (SELECT COUNT(*) FROM events e WHERE e.account_id = a.id AND e.labels = '["success:login"]') AS kept
       FROM accounts a WHERE a.number_of_logins > 0`,
    );
    holds(
      accounts.length,
      accounts.filter((row) => {
        const days = Math.max(1, (NOW - Number(row.created_at)) / DAY);
        return Number(row.logins) < Number(row.kept) || Number(row.logins) / days > 3;
      }),
    );
    expect(all('SELECT id FROM accounts WHERE number_of_logins = 0 AND last_login_at IS NOT NULL')).toEqual([]);
  });

  it('sessions belong to a successful login, at its time, that did not end', () => {
    const events = all(
      'SELECT login_session_id AS id, labels, start_ts AS at FROM events WHERE login_session_id IS NOT NULL',
    );
    const loginAt = new Map(events.filter((row) => row.labels === '["success:login"]').map((row) => [row.id, row.at]));
    const loggedOut = new Set(events.filter((row) => row.labels === '["success:logout"]').map((row) => row.id));
    const sessions = all('SELECT id, last_login_at FROM sessions');
    holds(
      sessions.length,
      sessions.filter((row) => loginAt.get(row.id) !== row.last_login_at || loggedOut.has(row.id)),
    );
  });

  it('addresses, phone numbers and languages agree with the customer’s country', () => {
    const consumers = all(
      "SELECT id, language, phone, json_extract(metadata, '$.addresses') AS addresses FROM accounts WHERE store = 'consumers'",
    );
    const addresses = consumers.flatMap((row) =>
      (JSON.parse(String(row.addresses ?? '[]')) as Array<Record<string, string>>).map(
        (address): Record<string, string> => ({ ...address, id: String(row.id), home: regionOf(row.language) }),
      ),
    );
    holds(
      addresses.length,
      addresses.filter(
        (address) =>
          countryOfCity[address.city!] !== address.country ||
          address.country !== address.home ||
          // The hostile accounts' streets are hostile; their postal codes are left out.
          (address.postalCode !== undefined && !postalCodes[address.country!]!.test(address.postalCode)),
      ),
    );
    const phones = all('SELECT id, phone, language FROM accounts WHERE phone IS NOT NULL');
    holds(
      phones.length,
      phones.filter((row) => {
        const parsed = parsePhoneNumberFromString(String(row.phone));
        return !parsed?.isValid() || parsed.country !== regionOf(row.language);
      }),
    );
    expect(new Set(phones.map((row) => row.phone)).size).toBe(phones.length);
  });

  it('a lock follows a run of failures reaching the store’s limit; a disabled account says who and why', () => {
    const locked = all(
      `SELECT a.id, a.failed_password_attempts AS failures, s.max_failed_logins AS max,
              (SELECT e.labels FROM events e WHERE e.account_id = a.id AND e.labels LIKE '%:login"]' ORDER BY e.start_ts DESC LIMIT 1) AS newest
       FROM accounts a JOIN identity_stores s ON s.name = a.store WHERE json_extract(a.locks, '$._password') IS NOT NULL`,
    );
    holds(
      locked.length,
      locked.filter((row) => Number(row.failures) < Number(row.max) || row.newest !== '["failure:login"]'),
    );
    const disabled = all(
      `SELECT a.id, a.disabled_at, e.start_ts AS at, json_extract(e.body, '$.actorClient.name') AS who,
              json_extract(e.body, '$.actions[0].details[0].metadata.reason') AS reason
       FROM accounts a LEFT JOIN events e ON e.account_id = a.id AND e.labels = '["success:accountDisable"]'
       WHERE a.enabled = 0`,
    );
    holds(
      disabled.length,
      disabled.filter((row) => row.at !== row.disabled_at || !row.who || !row.reason),
    );
  });

  it('a consent agreed again ends the older agreement when the new one starts', () => {
    const rows = all(
      'SELECT account_id, consent_id, consent_version AS version, opt_in, opt_out FROM account_consents ORDER BY account_id, consent_id, consent_version',
    );
    const pairs = rows.slice(1).flatMap((row, at) => {
      const before = rows[at]!;
      return before.account_id === row.account_id && before.consent_id === row.consent_id ? [[before, row]] : [];
    });
    holds(
      pairs.length,
      pairs.filter(
        ([before, after]) => before!.opt_out !== after!.opt_in || Number(after!.version) <= Number(before!.version),
      ),
    );
  });

  it('tells every kind of story in its documented share, each as described', () => {
    const counted = Object.values(summary.stories).reduce((sum, count) => sum + count, 0);
    expect(counted).toBe(ACCOUNTS);
    for (const [archetype, , share] of archetypes) {
      // Of every 100 accounts, `share` (the first dozen are the regulars with hostile values).
      expect(summary.stories[archetype], archetype).toBeGreaterThanOrEqual((share * ACCOUNTS) / 100 - 12);
      expect(summary.stories[archetype], archetype).toBeLessThanOrEqual((share * ACCOUNTS) / 100 + 12);
    }
    const examples = Object.fromEntries(storyExamples(db, 5).map((entry) => [entry.archetype, entry.accounts]));
    const one = (sql: string, id: string) => db.prepare(sql).get(id) as Row | undefined;
    for (const { id } of [...examples.neverActivated!, ...examples.invited!])
      // Never signed in: no login linked from another provider either.
      expect(one('SELECT COUNT(*) AS n FROM external_identities WHERE account_id = ?', id)!.n).toBe(0);
    for (const { id } of examples.neverActivated!) {
      expect(one('SELECT email_verified AS v FROM accounts WHERE id = ?', id)!.v).toBe(0);
      expect(one('SELECT used_at FROM activations WHERE account_id = ?', id)).toEqual({ used_at: null });
      expect(
        one("SELECT template_id FROM notifications WHERE account_id = ? AND template_id = 'accountActivation'", id),
      ).toBeDefined();
    }
    for (const { id } of examples.invited!) {
      expect(one('SELECT password_hash, last_login_at FROM accounts WHERE id = ?', id)).toEqual({
        password_hash: null,
        last_login_at: null,
      });
      const invitation = one('SELECT id, accepted_at, valid_until FROM invitations WHERE account_id = ?', id)!;
      expect(invitation.accepted_at).toBeNull();
      expect(Number(invitation.valid_until)).toBeGreaterThan(NOW);
      expect(one('SELECT id FROM notifications WHERE invitation_id = ?', String(invitation.id))).toBeDefined();
    }
    for (const { id } of examples.externalOnly!) {
      expect(one('SELECT password_hash FROM accounts WHERE id = ?', id)!.password_hash).toBeNull();
      expect(one('SELECT COUNT(*) AS n FROM authenticators WHERE account_id = ?', id)!.n).toBe(0);
      expect(one('SELECT COUNT(*) AS n FROM external_identities WHERE account_id = ?', id)!.n).toBe(1);
    }
    for (const { id } of examples.lockedOut!)
      expect(
        one("SELECT json_extract(locks, '$._password') IS NOT NULL AS locked FROM accounts WHERE id = ?", id)!.locked,
      ).toBe(1);
    for (const { id } of examples.disabled!)
      expect(one('SELECT enabled FROM accounts WHERE id = ?', id)!.enabled).toBe(0);
    for (const { id } of examples.marketingOptOut!)
      expect(
        one(
          "SELECT opt_out FROM account_consents WHERE account_id = ? AND consent_id = 'marketing-email' ORDER BY opt_in DESC LIMIT 1",
          id,
        )!.opt_out,
      ).not.toBeNull();
    for (const { id } of examples.multiOrg!) {
      const own = one('SELECT organization FROM accounts WHERE id = ?', id)!.organization;
      const others = all(
        'SELECT DISTINCT organization_id AS org FROM account_roles WHERE account_id = ? AND organization_id != ?',
        id,
        own,
      );
      expect(others.length).toBe(2);
    }
  });
});

describe('the bulk seed (50,000 accounts and more: every benchmark database)', () => {
  it('keeps the same rules with its indexes rebuilt, and says where it shortens the stories', () => {
    const bulk = openDatabase(':memory:');
    const indexesBefore = (target: Db) =>
      (
        target
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
          .all() as Array<{ name: string }>
      ).map((row) => row.name);
    const fresh = openDatabase(':memory:');
    const expectedIndexes = indexesBefore(fresh);
    fresh.close();
    const seeded = seedDatabase(bulk, { accounts: 50_000, now: NOW, seed: 5 });
    expect(seeded.accounts).toBe(50_000);
    expect(seeded.shortened).toMatch(/two latest sign-ins/);
    // The secondary indexes dropped for the bulk insert are all back.
    expect(indexesBefore(bulk)).toEqual(expectedIndexes);
    const one = (sql: string) => bulk.prepare(sql).get() as Row;
    expect(one('SELECT COUNT(*) AS n FROM accounts').n).toBe(50_000);
    // At most two kept successful sign-ins per account.
    expect(
      one(
        `SELECT MAX(n) AS most FROM (SELECT COUNT(*) AS n FROM events WHERE labels = '["success:login"]' GROUP BY account_id)`,
      ).most,
    ).toBe(2);
    // The rules that most depend on order of writing still hold: the last login is the newest kept one, and
    // nothing refers to an account that does not exist.
    expect(
      one(
        `SELECT COUNT(*) AS n FROM accounts a WHERE a.last_login_at IS NOT NULL AND EXISTS
           (SELECT 1 FROM events e WHERE e.account_id = a.id AND e.labels = '["success:login"]')
         AND a.last_login_at != (SELECT MAX(e.start_ts) FROM events e WHERE e.account_id = a.id AND e.labels = '["success:login"]')`,
      ).n,
    ).toBe(0);
    expect(bulk.pragma('foreign_key_check')).toEqual([]);
    bulk.close();
  }, 180_000);
});
