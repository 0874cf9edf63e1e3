import type { SandboxContext } from '../context';
import type { Db } from '../db/database';
import { newId } from './ids';

type Row = Record<string, string | number | null>;

/**
 * What the Admin API's account actions read and write besides the account row's basics: locks, sessions,
 * authenticators and the password, external identities, roles and the organization, attributes, identity
 * verifications, notification preferences and impersonation links.
 */

// ---- locks

/** The account's locks as they now are; lifting one also resets its failed-attempt counter. */
export function setLocks(
  db: Db,
  accountId: string,
  locks: object,
  resetCounter?: 'failed_password_attempts' | 'failed_passcode_attempts',
): void {
  const reset = resetCounter ? `, ${resetCounter} = 0` : '';
  db.prepare(`UPDATE accounts SET locks = ?${reset} WHERE id = ?`).run(JSON.stringify(locks), accountId);
}

// ---- sessions

export function listSessions(db: Db, accountId: string): Row[] {
  return db.prepare('SELECT * FROM sessions WHERE account_id = ? ORDER BY last_login_at DESC').all(accountId) as Row[];
}

/** Ends every session of the account; answers how many there were. */
export function deleteSessions(db: Db, accountId: string): number {
  return db.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId).changes;
}

/** Ends one session; false when the account has no such session. */
export function deleteSession(db: Db, accountId: string, sessionId: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE account_id = ? AND id = ?').run(accountId, sessionId).changes > 0;
}

// ---- authenticators and the password

export function hasAuthenticator(db: Db, accountId: string, type: string, target: string): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM authenticators WHERE account_id = ? AND type = ? AND target = ?')
      .get(accountId, type, target),
  );
}

export function insertAuthenticator(
  db: Db,
  authenticator: {
    id: string;
    accountId: string;
    type: string;
    subType: string | null;
    target: string;
    methods: string[];
    publicMetadata: object;
    createdAt: number;
  },
): void {
  db.prepare(
    'INSERT INTO authenticators (id, account_id, type, sub_type, target, methods, public_metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    authenticator.id,
    authenticator.accountId,
    authenticator.type,
    authenticator.subType,
    authenticator.target,
    JSON.stringify(authenticator.methods),
    JSON.stringify(authenticator.publicMetadata),
    authenticator.createdAt,
  );
}

/** An authenticator an admin may remove (the password is not one: it is changed, not removed). */
export function removableAuthenticator(db: Db, accountId: string, authenticatorId: string): Row | undefined {
  return db
    .prepare("SELECT * FROM authenticators WHERE id = ? AND account_id = ? AND type != 'password'")
    .get(authenticatorId, accountId) as Row | undefined;
}

export function deleteAuthenticator(db: Db, authenticatorId: string): void {
  db.prepare('DELETE FROM authenticators WHERE id = ?').run(authenticatorId);
}

/** Sets the password (its hash), clears the failed attempts, and enrolls the password authenticator if missing. */
export function setPassword(ctx: SandboxContext, accountId: string, hash: string): void {
  const { db } = ctx;
  db.prepare('UPDATE accounts SET password_hash = ?, failed_password_attempts = 0 WHERE id = ?').run(hash, accountId);
  if (!db.prepare("SELECT 1 FROM authenticators WHERE account_id = ? AND type = 'password'").get(accountId))
    db.prepare(
      "INSERT INTO authenticators (id, account_id, type, methods, created_at) VALUES (?, ?, 'password', '[]', ?)",
    ).run(newId(), accountId, ctx.now());
}

// ---- external identities

export function externalIdentities(db: Db, accountId: string): Row[] {
  return db
    .prepare('SELECT * FROM external_identities WHERE account_id = ? ORDER BY linked_at')
    .all(accountId) as Row[];
}

export function externalIdentity(db: Db, accountId: string, identityId: string): Row | undefined {
  return db.prepare('SELECT * FROM external_identities WHERE id = ? AND account_id = ?').get(identityId, accountId) as
    Row | undefined;
}

export function deleteExternalIdentity(db: Db, identityId: string): void {
  db.prepare('DELETE FROM external_identities WHERE id = ?').run(identityId);
}

// ---- roles and the organization

