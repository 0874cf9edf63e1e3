import type { AdminActor, SandboxContext } from '../context';
import type { GeoFeature } from './geo';
import { locateIp } from './geo';
import { newId } from './ids';
import { iso } from './time';

export type EventType =
  'customerFlow' | 'selfService' | 'administrative' | 'scheduled' | 'bulkOperation' | 'systemInitiatedOperation';

export interface EventInput {
  store: string;
  accountId: string | null;
  userName?: string | undefined;
  type: EventType;
  /** The event's name, e.g. login, passwordReset; labels become `${outcome}:${name}`. */
  name: string;
  outcome: 'success' | 'failure';
  timestamp?: number;
  actor?: { accountId?: string; userName?: string; ip?: string; userAgent?: string; location?: GeoFeature };
  actorApplication?: { id: string; name: string };
  actorClient?: { id: string; name: string };
  loginSessionId?: string;
  metadata?: Record<string, unknown>;
  http?: { method: string; url: string; code: number };
  notifications?: Array<{ id: string; target: string }>;
}

/** One account event as its row stores it: the labels, the body GET /events/account/{eventId} answers, the actor's IP. */
export function eventRecord(input: EventInput, timestamp: number) {
  const label = `${input.outcome}:${input.name}`;
  const actor = input.actor
    ? { ...input.actor, location: input.actor.location ?? (input.actor.ip ? locateIp(input.actor.ip) : undefined) }
    : undefined;
  const body = {
    type: input.type,
    labels: [label],
    actor,
    actorApplication: input.actorApplication,
    actorClient: input.actorClient,
    loginSessionId: input.loginSessionId,
    subject: { accountId: input.accountId ?? undefined, store: input.store, userName: input.userName },
    actions: [
      {
        type: input.type,
        timestamp: iso(timestamp),
        actor,
        details: [
          {
            name: input.name,
            label,
            type: input.type,
            outcome: input.outcome,
            timestamp: iso(timestamp),
            metadata: input.metadata ?? {},
            notifications: input.notifications,
          },
        ],
        http: input.http
          ? { request: { method: input.http.method, url: input.http.url }, response: { code: input.http.code } }
          : undefined,
        notifications: input.notifications,
      },
    ],
  };
  return { labels: JSON.stringify([label]), body: JSON.stringify(body), actorIp: actor?.ip ?? null };
}

export const INSERT_EVENT =
  'INSERT INTO events (id, store, account_id, type, labels, start_ts, end_ts, actor_ip, login_session_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Writes one account event in the shape GET /events/account/{eventId} answers; returns its id. */
export function recordEvent(ctx: SandboxContext, input: EventInput): string {
  const id = newId();
  const timestamp = input.timestamp ?? ctx.now();
  const record = eventRecord(input, timestamp);
  ctx.db
    .prepare(INSERT_EVENT)
    .run(
      id,
      input.store,
      input.accountId,
      input.type,
      record.labels,
      timestamp,
      timestamp,
      record.actorIp,
      input.loginSessionId ?? null,
      record.body,
    );
  return id;
}

/** Every admin write is an `administrative` event naming the API client that made it. */
export function recordAdminEvent(
  ctx: SandboxContext,
  admin: AdminActor,
  account: { id: string; store: string; userName?: string | undefined },
  name: string,
  metadata: Record<string, unknown> = {},
  notifications?: Array<{ id: string; target: string }>,
  code = 200,
): string {
  return recordEvent(ctx, {
    store: account.store,
    accountId: account.id,
    userName: account.userName,
    type: 'administrative',
    name,
    outcome: 'success',
    actor: { userName: admin.client.name, ip: admin.ip, userAgent: admin.userAgent },
    actorClient: { id: admin.client.clientId, name: admin.client.name },
    actorApplication: { id: 'admin-api', name: 'Admin API' },
    metadata,
    http: { method: admin.method, url: admin.url, code },
    ...(notifications ? { notifications } : {}),
  });
}
