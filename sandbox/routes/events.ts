import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import { parseJson } from '../domain/ids';
import { badRequest, notFound } from '../domain/problems';
import { findAudit } from '../domain/audit';
import { eventLabels, findEvents, findNotifications, getEvent, getNotification } from '../domain/event-log';
import { listParam } from '../domain/search';
import { iso, parseDateFilter } from '../domain/time';
import { operation } from '../http/operation';
import { paged, problems, type TypedApp } from './common';

type Row = Record<string, string | number | null>;

/** A startDate/endDate query value as a time (absent: null); anything else is a 400 naming the parameter. */
function dateParam(name: string, raw: string | undefined, now: number): number | null {
  if (!raw) return null;
  const value = parseDateFilter(raw, now);
  if (value === null)
    throw badRequest(`${name} must be an ISO-8601 date-time`, [
      { objectName: 'query', field: name, message: 'must be an ISO-8601 date-time' },
    ]);
  return value;
}
const list = z.union([z.string(), z.array(z.string())]).optional();

/** `sort=property,(asc|desc)` over the one property a list sorts by; newest first when not asked. */
function sortOrder(sort: string | string[] | undefined, property: string): 'ASC' | 'DESC' {
  // One `property,direction` value (Spring's form): not split on its comma as list parameters are.
  const first = Array.isArray(sort) ? sort[0] : sort;
  if (!first) return 'DESC';
  const [name, direction = 'asc'] = first.split(',');
  if (name !== property || !['asc', 'desc'].includes(direction.toLowerCase()))
    throw badRequest(`sort must be ${property},asc or ${property},desc, not ${first}`, [
      { objectName: 'query', field: 'sort', message: `must be ${property},(asc|desc)` },
    ]);
  return direction.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
}

const header = (row: Row) => {
  const body = parseJson<Record<string, unknown>>(row.body as string, {});
  const { actions: _actions, ...rest } = body;
  return {
    eventId: String(row.id),
    startTimestamp: iso(Number(row.start_ts)),
    endTimestamp: iso(Number(row.end_ts)),
    ...rest,
  } as z.input<typeof S.AccountEventHeaderResponse>;
};

const notificationItem = (row: Row) => ({
  id: String(row.id),
  ...(row.account_id ? { accountId: String(row.account_id) } : {}),
  ...(row.account_event_id ? { accountEventId: String(row.account_event_id) } : {}),
  ...(row.invitation_id ? { invitationId: String(row.invitation_id) } : {}),
  identityStore: String(row.store),
  channel: String(row.channel),
  target: String(row.target),
  ...(row.notification_policy_id ? { notificationPolicyId: String(row.notification_policy_id) } : {}),
  notificationTemplate: { id: String(row.template_id), displayName: String(row.template_name) },
  success: row.success === 1,
  timestamp: iso(Number(row.timestamp)),
  ...(row.valid_until ? { validUntil: iso(Number(row.valid_until)) } : {}),
  ...(row.brand_id ? { brandId: String(row.brand_id) } : {}),
  ...(row.application_id ? { applicationId: String(row.application_id) } : {}),
  ...(row.client_id ? { clientId: String(row.client_id) } : {}),
  policySource: String(row.rule) as 'application' | 'organization',
});

