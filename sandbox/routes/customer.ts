import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { accountUserName, PERMANENT_LOCK_THRESHOLD, activeLocks, type AccountRow } from '../domain/accounts';
import { recordEvent } from '../domain/events';
import { locateIp } from '../domain/geo';
import { newId, parseJson } from '../domain/ids';
import { passwordPolicyViolations, verifyPassword } from '../domain/passwords';
import { ApiProblem, badRequest, notFound } from '../domain/problems';
import { describeDevice } from '../domain/user-agent';
import { passwordPolicyOf } from '../domain/configuration';
import { assertIdentifiersFree, insertAccount } from '../domain/account-writes';
import type { TypedApp } from './common';

/** How long a temporary password lock lasts before the customer may try again. */
export const TEMPORARY_LOCK_MS = 15 * 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The customer's address: X-Forwarded-For is believed only from a loopback peer (the console's tests, a local proxy). */
export function clientIp(request: FastifyRequest): string {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return loopback && first ? first : peer.replace(/^::ffff:/, '');
}

const customerFailure = (status: number, error: string, detail: string) => new ApiProblem(status, error, detail);

/**
 * The customer side of the platform, apart from the Admin API under /sandbox/customer/: registration, login
 * (password, TOTP), sessions, consents and identity verification attempts. These write the same events the
 * console's activity tab shows, so what the console sees is produced by the platform.
 */
