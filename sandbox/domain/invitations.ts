import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import type { Db } from '../db/database';
import { assignRoles, isClientOfStore, setPassword } from './account-records';
import { assertIdentifiersFree, insertAccount } from './account-writes';
import { getAccountRow, type AccountRow } from './accounts';
import { recordAdminWrite } from './admin-write';
import { findConfiguration } from './configuration';
import { accountById } from './customer-records';
import { joinGroups } from './memberships';
import { newId, parseJson } from './ids';
import { resolveNotificationRule } from './notifications';
import { ApiProblem, badRequest, notFound } from './problems';
import { iso } from './time';

/** How long an invitation link stays valid after it is sent (or sent again). */
export const INVITATION_VALID_MS = 7 * 24 * 3_600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface InvitationRow {
  id: string;
  store: string;
  account_id: string;
  client_id: string;
  email: string;
  organization: string | null;
  language: string;
  metadata: string;
  groups: string;
  roles: string;
  sent_at: number;
  valid_until: number;
  token_hash: string;
  accepted_at: number | null;
}

export interface InvitationRequest {
  clientId: string;
  email: string;
  groups: Array<{ id: string }>;
  language: string;
  metadata: Record<string, unknown>;
  organization?: string | undefined;
  roles: Array<{ id: string; organization: string }>;
}

/** The list's item (AccountInvitationResponse_Account). */
export const invitationListItem = (row: InvitationRow) => ({
  id: row.id,
  accountId: row.account_id,
  clientId: row.client_id,
  email: row.email,
  store: row.store,
  ...(row.organization ? { organization: row.organization } : {}),
  sent: iso(row.sent_at),
  validUntil: iso(row.valid_until),
});

/** The full invitation (AccountInvitationResponse_AccountInvitationDetails). */
export const invitationDetails = (row: InvitationRow) => ({
  ...invitationListItem(row),
  groups: parseJson<Array<{ id: string }>>(row.groups, []),
  language: row.language,
  metadata: parseJson<Record<string, unknown>>(row.metadata, {}),
  roles: parseJson<Array<{ id: string; organization: string }>>(row.roles, []),
});

export function getInvitation(db: Db, store: string, id: string): InvitationRow {
  const row = db.prepare('SELECT * FROM invitations WHERE id = ? AND store = ?').get(id, store) as
    InvitationRow | undefined;
  if (!row) throw notFound('Invitation', id);
  return row;
}

export function findInvitations(
  db: Db,
  store: string,
  filter: { accepted: boolean | null; email: string | null; organization: string | null; page: number; size: number },
): InvitationRow[] {
  return db
    .prepare(
      `SELECT * FROM invitations WHERE store = ?
         AND (? IS NULL OR (accepted_at IS NOT NULL) = ?)
         AND (? IS NULL OR email = ? COLLATE NOCASE)
         AND (? IS NULL OR organization = ?)
       ORDER BY sent_at DESC, id LIMIT ? OFFSET ?`,
    )
    .all(
      store,
      filter.accepted === null ? null : 1,
      filter.accepted ? 1 : 0,
      filter.email,
      filter.email,
      filter.organization,
      filter.organization,
      filter.size,
      filter.page * filter.size,
    ) as InvitationRow[];
}

/** The account's invitation not accepted yet (expired or not), if any. */
export function pendingInvitation(db: Db, accountId: string): InvitationRow | undefined {
  return db
    .prepare('SELECT * FROM invitations WHERE account_id = ? AND accepted_at IS NULL ORDER BY sent_at DESC LIMIT 1')
    .get(accountId) as InvitationRow | undefined;
}

const fieldProblem = (field: string, message: string) =>
  badRequest(`${field}: ${message}`, [{ objectName: 'invitation', field, message }]);

/** Every reference of the request exists in the store, and the client can take a customer to a login page. */
function checkReferences(db: Db, store: string, body: InvitationRequest): void {
  if (!isClientOfStore(db, body.clientId, store)) throw fieldProblem('clientId', `no application client in ${store}`);
  const client = db.prepare('SELECT login_url AS loginUrl FROM clients WHERE id = ?').get(body.clientId) as {
    loginUrl: string | null;
  };
  if (!client.loginUrl) throw fieldProblem('clientId', 'the client has no login URL to send the customer to');
  if (body.organization && !findConfiguration(db, 'organization', body.organization, store))
    throw fieldProblem('organization', 'does not exist');
  for (const group of body.groups)
    if (!findConfiguration(db, 'group', group.id, store))
      throw fieldProblem('groups', `group ${group.id} does not exist`);
  for (const role of body.roles) {
    if (!findConfiguration(db, 'role', role.id, store)) throw fieldProblem('roles', `role ${role.id} does not exist`);
    if (!findConfiguration(db, 'organization', role.organization, store))
      throw fieldProblem('roles', `organization ${role.organization} does not exist`);
  }
}

/** Sends the invitation's link (a new one each time: the old link stops working) and dates it. */
function sendLink(ctx: SandboxContext, request: FastifyRequest, invitation: InvitationRow, name: string): void {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  ctx.db
    .prepare('UPDATE invitations SET token_hash = ?, sent_at = ?, valid_until = ? WHERE id = ?')
    .run(hashOf(token), now, now + INVITATION_VALID_MS, invitation.id);
  const account = getAccountRow(ctx.db, invitation.store, invitation.account_id);
  const url = `${ctx.baseUrl()}/sandbox/customer/invitation/${token}`;
  recordAdminWrite(
    ctx,
    request,
    account,
    name,
    { invitationId: invitation.id, clientId: invitation.client_id },
    {
      rule: resolveNotificationRule(ctx, account, invitation.client_id),
      template: 'accountInvitation',
      details: `You are invited. Accept within 7 days: ${url}`,
      invitationId: invitation.id,
    },
    name === 'accountInvitation' ? 201 : 200,
  );
}