/** Account events and the notification log (the outbox). */
export function registerEventRoutes(app: TypedApp, ctx: SandboxContext): void {
  const { db } = ctx;
  const base = '/admin/api/v1/events';
  const read = ['read:event_account'];
  const paging = {
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(1000).default(20),
  };

  app.get(
    `${base}/account`,
    operation(ctx, 'getAccountEvents', 'Account Event', read, {
      querystring: z.object({
        subjectAccountIds: list,
        subjectIdentityStores: list,
        eventTypes: list,
        labels: list.describe('Events carrying all of these labels'),
        actorIps: list.describe('CIDR blocks, e.g. 1.1.1.1/32'),
        loginSessionIds: list,
        startDate: z.string().optional(),
        endDate: z.string().optional(),
        sort: list.describe('startTimestamp,(asc|desc)'),
        ...paging,
      }),
      response: { 200: z.array(S.AccountEventHeaderResponse), ...problems(400, 401, 403) },
    }),
    async (request) => {
      const q = request.query;
      const date = (name: 'startDate' | 'endDate') => dateParam(name, q[name], ctx.now());
      const from = date('startDate');
      const to = date('endDate');
      return findEvents(db, {
        accountIds: listParam(q.subjectAccountIds),
        stores: listParam(q.subjectIdentityStores),
        types: listParam(q.eventTypes),
        loginSessionIds: listParam(q.loginSessionIds),
        labels: listParam(q.labels),
        actorIps: listParam(q.actorIps),
        from,
        to,
        order: sortOrder(q.sort, 'startTimestamp'),
        page: q.page,
        size: q.size,
      }).map(header);
    },
  );
  app.get(
    `${base}/account/:eventId`,
    operation(ctx, 'getAccountEventById', 'Account Event', read, {
      params: z.object({ eventId: z.string() }),
      response: { 200: S.AccountEventResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = getEvent(db, request.params.eventId);
      if (!row) throw notFound('Event', request.params.eventId);
      return {
        eventId: String(row.id),
        startTimestamp: iso(Number(row.start_ts)),
        endTimestamp: iso(Number(row.end_ts)),
        ...parseJson(row.body as string, {}),
      } as z.input<typeof S.AccountEventResponse>;
    },
  );
  app.get(
    `${base}/descriptor`,
    operation(ctx, 'getDescriptor', 'Account Event', read, {
      response: { 200: z.array(z.string()), ...problems(401, 403) },
    }),
    async () => eventLabels(db),
  );
  app.get(
    `${base}/notification`,
    operation(ctx, 'getNotificationEvents', 'Account Event', read, {
      querystring: z.object({
        identityStores: list,
        target: z.string().optional(),
        accountIds: list,
        accountEventIds: list,
        invitationIds: list,
        success: z.enum(['true', 'false']).optional(),
        sort: list.describe('timestamp,(asc|desc)'),
        ...paging,
      }),
      response: { 200: z.array(S.NotificationEventListResponse), ...problems(401, 403) },
    }),
    async (request) => {
      const q = request.query;
      return findNotifications(db, {
        stores: listParam(q.identityStores),
        accountIds: listParam(q.accountIds),
        accountEventIds: listParam(q.accountEventIds),
        invitationIds: listParam(q.invitationIds),
        target: q.target ?? null,
        success: q.success ? q.success === 'true' : null,
        order: sortOrder(q.sort, 'timestamp'),
        page: q.page,
        size: q.size,
      }).map(notificationItem);
    },
  );
  app.get(
    `${base}/notification/:eventId`,
    operation(ctx, 'getNotificationEventById', 'Account Event', read, {
      params: z.object({ eventId: z.string() }),
      response: { 200: S.NotificationEventResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = getNotification(db, request.params.eventId);
      if (!row) throw notFound('Notification', request.params.eventId);
      return {
        ...notificationItem(row),
        message: String(row.message),
        messagePlainText: String(row.message_plain_text),
        errorMessages: [],
      };
    },
  );

  // The administrative audit (v2): every change made through the Admin API, by which client.
  app.get(
    '/admin/api/v2/admin/events/audit',
    operation(ctx, 'list_6', 'Audit entry', ['read:admin_event_audit'], {
      querystring: z.object({
        url: z.string().optional(),
        urlExactMatch: z.enum(['true', 'false']).optional(),
        entityType: z.string().optional(),
        version: z.coerce.number().int().optional(),
        name: z.string().optional(),
        action: z.enum(['Create', 'Update', 'Delete']).optional(),
        actorAccountId: z.string().optional(),
        actorIp: z.string().optional(),
        actorClientId: z.string().optional(),
        startDate: z.string().optional(),
        endDate: z.string().optional(),
        ...paging,
      }),
      response: { 200: S.PagedModelAuditEntry, ...problems(400, 401, 403) },
    }),
    async (request) => {
      const q = request.query;
      const date = (name: 'startDate' | 'endDate') => dateParam(name, q[name], ctx.now());
      // Changes made through this API carry no admin person: an actorAccountId filter matches none of them.
      const rows = q.actorAccountId
        ? []
        : findAudit(db, {
            url: q.url,
            urlExactMatch: q.urlExactMatch === 'true',
            entityType: q.entityType,
            name: q.name,
            action: q.action,
            actorClientId: q.actorClientId,
            actorIp: q.actorIp,
            from: date('startDate'),
            to: date('endDate'),
          });
      return paged(
        rows.map((row) => ({
          id: row.id,
          action: row.action,
          actorClient: { id: row.actor_client_id, name: row.actor_client_name },
          actor: { ip: row.actor_ip },
          date: iso(row.date)!,
          entityType: row.entity_type,
          method: row.method,
          name: row.name,
          request: row.request,
          response: row.response,
          url: row.url,
          version: 1,
        })),
        q.page,
        q.size,
      );
    },
  );
}
