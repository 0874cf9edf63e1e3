import type { SandboxContext } from '../context';
import { loadAttributes, reindexAccount } from './attributes';
import { newId, reverseDomain } from './ids';
import { hashPassword } from './passwords';
import { conflict } from './problems';

export interface NewAccount {
  store: string;
  username: string | null;
  email: string | null;
  emailVerified?: boolean;
  phone: string | null;
  phoneVerified?: boolean;
  organization?: string | null;
  language?: string;
  password: string | null;
  metadata: Record<string, unknown>;
  /** Admin-created accounts get their email and phone as passcode authenticators. */
  identifierAuthenticators: boolean;
}

/** 409 when another account of the store (not `ownId`, the one changing) already uses one of these identifiers. */
export function assertIdentifiersFree(
  ctx: SandboxContext,
  account: Pick<NewAccount, 'store' | 'username' | 'email' | 'phone'>,
  ownId: string | null = null,
): void {
  const { store, username, email, phone } = account;
  const clash = ctx.db
    .prepare(
      'SELECT 1 FROM accounts WHERE store = ? AND id IS NOT ? AND ((? IS NOT NULL AND username = ? COLLATE NOCASE) OR (? IS NOT NULL AND email = ? COLLATE NOCASE) OR (? IS NOT NULL AND phone = ?))',
    )
    .get(store, ownId, username, username, email, email, phone, phone);
  if (clash) throw conflict('An account with one of these identifiers already exists.');
}

/** Writes a new account, its authenticators and its search index rows; call it inside a transaction. */
export function insertAccount(ctx: SandboxContext, account: NewAccount): string {
  const { db } = ctx;
  const id = newId();
  const now = ctx.now();
  db.prepare(
    `INSERT INTO accounts (id, store, username, email, email_domain_rev, email_verified, phone, phone_verified, display_name, enabled, organization, language,
       created_at, updated_at, password_hash, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    account.store,
    account.username,
    account.email,
    reverseDomain(account.email),
    account.emailVerified ? 1 : 0,
    account.phone,
    account.phoneVerified ? 1 : 0,
    account.username ?? account.email ?? account.phone ?? '',
    account.organization ?? null,
    account.language ?? 'en-US',
    now,
    now,
    account.password ? hashPassword(account.password) : null,
    JSON.stringify(account.metadata),
  );
  const authenticator = db.prepare(
    'INSERT INTO authenticators (id, account_id, type, target, methods, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  if (account.password) authenticator.run(newId(), id, 'password', null, '[]', now);
  if (account.identifierAuthenticators) {
    for (const [type, target] of [
      ['email', account.email],
      ['phone', account.phone],
    ] as const) {
      if (target) authenticator.run(newId(), id, type, target, JSON.stringify(['passcode']), now);
    }
  }
  reindexAccount(db, account.store, id, loadAttributes(db, account.store), account.metadata);
  return id;
}

/** Deletes an account; everything of it goes with it (the foreign keys cascade). */
export function deleteAccount(ctx: SandboxContext, accountId: string): void {
  ctx.db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
}

/** Enables or disables an account (a disabled one remembers since when). */
export function setAccountEnabled(ctx: SandboxContext, accountId: string, enabled: boolean): void {
  const now = ctx.now();
  ctx.db
    .prepare('UPDATE accounts SET enabled = ?, disabled_at = ?, updated_at = ? WHERE id = ?')
    .run(enabled ? 1 : 0, enabled ? null : now, now, accountId);
}

/** Marks an account as changed now. */
export function touchAccount(ctx: SandboxContext, accountId: string): void {
  ctx.db.prepare('UPDATE accounts SET updated_at = ? WHERE id = ?').run(ctx.now(), accountId);
}

/**
 * Sets one of the account's identifiers (409 when another account of the store has it). An email or phone is
 * verified only when the caller says the customer proved it; the username needs no proof. Call inside a
 * transaction.
 */
export function updateIdentifier(
  ctx: SandboxContext,
  account: { id: string; store: string },
  type: 'username' | 'email' | 'phone',
  identifier: string,
  verified: boolean,
): void {
  assertIdentifiersFree(
    ctx,
    {
      store: account.store,
      username: type === 'username' ? identifier : null,
      email: type === 'email' ? identifier : null,
      phone: type === 'phone' ? identifier : null,
    },
    account.id,
  );
  const now = ctx.now();
  if (type === 'username')
    ctx.db.prepare('UPDATE accounts SET username = ?, updated_at = ? WHERE id = ?').run(identifier, now, account.id);
  else if (type === 'email')
    ctx.db
      .prepare('UPDATE accounts SET email = ?, email_domain_rev = ?, email_verified = ?, updated_at = ? WHERE id = ?')
      .run(identifier, reverseDomain(identifier), verified ? 1 : 0, now, account.id);
  else
    ctx.db
      .prepare('UPDATE accounts SET phone = ?, phone_verified = ?, updated_at = ? WHERE id = ?')
      .run(identifier, verified ? 1 : 0, now, account.id);
}
