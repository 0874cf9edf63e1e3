import { createHash, randomInt } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import { notificationTarget, recordNotification, resolveNotificationRule, signInClient } from './notifications';

/** How long a one-time passcode works. */
export const PASSCODE_VALID_MS = 10 * 60_000;

const hashOf = (accountId: string, code: string) =>
  createHash('sha256').update(`${accountId}:${code}`).digest('base64url');

/**
 * Sends the customer a six-digit one-time passcode to their verified email, else their verified phone (a new code
 * replaces the last). Only its hash is kept; the outbox keeps the message. Call inside a transaction.
 */
export function sendPasscode(
  ctx: SandboxContext,
  row: AccountRow,
): { channel: 'email' | 'sms'; notificationId: string } {
  const { channel } = notificationTarget(row, 'passcode');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  ctx.db
    .prepare('INSERT OR REPLACE INTO passcodes (account_id, code_hash, expires_at) VALUES (?, ?, ?)')
    .run(row.id, hashOf(row.id, code), ctx.now() + PASSCODE_VALID_MS);
  const rule = resolveNotificationRule(ctx, row, signInClient(ctx, row));
  const sent = recordNotification(
    ctx,
    row,
    rule,
    'passcode',
    null,
    `Your sign-in code is ${code}. It works for 10 minutes.`,
  );
  return { channel, notificationId: sent.id };
}

/** Whether the code is the account's current one (used once: a right code is spent). Call inside a transaction. */
export function usePasscode(ctx: SandboxContext, accountId: string, code: string): boolean {
  const row = ctx.db.prepare('SELECT code_hash, expires_at FROM passcodes WHERE account_id = ?').get(accountId) as
    { code_hash: string; expires_at: number } | undefined;
  if (!row || row.expires_at <= ctx.now() || row.code_hash !== hashOf(accountId, code)) return false;
  ctx.db.prepare('DELETE FROM passcodes WHERE account_id = ?').run(accountId);
  return true;
}
