import type { Db } from '../db/database';

type Row = Record<string, string | number | null>;

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

/** What the account event log is asked for: each list narrows (empty lists do not), dates are epoch ms. */
export interface EventFilter {
  accountIds: string[];
  stores: string[];
  types: string[];
  loginSessionIds: string[];
  labels: string[];
  /** IPv4 CIDR blocks (or exact addresses) the actor's address falls in. */
  actorIps: string[];
  from: number | null;
  to: number | null;
  order: 'ASC' | 'DESC';
  page: number;
  size: number;
}

/** A page of account events, by start time. */
export function findEvents(db: Db, filter: EventFilter): Row[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const inList = (column: string, values: string[]) => {
    if (values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(',')})`);
    args.push(...values);
  };
  inList('account_id', filter.accountIds);
  inList('store', filter.stores);
  inList('type', filter.types);
  inList('login_session_id', filter.loginSessionIds);
  if (filter.from !== null) {
    where.push('start_ts >= ?');
    args.push(filter.from);
  }
  if (filter.to !== null) {
    where.push('start_ts <= ?');
    args.push(filter.to);
  }
  for (const label of filter.labels) {
    where.push('EXISTS (SELECT 1 FROM json_each(events.labels) WHERE value = ?)');
    args.push(label);
  }
  const { page, size, actorIps } = filter;
  const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_ts ${filter.order}, id`;
  if (actorIps.length === 0) return db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...args, size, page * size) as Row[];
  // IP blocks are matched here rather than in SQL; the other filters have already narrowed the rows.
  const matching = (db.prepare(sql).all(...args) as Row[]).filter(
    (row) => row.actor_ip && actorIps.some((cidr) => ipInCidr(String(row.actor_ip), cidr)),
  );
  return matching.slice(page * size, page * size + size);
}

export function getEvent(db: Db, eventId: string): Row | undefined {
  return db.prepare('SELECT * FROM events WHERE id = ?').get(eventId) as Row | undefined;
}

/** Every label any event carries, in order (the event descriptor). */
export function eventLabels(db: Db): string[] {
  const rows = db.prepare('SELECT DISTINCT value FROM events, json_each(events.labels) ORDER BY value').all() as Array<{
    value: string;
  }>;
  return rows.map((row) => row.value);
}

/** What the notification log is asked for: each list narrows (empty lists do not). */
export interface NotificationFilter {
  stores: string[];
  accountIds: string[];
  accountEventIds: string[];
  target: string | null;
  success: boolean | null;
  order: 'ASC' | 'DESC';
  page: number;
  size: number;
}

/** A page of the notification log, by time. */
export function findNotifications(db: Db, filter: NotificationFilter): Row[] {
  const where: string[] = [];
  const args: unknown[] = [];
  for (const [column, values] of [
    ['store', filter.stores],
    ['account_id', filter.accountIds],
    ['account_event_id', filter.accountEventIds],
  ] as const) {
    if (values.length === 0) continue;
    where.push(`${column} IN (${values.map(() => '?').join(',')})`);
    args.push(...values);
  }
  if (filter.target !== null) {
    where.push('target = ?');
    args.push(filter.target);
  }
  if (filter.success !== null) {
    where.push('success = ?');
    args.push(filter.success ? 1 : 0);
  }
  return db
    .prepare(
      `SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY timestamp ${filter.order}, id LIMIT ? OFFSET ?`,
    )
    .all(...args, filter.size, filter.page * filter.size) as Row[];
}

export function getNotification(db: Db, notificationId: string): Row | undefined {
  return db.prepare('SELECT * FROM notifications WHERE id = ?').get(notificationId) as Row | undefined;
}
