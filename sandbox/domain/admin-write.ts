import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { accountUserName, type AccountRow } from './accounts';
import { recordAdminEvent } from './events';
import {
  notificationTarget,
  recordNotification,
  resolveNotificationRule,
  type NotificationRule,
  type TemplateId,
} from './notifications';
import { badRequest } from './problems';

/**
 * Checks X-Notification-By-Application before a write happens (a client that breaks the platform's rule, or an
 * account the platform cannot reach, is a 400 and nothing changes). `required` is for password reset, which
 * always notifies.
 */
export function notificationRuleFor(
  ctx: SandboxContext,
  request: FastifyRequest,
  row: AccountRow,
  template: TemplateId,
  required = false,
): NotificationRule | null {
  const header = request.headers['x-notification-by-application'];
  const clientId = Array.isArray(header) ? header[0] : header;
  if (!clientId) {
    if (required) {
      throw badRequest(
        'X-Notification-By-Application is required: name the application client to send the email through.',
        [{ objectName: 'header', field: 'X-Notification-By-Application', message: 'is required' }],
      );
    }
    return null;
  }
  const rule = resolveNotificationRule(ctx, row, clientId);
  notificationTarget(row, template);
  return rule;
}

/**
 * Records an admin write: the administrative event naming the API client, and the customer notification
 * when a client was named. Call it inside the write's transaction.
 */
export function recordAdminWrite(
  ctx: SandboxContext,
  request: FastifyRequest,
  row: AccountRow,
  name: string,
  metadata: Record<string, unknown>,
  notify?: { rule: NotificationRule | null; template: TemplateId; details: string; invitationId?: string },
  code = 200,
): void {
  const notification = notify?.rule
    ? recordNotification(ctx, row, notify.rule, notify.template, null, notify.details, notify.invitationId ?? null)
    : null;
  const eventId = recordAdminEvent(
    ctx,
    request.admin!,
    { id: row.id, store: row.store, userName: accountUserName(row) },
    name,
    notify?.rule
      ? { ...metadata, notifiedThrough: notify.rule.clientName, policySource: notify.rule.policySource }
      : metadata,
    notification ? [notification] : undefined,
    code,
  );
  if (notification)
    ctx.db.prepare('UPDATE notifications SET account_event_id = ? WHERE id = ?').run(eventId, notification.id);
  ctx.db.prepare('UPDATE accounts SET updated_at = ? WHERE id = ?').run(ctx.now(), row.id);
}
