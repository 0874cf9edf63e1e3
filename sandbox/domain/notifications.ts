import type { SandboxContext } from '../context';
import type { AccountRow } from './accounts';
import { escapeHtml } from './html';
import { newId } from './ids';
import { badRequest } from './problems';

/** Which client, application and policies a customer notification goes out with, and why. */
export interface NotificationRule {
  clientId: string;
  clientName: string;
  applicationId: string;
  applicationName: string;
  applicationType: 'personal' | 'organizational' | 'hybrid';
  brandId: string | null;
  brandName: string | null;
  notificationPolicyId: string | null;
  policySource: 'application' | 'organization';
}

export const templates = {
  passwordReset: 'Password reset',
  accountAttributeUpdate: 'Account attribute update',
  mfaMethodChange: 'MFA method change',
  accountLockout: 'Account lockout',
  identifierUpdate: 'Identifier update',
  externalIdentityUnlink: 'External identity unlinked',
  notificationPreferencesUpdate: 'Notification preferences update',
  accountActivation: 'Account activation',
  accountInvitation: 'Account invitation',
  passcode: 'One-time passcode',
} as const;
export type TemplateId = keyof typeof templates;

/** How long the link or code a message carries works, for those that carry one. */
const validFor: Partial<Record<TemplateId, number>> = {
  passwordReset: 24 * 3_600_000,
  accountActivation: 7 * 24 * 3_600_000,
  accountInvitation: 7 * 24 * 3_600_000,
  passcode: 10 * 60_000,
};

/**
 * The client a message the customer asked for (or the platform sends on its own) goes out through: the first
 * enabled client of an application the customer signs in with.
 */
export function signInClient(ctx: SandboxContext, account: Pick<AccountRow, 'store' | 'organization'>): string {
  const client = ctx.db
    .prepare(
      `SELECT c.id FROM clients c JOIN applications a ON a.id = c.application_id
       WHERE a.store = ? AND a.type IN (?, 'hybrid') AND c.enabled = 1 ORDER BY a.name, c.name LIMIT 1`,
    )
    .get(account.store, account.organization ? 'organizational' : 'personal') as { id: string } | undefined;
  if (!client) throw badRequest(`Store ${account.store} has no application to send the message through.`);
  return client.id;
}

/**
 * The platform's rule for X-Notification-By-Application: an account in an organization may only be notified
 * through a client of an organizational application, under the organization's branding and notification
 * policy (the application's per-organization override where one exists); an account without one only through
 * a client of a non-organizational application, under the application's policies. Breaking it is a 400.
 */
export function resolveNotificationRule(
  ctx: SandboxContext,
  account: Pick<AccountRow, 'store' | 'organization'>,
  clientObjectId: string,
): NotificationRule {
  const client = ctx.db
    .prepare(
      `SELECT c.id AS clientId, c.name AS clientName, a.id AS applicationId, a.name AS applicationName, a.type AS applicationType,
              a.store AS store, a.brand_id AS brandId, a.notification_policy_id AS notificationPolicyId
       FROM clients c JOIN applications a ON a.id = c.application_id WHERE c.id = ?`,
    )
    .get(clientObjectId) as (Omit<NotificationRule, 'policySource' | 'brandName'> & { store: string }) | undefined;
  const field = (message: string) =>
    badRequest(message, [{ objectName: 'header', field: 'X-Notification-By-Application', message }]);
  if (!client) throw field(`No application client ${clientObjectId}.`);
  if (client.store !== account.store)
    throw field(`Client ${client.clientName} belongs to an application of another identity store.`);

  let { brandId, notificationPolicyId } = client;
  let policySource: NotificationRule['policySource'] = 'application';
  if (account.organization) {
    if (client.applicationType === 'personal') {
      throw field(
        `The account belongs to an organization: notify it through a client of an organizational application, not ${client.applicationName}.`,
      );
    }
    const override = ctx.db
      .prepare(
        'SELECT brand_id AS brandId, notification_policy_id AS notificationPolicyId FROM application_organization_policies WHERE application_id = ? AND organization_id = ?',
      )
      .get(client.applicationId, account.organization) as
      { brandId: string | null; notificationPolicyId: string | null } | undefined;
    if (override) {
      brandId = override.brandId ?? brandId;
      notificationPolicyId = override.notificationPolicyId ?? notificationPolicyId;
      policySource = 'organization';
    }
  } else if (client.applicationType === 'organizational') {
    throw field(
      `The account belongs to no organization: notify it through a client of a non-organizational application, not ${client.applicationName}.`,
    );
  }
  const brand = brandId
    ? (ctx.db.prepare('SELECT brand_name AS name FROM brands WHERE id = ?').get(brandId) as
        { name: string } | undefined)
    : undefined;
  return { ...client, brandId, notificationPolicyId, policySource, brandName: brand?.name ?? null };
}

export type Reachable = Pick<AccountRow, 'email' | 'email_verified' | 'phone' | 'phone_verified'>;

/**
 * Where the platform may send a customer a message: a verified email, else a verified phone (by SMS). An
 * unverified identifier is never written to (it may not be the customer's), so an account with neither is a 400
 * before anything changes. Activation and invitation are the messages to an unverified email: following their link
 * is how the email gets verified.
 */
export function notificationTarget(
  account: Reachable,
  template: TemplateId,
): { channel: 'email' | 'sms'; target: string } {
  if ((template === 'accountActivation' || template === 'accountInvitation') && account.email)
    return { channel: 'email', target: account.email };
  if (account.email && account.email_verified === 1) return { channel: 'email', target: account.email };
  if (account.phone && account.phone_verified === 1) return { channel: 'sms', target: account.phone };
  const why = account.email
    ? `its email ${account.email} is not verified${account.phone ? ` and neither is its phone ${account.phone}` : ' and it has no phone'}`
    : account.phone
      ? `its phone ${account.phone} is not verified and it has no email`
      : 'it has no email and no phone';
  const message = `The customer cannot be notified: ${why}.`;
  throw badRequest(message, [{ objectName: 'account', field: 'identities', message }]);
}

/** Writes the notification to the outbox (nothing is sent anywhere) and returns the reference events carry. */
export function recordNotification(
  ctx: SandboxContext,
  account: Pick<AccountRow, 'id' | 'store'> & Reachable,
  rule: NotificationRule,
  template: TemplateId,
  accountEventId: string | null,
  details: string,
  invitationId: string | null = null,
): { id: string; target: string } {
  const id = newId();
  const { channel, target } = notificationTarget(account, template);
  const brand = rule.brandName ?? rule.applicationName;
  const plain = `${brand}: ${templates[template]}. ${details}`;
  const html = `<p><strong>${escapeHtml(brand)}</strong></p><p>${escapeHtml(templates[template])}</p><p>${escapeHtml(details)}</p>`;
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO notifications (id, store, account_id, account_event_id, channel, target, template_id, template_name, notification_policy_id, brand_id,
         application_id, client_id, rule, success, timestamp, valid_until, message, message_plain_text, invitation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      account.store,
      account.id,
      accountEventId,
      channel,
      target,
      template,
      templates[template],
      rule.notificationPolicyId,
      rule.brandId,
      rule.applicationId,
      rule.clientId,
      rule.policySource,
      now,
      validFor[template] === undefined ? null : now + validFor[template],
      html,
      plain,
      invitationId,
    );
  return { id, target };
}
