import type { Db } from '../db/database';
import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import type { GeoFeature } from './geo';
import { newId } from './ids';

/**
 * What the customer side of the sandbox reads and writes: sign-ins and their sessions, failed attempts and locks,
 * consents agreed or withdrawn, identity verification attempts, impersonation links used.
 */

export function accountById(db: Db, accountId: string): AccountRow | undefined {
  return db.prepare('SELECT * FROM accounts WHERE id = ?').get(accountId) as AccountRow | undefined;
}

/** The account a customer signs in as: by username, email (either case) or phone, within one store. */
export function accountByIdentifier(db: Db, store: string, identifier: string): AccountRow | undefined {
  return db
    .prepare(
      'SELECT * FROM accounts WHERE store = ? AND (username = ? COLLATE NOCASE OR email = ? COLLATE NOCASE OR phone = ?)',
    )
    .get(store, identifier, identifier, identifier) as AccountRow | undefined;
}

/** The first application of a store a customer of this kind (member of an organization or not) signs in through. */
export function firstApplication(db: Db, store: string, organization: string | null) {
  return db
    .prepare("SELECT id, name FROM applications WHERE store = ? AND type IN (?, 'hybrid') ORDER BY name LIMIT 1")
    .get(store, organization ? 'organizational' : 'personal') as { id: string; name: string } | undefined;
}

/** A new signed-in session, and the account's last login, login count and failed attempts brought up to date. */
export function recordSignIn(
  ctx: SandboxContext,
  accountId: string,
  session: { tokenHash: string; device: string; userAgent: string; ip: string; location: GeoFeature | null },
): string {
  const now = ctx.now();
  const sessionId = newId();
  const location = JSON.stringify(session.location);
  ctx.db
    .prepare(
      'INSERT INTO sessions (id, account_id, token_hash, device_string, user_agent, last_ip, location, last_login_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(sessionId, accountId, session.tokenHash, session.device, session.userAgent, session.ip, location, now, now);
  ctx.db
    .prepare(
      'UPDATE accounts SET last_login_at = ?, last_login_ip = ?, last_login_location = ?, last_auth_at = ?, last_auth_ip = ?, number_of_logins = number_of_logins + 1, failed_password_attempts = 0 WHERE id = ?',
    )
    .run(now, session.ip, location, now, session.ip, accountId);
  return sessionId;
}

export function sessionByTokenHash(db: Db, hash: string) {
  return db.prepare('SELECT id, account_id FROM sessions WHERE token_hash = ?').get(hash) as
    { id: string; account_id: string } | undefined;
}

export function endSession(db: Db, sessionId: string): void {
  db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
}

/** How many failed sign-ins in a row lock a store's accounts. */
export function maxFailedLogins(db: Db, store: string): number {
  return (
    db.prepare('SELECT max_failed_logins FROM identity_stores WHERE name = ?').get(store) as {
      max_failed_logins: number;
    }
  ).max_failed_logins;
}

/** A failed password: the running count and the locks as they now are. */
export function recordFailedAttempt(
  db: Db,
  accountId: string,
  counter: 'failed_password_attempts' | 'failed_passcode_attempts',
  failures: number,
  locks: object,
): void {
  db.prepare(`UPDATE accounts SET ${counter} = ?, locks = ? WHERE id = ?`).run(
    failures,
    JSON.stringify(locks),
    accountId,
  );
}

/** The account's enrolled authenticator apps (TOTP), with their secrets. */
export function softTokens(db: Db, accountId: string) {
  return db
    .prepare("SELECT id, secret FROM authenticators WHERE account_id = ? AND type = 'softToken' AND secret IS NOT NULL")
    .all(accountId) as Array<{ id: string; secret: string }>;
}

export function markAuthenticatorUsed(ctx: SandboxContext, authenticatorId: string): void {
  ctx.db.prepare('UPDATE authenticators SET last_used_at = ? WHERE id = ?').run(ctx.now(), authenticatorId);
}

/**
 * The customer agrees to the consent's current version (a new version needs a new agreement; agreeing again to the
 * current one changes nothing) or withdraws it. False when nothing changed.
 */
export function setConsent(
  ctx: SandboxContext,
  accountId: string,
  consent: { id: string; version: number },
  agree: boolean,
): boolean {
  const now = ctx.now();
  const current = ctx.db
    .prepare(
      'SELECT * FROM account_consents WHERE account_id = ? AND consent_id = ? AND opt_out IS NULL ORDER BY opt_in DESC LIMIT 1',
    )
    .get(accountId, consent.id) as { id: string; consent_version: number } | undefined;
  const optOut = (id: string) => ctx.db.prepare('UPDATE account_consents SET opt_out = ? WHERE id = ?').run(now, id);
  if (agree) {
    if (current?.consent_version === consent.version) return false;
    if (current) optOut(current.id);
    ctx.db
      .prepare(
        'INSERT INTO account_consents (id, account_id, consent_id, consent_version, opt_in) VALUES (?, ?, ?, ?, ?)',
      )
      .run(newId(), accountId, consent.id, consent.version, now);
    return true;
  }
  if (!current) return false;
  optOut(current.id);
  return true;
}

/** One identity verification attempt by the customer under a policy: proofed, or one more failed attempt. */
export function recordProofingAttempt(ctx: SandboxContext, accountId: string, policyId: string, success: boolean) {
  let proofing = ctx.db
    .prepare(
      'SELECT * FROM account_proofings WHERE account_id = ? AND policy_id = ? AND invalidated_at IS NULL AND deleted = 0 ORDER BY rowid DESC LIMIT 1',
    )
    .get(accountId, policyId) as { id: string } | undefined;
  if (!proofing) {
    proofing = { id: newId() };
    ctx.db
      .prepare('INSERT INTO account_proofings (id, account_id, policy_id, attempts) VALUES (?, ?, ?, 0)')
      .run(proofing.id, accountId, policyId);
  }
  if (success) ctx.db.prepare('UPDATE account_proofings SET proofed_at = ? WHERE id = ?').run(ctx.now(), proofing.id);
  else ctx.db.prepare('UPDATE account_proofings SET attempts = attempts + 1 WHERE id = ?').run(proofing.id);
  return proofing.id;
}

export function impersonationGrant(db: Db, token: string) {
  return db.prepare('SELECT * FROM impersonations WHERE token = ?').get(token) as
    { account_id: string; expires_at: number; used_at: number | null } | undefined;
}

export function useImpersonationGrant(ctx: SandboxContext, token: string): void {
  ctx.db.prepare('UPDATE impersonations SET used_at = ? WHERE token = ?').run(ctx.now(), token);
}