export function accountRoles(db: Db, accountId: string) {
  return db
    .prepare(
      'SELECT role_id AS id, organization_id AS organization FROM account_roles WHERE account_id = ? ORDER BY organization_id, role_id',
    )
    .all(accountId) as Array<{ id: string; organization: string }>;
}

/** Gives the account roles in an organization (those it has already stay). */
export function assignRoles(
  db: Db,
  account: { id: string; created_at: number },
  organizationId: string,
  roleIds: string[],
): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO account_roles (account_id, organization_id, role_id, account_created_at) VALUES (?, ?, ?, ?)',
  );
  for (const roleId of roleIds) insert.run(account.id, organizationId, roleId, account.created_at);
}

/** Takes a role in an organization away; false when the account did not have it there. */
export function removeRole(db: Db, accountId: string, organizationId: string, roleId: string): boolean {
  return (
    db
      .prepare('DELETE FROM account_roles WHERE account_id = ? AND organization_id = ? AND role_id = ?')
      .run(accountId, organizationId, roleId).changes > 0
  );
}

export function setOrganization(db: Db, accountId: string, organizationId: string | null): void {
  db.prepare('UPDATE accounts SET organization = ? WHERE id = ?').run(organizationId, accountId);
}

// ---- attributes and preferences

export function setMetadata(db: Db, accountId: string, data: object): void {
  db.prepare('UPDATE accounts SET metadata = ? WHERE id = ?').run(JSON.stringify(data), accountId);
}

export function setNotificationPreferences(db: Db, accountId: string, preferences: object): void {
  db.prepare('UPDATE accounts SET notification_preferences = ? WHERE id = ?').run(
    JSON.stringify(preferences),
    accountId,
  );
}

// ---- identity verification

export function accountProofings(db: Db, accountId: string): Row[] {
  return db
    .prepare('SELECT * FROM account_proofings WHERE account_id = ? AND deleted = 0 ORDER BY rowid')
    .all(accountId) as Row[];
}

export function accountProofing(db: Db, accountId: string, proofingId: string): Row | undefined {
  return db
    .prepare('SELECT * FROM account_proofings WHERE id = ? AND account_id = ? AND deleted = 0')
    .get(proofingId, accountId) as Row | undefined;
}

/** Whether the account is verified under the policy now (proofed, not revoked). */
export function isVerifiedUnder(db: Db, accountId: string, policyId: string): boolean {
  return Boolean(
    db
      .prepare(
        'SELECT 1 FROM account_proofings WHERE account_id = ? AND policy_id = ? AND proofed_at IS NOT NULL AND invalidated_at IS NULL AND deleted = 0',
      )
      .get(accountId, policyId),
  );
}

/** An identity verification an admin records by hand: proofed now. Answers its id. */
export function addManualProofing(ctx: SandboxContext, accountId: string, policyId: string): string {
  const id = newId();
  ctx.db
    .prepare('INSERT INTO account_proofings (id, account_id, policy_id, attempts, proofed_at) VALUES (?, ?, ?, 0, ?)')
    .run(id, accountId, policyId, ctx.now());
  return id;
}

export function invalidateProofing(ctx: SandboxContext, proofingId: string): void {
  ctx.db.prepare('UPDATE account_proofings SET invalidated_at = ? WHERE id = ?').run(ctx.now(), proofingId);
}

export function clearProofingAttempts(db: Db, proofingId: string): void {
  db.prepare('UPDATE account_proofings SET attempts = 0 WHERE id = ?').run(proofingId);
}

// ---- impersonation

/** Whether the application client belongs to an application of the store. */
export function isClientOfStore(db: Db, clientId: string, store: string): boolean {
  return Boolean(
    db
      .prepare(
        'SELECT c.id FROM clients c JOIN applications a ON a.id = c.application_id WHERE c.id = ? AND a.store = ?',
      )
      .get(clientId, store),
  );
}

export function createImpersonation(
  db: Db,
  link: { token: string; accountId: string; clientId: string; reason: string; expiresAt: number },
): void {
  db.prepare(
    'INSERT INTO impersonations (token, account_id, client_id, reason, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(link.token, link.accountId, link.clientId, link.reason, link.expiresAt);
}
