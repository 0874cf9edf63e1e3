import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import { parseJson } from '../domain/ids';
import { badRequest, notFound } from '../domain/problems';
import { listParam } from '../domain/search';
import { iso, parseDateFilter } from '../domain/time';
import { operation } from '../http/operation';
import { problems, type TypedApp } from './common';

type Row = Record<string, string | number | null>;
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

/** true when `ip` falls in the CIDR block (IPv4; an address without /bits must match exactly). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const [network, bitsText] = cidr.split('/');
  if (!bitsText) return ip === network;
  const toNumber = (address: string) =>
    address.split('.').reduce((total, part) => (total << 8) + Number(part), 0) >>> 0;
  const bits = Number(bitsText);
  if (
    !/^\d+\.\d+\.\d+\.\d+$/.test(ip) ||
    !network ||
    !/^\d+\.\d+\.\d+\.\d+$/.test(network) ||
    !(bits >= 0 && bits <= 32)
  )
    return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toNumber(ip) & mask) === (toNumber(network) & mask);
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
      const where: string[] = [];
      const args: unknown[] = [];
      const inList = (column: string, values: string[]) => {
        if (values.length === 0) return;
        where.push(`${column} IN (${values.map(() => '?').join(',')})`);
        args.push(...values);
      };
      inList('account_id', listParam(q.subjectAccountIds));
      inList('store', listParam(q.subjectIdentityStores));
      inList('type', listParam(q.eventTypes));
      inList('login_session_id', listParam(q.loginSessionIds));
      for (const [name, operator] of [
        ['startDate', '>='],
        ['endDate', '<='],
      ] as const) {
        const raw = q[name];
        if (!raw) continue;
        const value = parseDateFilter(raw, ctx.now());
        if (value === null)
          throw badRequest(`${name} must be an ISO-8601 date-time`, [
            { objectName: 'query', field: name, message: 'must be an ISO-8601 date-time' },
          ]);
        where.push(`start_ts ${operator} ?`);
        args.push(value);
      }
      for (const label of listParam(q.labels)) {
        where.push('EXISTS (SELECT 1 FROM json_each(events.labels) WHERE value = ?)');
        args.push(label);
      }
      const cidrs = listParam(q.actorIps);
      const order = sortOrder(q.sort, 'startTimestamp');
      const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_ts ${order}, id`;
      if (cidrs.length === 0)
        return (db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...args, q.size, q.page * q.size) as Row[]).map(header);
      // IP blocks are matched here rather than in SQL; the other filters have already narrowed the rows.
      const matching = (db.prepare(sql).all(...args) as Row[]).filter(
        (row) => row.actor_ip && cidrs.some((cidr) => ipInCidr(String(row.actor_ip), cidr)),
      );
      return matching.slice(q.page * q.size, q.page * q.size + q.size).map(header);
    },
  );
  app.get(
    `${base}/account/:eventId`,
    operation(ctx, 'getAccountEventById', 'Account Event', read, {
      params: z.object({ eventId: z.string() }),
      response: { 200: S.AccountEventResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = db.prepare('SELECT * FROM events WHERE id = ?').get(request.params.eventId) as Row | undefined;
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
    async () => {
      const rows = db
        .prepare('SELECT DISTINCT value FROM events, json_each(events.labels) ORDER BY value')
        .all() as Array<{ value: string }>;
      return rows.map((row) => row.value);
    },
  );
  app.get(
    `${base}/notification`,
    operation(ctx, 'getNotificationEvents', 'Account Event', read, {
      querystring: z.object({
        identityStores: list,
        target: z.string().optional(),
        accountIds: list,
        accountEventIds: list,
        success: z.enum(['true', 'false']).optional(),
        sort: list.describe('timestamp,(asc|desc)'),
        ...paging,
      }),
      response: { 200: z.array(S.NotificationEventListResponse), ...problems(401, 403) },
    }),
    async (request) => {
      const q = request.query;
      const where: string[] = [];
      const args: unknown[] = [];
      for (const [column, values] of [
        ['store', listParam(q.identityStores)],
        ['account_id', listParam(q.accountIds)],
        ['account_event_id', listParam(q.accountEventIds)],
      ] as const) {
        if (values.length === 0) continue;
        where.push(`${column} IN (${values.map(() => '?').join(',')})`);
        args.push(...values);
      }
      if (q.target) {
        where.push('target = ?');
        args.push(q.target);
      }
      if (q.success) {
        where.push('success = ?');
        args.push(q.success === 'true' ? 1 : 0);
      }
      const rows = db
        .prepare(
          `SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY timestamp ${sortOrder(q.sort, 'timestamp')}, id LIMIT ? OFFSET ?`,
        )
        .all(...args, q.size, q.page * q.size) as Row[];
      return rows.map(notificationItem);
    },
  );
  app.get(
    `${base}/notification/:eventId`,
    operation(ctx, 'getNotificationEventById', 'Account Event', read, {
      params: z.object({ eventId: z.string() }),
      response: { 200: S.NotificationEventResponse, ...problems(401, 403, 404) },
    }),
    async (request) => {
      const row = db.prepare('SELECT * FROM notifications WHERE id = ?').get(request.params.eventId) as Row | undefined;
      if (!row) throw notFound('Notification', request.params.eventId);
      return {
        ...notificationItem(row),
        message: String(row.message),
        messagePlainText: String(row.message_plain_text),
        errorMessages: [],
      };
    },
  );
}
