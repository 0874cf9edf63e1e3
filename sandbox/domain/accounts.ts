import type { Db } from '../db/database';
import type { SandboxContext } from '../context';
import { parseJson } from './ids';
import { notFound } from './problems';
import { iso } from './time';
import type { GeoFeature } from './geo';

export interface AccountRow {
  id: string;
  store: string;
  username: string | null;
  email: string | null;
  email_domain_rev: string | null;
  email_verified: number;
  phone: string | null;
  phone_verified: number;
  display_name: string;
  enabled: number;
  organization: string | null;
  language: string;
  created_at: number;
  updated_at: number;
  disabled_at: number | null;
  last_login_at: number | null;
  last_login_ip: string | null;
  last_login_location: string | null;
  last_auth_at: number | null;
  last_auth_ip: string | null;
  number_of_logins: number;
  password_hash: string | null;
  failed_password_attempts: number;
  failed_passcode_attempts: number;
  locks: string;
  metadata: string;
  notification_preferences: string;
}

export const defaultNotificationPreferences = {
  accountAttributeUpdate: true,
  accountDeletion: true,
  accountLockout: true,
  mfaMethodChange: true,
  passwordResetSuccess: true,
};

/** Permanent lock after this many failures, reported in accountLockout. */
export const PERMANENT_LOCK_THRESHOLD = 10;

export function getAccountRow(db: Db, store: string, accountId: string): AccountRow {
  const row = db.prepare('SELECT * FROM accounts WHERE id = ? AND store = ?').get(accountId, store) as
    AccountRow | undefined;
  if (!row) throw notFound('Account', accountId);
  return row;
}

export function assertStore(db: Db, store: string): void {
  if (!db.prepare('SELECT 1 FROM identity_stores WHERE name = ?').get(store)) throw notFound('Identity store', store);
}

/** The name the events and downloads use for an account: its username, else email, else phone. */
export function accountUserName(row: Pick<AccountRow, 'username' | 'email' | 'phone'>): string | undefined {
  return row.username ?? row.email ?? row.phone ?? undefined;
}

function lastActivity(time: number | null, ip: string | null, location: string | null) {
  if (time === null) return undefined;
  const feature = parseJson<GeoFeature | undefined>(location, undefined);
  return { time: iso(time), ...(ip ? { ip } : {}), ...(feature ? { location: feature } : {}) };
}

/** The full AccountResponse_Account of one account row. */
export function toAccountResponse(ctx: SandboxContext, row: AccountRow) {
  const { db } = ctx;
  const now = ctx.now();
  const authenticators = db
    .prepare("SELECT * FROM authenticators WHERE account_id = ? AND type != 'password' ORDER BY created_at")
    .all(row.id) as Array<Record<string, string | number | null>>;
  const consents = db
    .prepare('SELECT * FROM account_consents WHERE account_id = ? ORDER BY opt_in')
    .all(row.id) as Array<Record<string, string | number | null>>;
  const proofings = db
    .prepare('SELECT * FROM account_proofings WHERE account_id = ? ORDER BY rowid')
    .all(row.id) as Array<Record<string, string | number | null>>;
  const groups = db.prepare('SELECT group_id AS id FROM account_groups WHERE account_id = ?').all(row.id) as Array<{
    id: string;
  }>;
  const roles = db
    .prepare('SELECT role_id AS id, organization_id AS organization FROM account_roles WHERE account_id = ?')
    .all(row.id) as Array<{ id: string; organization: string }>;
  const external = db
    .prepare('SELECT * FROM external_identities WHERE account_id = ? ORDER BY linked_at')
    .all(row.id) as Array<Record<string, string>>;
  const locks = activeLocks(row, now);
  const metadata = parseJson<Record<string, unknown>>(row.metadata, {});

  return {
    id: row.id,
    store: row.store,
    enabled: row.enabled === 1,
    organization: row.organization,
    language: row.language,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    disabledAt: iso(row.disabled_at),
    lastLogin: lastActivity(row.last_login_at, row.last_login_ip, row.last_login_location),
    lastAuthenticationActivity: lastActivity(row.last_auth_at, row.last_auth_ip, row.last_login_location),
    numberOfLogins: row.number_of_logins,
    accountInfo: metadata,
    identities: {
      ...(row.username ? { local: { id: row.username, display: row.username } } : {}),
      ...(row.email ? { email: { id: row.email, verified: row.email_verified === 1 } } : {}),
      ...(row.phone ? { phone: { id: row.phone, verified: row.phone_verified === 1 } } : {}),
      external: external.map((identity) => ({
        id: identity.id,
        provider: identity.provider,
        display: identity.display,
        externalId: identity.external_id,
      })),
    },
    accountLockout: {
      failedPasswordAttemptCount: row.failed_password_attempts,
      // The count toward the permanent lock (at PERMANENT_LOCK_THRESHOLD): the same run of failures here.
      failedPasswordAttemptCountPermanentLock: row.failed_password_attempts,
      failedPasscodeAttemptCount: row.failed_passcode_attempts,
      failedPasscodeAttemptCountPermanentLock: row.failed_passcode_attempts,
      locks,
    },
    authenticators: {
      methods: authenticators.map((a) => ({
        id: String(a.id),
        type: String(a.type) as 'email',
        ...(a.sub_type ? { subType: String(a.sub_type) } : {}),
        ...(a.target ? { target: String(a.target) } : {}),
        methods: parseJson<string[]>(a.methods as string, []),
        publicMetadata: parseJson<Record<string, unknown>>(a.public_metadata as string, {}),
        createdAt: iso(Number(a.created_at)),
        lastUsedAt: iso(a.last_used_at === null ? null : Number(a.last_used_at)),
      })),
    },
    consents: consents.map((c) => ({
      id: String(c.id),
      consentId: String(c.consent_id),
      consentVersion: Number(c.consent_version),
      optIn: iso(Number(c.opt_in)),
      optOut: iso(c.opt_out === null ? null : Number(c.opt_out)),
    })),
    accountProofings: proofings.map((p) => ({
      id: String(p.id),
      policyId: String(p.policy_id),
      attempts: Number(p.attempts),
      proofedAt: iso(p.proofed_at === null ? null : Number(p.proofed_at)),
      invalidatedAt: iso(p.invalidated_at === null ? null : Number(p.invalidated_at)),
      deleted: p.deleted === 1,
    })),
    groups,
    roles,
    notificationPreferences: { ...defaultNotificationPreferences, ...parseJson(row.notification_preferences, {}) },
  };
}

/** Locks still in force: a temporary lock whose time has passed is over. */
export function activeLocks(row: Pick<AccountRow, 'locks'>, now: number): Record<string, { until: string | null }> {
  const locks = parseJson<Record<string, { until: number | null }>>(row.locks, {});
  const active: Record<string, { until: string | null }> = {};
  for (const [kind, lock] of Object.entries(locks)) {
    if (lock.until === null || lock.until > now) active[kind] = { until: lock.until === null ? null : iso(lock.until) };
  }
  return active;
}