/**
 * Invites a customer by email: a new account (email unverified unless the administrator says it was checked, no
 * password) or, where the store already has an account with that email, that account. One pending invitation per
 * email: a second is a 409 naming the first.
 */
export function createInvitation(
  ctx: SandboxContext,
  request: FastifyRequest,
  store: string,
  body: InvitationRequest,
  skipEmailVerification: boolean,
): InvitationRow {
  const { db } = ctx;
  checkReferences(db, store, body);
  const pending = db
    .prepare('SELECT id FROM invitations WHERE store = ? AND email = ? COLLATE NOCASE AND accepted_at IS NULL')
    .get(store, body.email) as { id: string } | undefined;
  if (pending)
    throw new ApiProblem(
      409,
      'Conflict',
      `${body.email} already has a pending invitation: resend it instead.`,
      undefined,
      {},
      { conflictingId: pending.id },
    );
  const existing = db
    .prepare('SELECT * FROM accounts WHERE store = ? AND email = ? COLLATE NOCASE')
    .get(store, body.email) as AccountRow | undefined;
  if (existing && (existing.organization ?? null) !== (body.organization ?? null))
    throw new ApiProblem(
      409,
      'Conflict',
      `An account with ${body.email} exists ${existing.organization ? `in organization ${existing.organization}` : 'outside any organization'}: the invitation cannot move it.`,
    );
  return db.transaction(() => {
    let accountId = existing?.id;
    if (!accountId) {
      assertIdentifiersFree(ctx, { store, username: null, email: body.email, phone: null });
      accountId = insertAccount(ctx, {
        store,
        username: null,
        email: body.email,
        emailVerified: skipEmailVerification,
        phone: null,
        organization: body.organization ?? null,
        language: body.language,
        password: null,
        metadata: body.metadata,
        identifierAuthenticators: false,
      });
    }
    const account = getAccountRow(db, store, accountId);
    joinGroups(
      db,
      account,
      body.groups.map((group) => group.id),
    );
    for (const role of body.roles) assignRoles(db, account, role.organization, [role.id]);
    const id = newId();
    db.prepare(
      `INSERT INTO invitations (id, store, account_id, client_id, email, organization, language, metadata, groups, roles,
         sent_at, valid_until, token_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)`,
    ).run(
      id,
      store,
      account.id,
      body.clientId,
      body.email,
      body.organization ?? null,
      body.language,
      JSON.stringify(body.metadata),
      JSON.stringify(body.groups),
      JSON.stringify(body.roles),
      `unsent:${id}`,
    );
    const invitation = getInvitation(db, store, id);
    sendLink(ctx, request, invitation, 'accountInvitation');
    return getInvitation(db, store, id);
  })();
}

/** Sends a pending invitation again with a new link valid for another 7 days; an accepted one is a 400. */
export function resendInvitation(ctx: SandboxContext, request: FastifyRequest, invitation: InvitationRow) {
  if (invitation.accepted_at !== null) throw badRequest('The invitation was already accepted.');
  ctx.db.transaction(() => sendLink(ctx, request, invitation, 'invitationResend'))();
  return getInvitation(ctx.db, invitation.store, invitation.id);
}

/** Revokes an invitation: its link stops working. The account it made stays (an administrator may delete it). */
export function revokeInvitation(ctx: SandboxContext, request: FastifyRequest, invitation: InvitationRow): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM invitations WHERE id = ?').run(invitation.id);
    const account = accountById(ctx.db, invitation.account_id);
    if (account)
      recordAdminWrite(ctx, request, account, 'invitationRevoke', { invitationId: invitation.id }, undefined, 204);
  })();
}

export type InvitationLookup =
  { kind: 'open'; invitation: InvitationRow; account: AccountRow } | { kind: 'unknown' | 'accepted' | 'expired' };

/** The invitation behind a link the customer followed. */
export function invitationByToken(ctx: SandboxContext, token: string): InvitationLookup {
  const invitation = ctx.db.prepare('SELECT * FROM invitations WHERE token_hash = ?').get(hashOf(token)) as
    InvitationRow | undefined;
  if (!invitation) return { kind: 'unknown' };
  if (invitation.accepted_at !== null) return { kind: 'accepted' };
  if (invitation.valid_until <= ctx.now()) return { kind: 'expired' };
  const account = accountById(ctx.db, invitation.account_id)!;
  return { kind: 'open', invitation, account };
}

/**
 * Accepts an open invitation: the email it was sent to is verified (following the link proved it) and, for an
 * account without one, the password the customer chose is set. Call inside a transaction.
 */
export function acceptInvitation(
  ctx: SandboxContext,
  invitation: InvitationRow,
  account: AccountRow,
  passwordHash: string | null,
): void {
  const now = ctx.now();
  ctx.db.prepare('UPDATE invitations SET accepted_at = ? WHERE id = ?').run(now, invitation.id);
  if (passwordHash) setPassword(ctx, account.id, passwordHash);
  if (account.email?.toLowerCase() === invitation.email.toLowerCase())
    ctx.db.prepare('UPDATE accounts SET email_verified = 1, updated_at = ? WHERE id = ?').run(now, account.id);
}