export function registerCustomerRoutes(app: TypedApp, ctx: SandboxContext): void {
  const { db } = ctx;
  const base = '/sandbox/customer';
  const tags = ['Sandbox customer flows'];

  const firstApplication = (store: string, organization: string | null) =>
    db
      .prepare("SELECT id, name FROM applications WHERE store = ? AND type IN (?, 'hybrid') ORDER BY name LIMIT 1")
      .get(store, organization ? 'organizational' : 'personal') as { id: string; name: string } | undefined;

  const openSession = (row: AccountRow, request: FastifyRequest, kind: 'login' | 'impersonation') => {
    const now = ctx.now();
    const ip = clientIp(request);
    const userAgent = request.headers['user-agent'] ?? 'unknown';
    const location = locateIp(ip);
    const token = randomBytes(32).toString('base64url');
    const sessionId = newId();
    db.prepare(
      'INSERT INTO sessions (id, account_id, token_hash, device_string, user_agent, last_ip, location, last_login_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      sessionId,
      row.id,
      tokenHash(token),
      describeDevice(userAgent),
      userAgent,
      ip,
      JSON.stringify(location),
      now,
      now,
    );
    db.prepare(
      'UPDATE accounts SET last_login_at = ?, last_login_ip = ?, last_login_location = ?, last_auth_at = ?, last_auth_ip = ?, number_of_logins = number_of_logins + 1, failed_password_attempts = 0 WHERE id = ?',
    ).run(now, ip, JSON.stringify(location), now, ip, row.id);
    const application = firstApplication(row.store, row.organization);
    recordEvent(ctx, {
      store: row.store,
      accountId: row.id,
      userName: accountUserName(row),
      type: 'customerFlow',
      name: kind,
      outcome: 'success',
      actor: { accountId: row.id, userName: accountUserName(row) ?? '', ip, userAgent, location },
      ...(application ? { actorApplication: application } : {}),
      loginSessionId: sessionId,
    });
    return { sessionToken: token, sessionId, accountId: row.id };
  };

  /** The account behind a customer session token; a session an admin deleted no longer authenticates. */
  const sessionAccount = (request: FastifyRequest): { row: AccountRow; sessionId: string } => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const session = match
      ? (db.prepare('SELECT id, account_id FROM sessions WHERE token_hash = ?').get(tokenHash(match[1]!)) as
          { id: string; account_id: string } | undefined)
      : undefined;
    if (!session) throw customerFailure(401, 'invalid_session', 'The session has ended or never existed.');
    const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(session.account_id) as AccountRow;
    if (row.enabled !== 1) throw customerFailure(403, 'account_disabled', 'The account is disabled.');
    return { row, sessionId: session.id };
  };

  app.post(
    `${base}/:store/register`,
    {
      schema: {
        tags,
        params: z.object({ store: z.string() }),
        body: z.object({
          email: z.string().email().optional(),
          username: z.string().min(1).max(104).optional(),
          phone: z
            .string()
            .regex(/^\+[1-9]\d{6,14}$/)
            .optional(),
          password: z.string().min(1).max(256),
          attributes: z.record(z.string(), z.unknown()).default({}),
        }),
      },
    },
    async (request, reply) => {
      const store = request.params.store;
      if (!db.prepare('SELECT 1 FROM identity_stores WHERE name = ?').get(store))
        throw notFound('Identity store', store);
      const { email = null, username = null, phone = null, password, attributes } = request.body;
      if (!email && !username && !phone) throw badRequest('Register with an email, a username or a phone number.');
      const violations = passwordPolicyViolations(password, passwordPolicyOf(ctx.db, store), [username, email]);
      if (violations.length > 0)
        throw badRequest(
          `The password ${violations.join(', ')}.`,
          violations.map((message) => ({ objectName: 'registration', field: 'password', message })),
        );
      assertIdentifiersFree(ctx, { store, username, email, phone });
      let id = '';
      db.transaction(() => {
        id = insertAccount(ctx, {
          store,
          username,
          email,
          phone,
          password,
          metadata: attributes,
          identifierAuthenticators: false,
        });
        const ip = clientIp(request);
        recordEvent(ctx, {
          store,
          accountId: id,
          userName: username ?? email ?? phone ?? undefined,
          type: 'customerFlow',
          name: 'registration',
          outcome: 'success',
          actor: { accountId: id, ip, userAgent: request.headers['user-agent'] ?? '' },
        });
      })();
      return reply.code(201).send({ accountId: id });
    },
  );

  app.post(
    `${base}/:store/login`,
    {
      schema: {
        tags,
        params: z.object({ store: z.string() }),
        body: z.object({ identifier: z.string().min(1), password: z.string(), totp: z.string().optional() }),
      },
    },
    async (request) => {
      const { store } = request.params;
      const { identifier, password, totp } = request.body;
      const row = db
        .prepare(
          'SELECT * FROM accounts WHERE store = ? AND (username = ? COLLATE NOCASE OR email = ? COLLATE NOCASE OR phone = ?)',
        )
        .get(store, identifier, identifier, identifier) as AccountRow | undefined;
      const ip = clientIp(request);
      const userAgent = request.headers['user-agent'] ?? 'unknown';
      const fail = (reason: string, status = 401, accountRow: AccountRow | undefined = row) => {
        recordEvent(ctx, {
          store,
          accountId: accountRow?.id ?? null,
          userName: identifier,
          type: 'customerFlow',
          name: 'login',
          outcome: 'failure',
          actor: { ...(accountRow ? { accountId: accountRow.id } : {}), userName: identifier, ip, userAgent },
          metadata: { reason },
        });
        return customerFailure(status, reason, `Login refused: ${reason.replace(/_/g, ' ')}.`);
      };
      if (!row) throw fail('invalid_credentials');
      if (row.enabled !== 1) throw fail('account_disabled', 403);
      if (activeLocks(row, ctx.now())._password) throw fail('account_locked', 423);
      if (!verifyPassword(password, row.password_hash)) {
        const failures = row.failed_password_attempts + 1;
        const maxFailures = (
          db.prepare('SELECT max_failed_logins FROM identity_stores WHERE name = ?').get(store) as {
            max_failed_logins: number;
          }
        ).max_failed_logins;
        const locks = parseJson<Record<string, { until: number | null }>>(row.locks, {});
        if (failures >= maxFailures)
          locks._password = { until: failures >= PERMANENT_LOCK_THRESHOLD ? null : ctx.now() + TEMPORARY_LOCK_MS };
        db.prepare('UPDATE accounts SET failed_password_attempts = ?, locks = ? WHERE id = ?').run(
          failures,
          JSON.stringify(locks),
          row.id,
        );
        if (locks._password)
          recordEvent(ctx, {
            store,
            accountId: row.id,
            userName: accountUserName(row),
            type: 'systemInitiatedOperation',
            name: 'accountLock',
            outcome: 'success',
            metadata: { failedAttempts: failures },
          });
        throw fail('invalid_credentials');
      }
      const softTokens = db
        .prepare(
          "SELECT id, secret FROM authenticators WHERE account_id = ? AND type = 'softToken' AND secret IS NOT NULL",
        )
        .all(row.id) as Array<{ id: string; secret: string }>;
      if (softTokens.length > 0) {
        if (!totp) throw fail('totp_required');
        const valid = softTokens.find(
          (token) =>
            new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(token.secret), digits: 6, period: 30 }).validate({
              token: totp,
              timestamp: ctx.now(),
              window: 1,
            }) !== null,
        );
        if (!valid) throw fail('invalid_totp');
        db.prepare('UPDATE authenticators SET last_used_at = ? WHERE id = ?').run(ctx.now(), valid.id);
      }
      return db.transaction(() => openSession(row, request, 'login'))();
    },
  );

  app.get(`${base}/me`, { schema: { tags } }, async (request) => {
    const { row, sessionId } = sessionAccount(request);
    return { accountId: row.id, store: row.store, sessionId, userName: accountUserName(row) };
  });

  app.post(`${base}/logout`, { schema: { tags } }, async (request, reply) => {
    const { row, sessionId } = sessionAccount(request);
    db.transaction(() => {
      db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
      recordEvent(ctx, {
        store: row.store,
        accountId: row.id,
        userName: accountUserName(row),
        type: 'customerFlow',
        name: 'logout',
        outcome: 'success',
        loginSessionId: sessionId,
        actor: { accountId: row.id, ip: clientIp(request) },
      });
    })();
    return reply.code(204).send(null);
  });

  app.post(
    `${base}/consents/:consentId`,
    { schema: { tags, params: z.object({ consentId: z.string() }), body: z.object({ optIn: z.boolean() }) } },
    async (request) => {
      const { row } = sessionAccount(request);
      const consent = db.prepare('SELECT id, version FROM consents WHERE id = ?').get(request.params.consentId) as
        { id: string; version: number } | undefined;
      if (!consent) throw notFound('Consent', request.params.consentId);
      const now = ctx.now();
      const current = db
        .prepare(
          'SELECT * FROM account_consents WHERE account_id = ? AND consent_id = ? AND opt_out IS NULL ORDER BY opt_in DESC LIMIT 1',
        )
        .get(row.id, consent.id) as { id: string; consent_version: number } | undefined;
      db.transaction(() => {
        if (request.body.optIn) {
          // A new version of the text needs a new opt-in; agreeing again to the current one changes nothing.
          if (current?.consent_version === consent.version) return;
          if (current) db.prepare('UPDATE account_consents SET opt_out = ? WHERE id = ?').run(now, current.id);
          db.prepare(
            'INSERT INTO account_consents (id, account_id, consent_id, consent_version, opt_in) VALUES (?, ?, ?, ?, ?)',
          ).run(newId(), row.id, consent.id, consent.version, now);
        } else if (current) {
          db.prepare('UPDATE account_consents SET opt_out = ? WHERE id = ?').run(now, current.id);
        }
        recordEvent(ctx, {
          store: row.store,
          accountId: row.id,
          userName: accountUserName(row),
          type: 'selfService',
          name: request.body.optIn ? 'consentOptIn' : 'consentOptOut',
          outcome: 'success',
          metadata: { consentId: consent.id, version: consent.version },
          actor: { accountId: row.id, ip: clientIp(request) },
        });
      })();
      return { consentId: consent.id, version: consent.version, optIn: request.body.optIn };
    },
  );

  app.post(
    `${base}/proofings/:policyId/attempts`,
    { schema: { tags, params: z.object({ policyId: z.string() }), body: z.object({ success: z.boolean() }) } },
    async (request) => {
      const { row } = sessionAccount(request);
      const policy = db.prepare('SELECT id, name FROM proofing_policies WHERE id = ?').get(request.params.policyId) as
        { id: string; name: string } | undefined;
      if (!policy) throw notFound('Identity verification policy', request.params.policyId);
      const now = ctx.now();
      let proofing = db
        .prepare(
          'SELECT * FROM account_proofings WHERE account_id = ? AND policy_id = ? AND invalidated_at IS NULL AND deleted = 0 ORDER BY rowid DESC LIMIT 1',
        )
        .get(row.id, policy.id) as { id: string } | undefined;
      db.transaction(() => {
        if (!proofing) {
          proofing = { id: newId() };
          db.prepare('INSERT INTO account_proofings (id, account_id, policy_id, attempts) VALUES (?, ?, ?, 0)').run(
            proofing.id,
            row.id,
            policy.id,
          );
        }
        if (request.body.success)
          db.prepare('UPDATE account_proofings SET proofed_at = ? WHERE id = ?').run(now, proofing.id);
        else db.prepare('UPDATE account_proofings SET attempts = attempts + 1 WHERE id = ?').run(proofing.id);
        recordEvent(ctx, {
          store: row.store,
          accountId: row.id,
          userName: accountUserName(row),
          type: 'customerFlow',
          name: 'identityVerification',
          outcome: request.body.success ? 'success' : 'failure',
          metadata: { policyId: policy.id, policyName: policy.name },
          actor: { accountId: row.id, ip: clientIp(request) },
        });
      })();
      return { proofingId: proofing!.id, policyId: policy.id, success: request.body.success };
    },
  );

  app.get(
    `${base}/impersonate/:token`,
    { schema: { tags, params: z.object({ token: z.string() }) } },
    async (request) => {
      const grant = db.prepare('SELECT * FROM impersonations WHERE token = ?').get(request.params.token) as
        { account_id: string; expires_at: number; used_at: number | null } | undefined;
      if (!grant) throw customerFailure(404, 'unknown_link', 'No such impersonation link.');
      if (grant.used_at !== null) throw customerFailure(410, 'link_used', 'This impersonation link was already used.');
      if (grant.expires_at <= ctx.now())
        throw customerFailure(410, 'link_expired', 'This impersonation link has expired.');
      const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(grant.account_id) as AccountRow;
      return db.transaction(() => {
        db.prepare('UPDATE impersonations SET used_at = ? WHERE token = ?').run(ctx.now(), request.params.token);
        return openSession(row, request, 'impersonation');
      })();
    },
  );
}
