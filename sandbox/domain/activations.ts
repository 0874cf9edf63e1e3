import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import { recordNotification, resolveNotificationRule, signInClient } from './notifications';
import { badRequest } from './problems';

/** How long an activation link stays valid. */
export const ACTIVATION_VALID_MS = 7 * 24 * 3_600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

interface ActivationRow {
  token_hash: string;
  account_id: string;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Whether a store asks a self-registered customer to confirm the email by a link before signing in. */
export function activationRequired(db: Db, store: string): boolean {
  const row = db.prepare('SELECT activation_required AS required FROM identity_stores WHERE name = ?').get(store) as
    { required: number } | undefined;
  return row?.required === 1;
}

/** The newest activation link not yet followed, if any (expired or not). */
export function pendingActivation(db: Db, accountId: string): ActivationRow | undefined {
  return db
    .prepare(
      'SELECT * FROM activations WHERE account_id = ? AND used_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
    )
    .get(accountId) as ActivationRow | undefined;
}

/**
 * Makes an activation link for the account's email and sends it through the first client of an application the
 * customer signs in with (the outbox keeps the message, link included). Only the token's hash is stored.
 * Call inside the registration's transaction.
 */
export function sendActivation(ctx: SandboxContext, row: AccountRow): { url: string; notificationId: string } {
  if (!row.email) throw badRequest('Activation needs an email to send the link to.');
  const clientId = signInClient(ctx, row);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  ctx.db
    .prepare('INSERT INTO activations (token_hash, account_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(hashOf(token), row.id, row.email, now, now + ACTIVATION_VALID_MS);
  const url = `${ctx.baseUrl()}/sandbox/customer/activate/${token}`;
  const notification = recordNotification(
    ctx,
    row,
    resolveNotificationRule(ctx, row, clientId),
    'accountActivation',
    null,
    `Confirm your email address within 7 days: ${url}`,
  );
  return { url, notificationId: notification.id };
}

export type ActivationOutcome =
  { kind: 'activated'; accountId: string } | { kind: 'unknown' | 'used' | 'expired' | 'changed' };

/**
 * Follows an activation link: the email it was sent to becomes verified. A link already followed, expired, or
 * sent to an email the account no longer has verifies nothing. Call inside a transaction.
 */
export function completeActivation(ctx: SandboxContext, token: string): ActivationOutcome {
  const found = ctx.db.prepare('SELECT * FROM activations WHERE token_hash = ?').get(hashOf(token)) as
    ActivationRow | undefined;
  if (!found) return { kind: 'unknown' };
  if (found.used_at !== null) return { kind: 'used' };
  if (found.expires_at <= ctx.now()) return { kind: 'expired' };
  const account = ctx.db.prepare('SELECT email FROM accounts WHERE id = ?').get(found.account_id) as
    { email: string | null } | undefined;
  if (account?.email?.toLowerCase() !== found.email.toLowerCase()) return { kind: 'changed' };
  const now = ctx.now();
  ctx.db.prepare('UPDATE activations SET used_at = ? WHERE token_hash = ?').run(now, found.token_hash);
  ctx.db.prepare('UPDATE accounts SET email_verified = 1, updated_at = ? WHERE id = ?').run(now, found.account_id);
  return { kind: 'activated', accountId: found.account_id };
}
