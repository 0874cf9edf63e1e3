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

/** SQL conditions and their arguments, built up one filter at a time. */
class Conditions {
  readonly where: string[] = [];
  readonly args: unknown[] = [];

  /** The column is one of the values; an empty list does not narrow. */
  inList(column: string, values: string[]): void {
    if (values.length === 0) return;
    this.where.push(`${column} IN (${values.map(() => '?').join(',')})`);
    this.args.push(...values);
  }

  add(condition: string, value: unknown): void {
    this.where.push(condition);
    this.args.push(value);
  }

  get sql(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
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
  const conditions = new Conditions();
  conditions.inList('account_id', filter.accountIds);
  conditions.inList('store', filter.stores);
  conditions.inList('type', filter.types);
  conditions.inList('login_session_id', filter.loginSessionIds);
  if (filter.from !== null) conditions.add('start_ts >= ?', filter.from);
  if (filter.to !== null) conditions.add('start_ts <= ?', filter.to);
  for (const label of filter.labels)
    conditions.add('EXISTS (SELECT 1 FROM json_each(events.labels) WHERE value = ?)', label);
  const { page, size, actorIps } = filter;
  const { args } = conditions;
  const sql = `SELECT * FROM events ${conditions.sql} ORDER BY start_ts ${filter.order}, id`;
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
  invitationIds: string[];
  target: string | null;
  success: boolean | null;
  order: 'ASC' | 'DESC';
  page: number;
  size: number;
}

/** A page of the notification log, by time. */
export function findNotifications(db: Db, filter: NotificationFilter): Row[] {
  const conditions = new Conditions();
  conditions.inList('store', filter.stores);
  conditions.inList('account_id', filter.accountIds);
  conditions.inList('account_event_id', filter.accountEventIds);
  conditions.inList('invitation_id', filter.invitationIds);
  if (filter.target !== null) conditions.add('target = ?', filter.target);
  if (filter.success !== null) conditions.add('success = ?', filter.success ? 1 : 0);
  return db
    .prepare(`SELECT * FROM notifications ${conditions.sql} ORDER BY timestamp ${filter.order}, id LIMIT ? OFFSET ?`)
    .all(...conditions.args, filter.size, filter.page * filter.size) as Row[];
}

export function getNotification(db: Db, notificationId: string): Row | undefined {
  return db.prepare('SELECT * FROM notifications WHERE id = ?').get(notificationId) as Row | undefined;
}
