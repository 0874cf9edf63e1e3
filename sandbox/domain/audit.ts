import type { Db } from '../db/database';
import type { SandboxContext } from '../context';
import { newId } from './ids';

export interface AuditFilter {
  url?: string;
  urlExactMatch?: boolean;
  entityType?: string;
  name?: string;
  action?: string;
  actorClientId?: string;
  actorIp?: string;
  from?: number | null;
  to?: number | null;
}

export interface AuditRow {
  id: string;
  date: number;
  action: string;
  entity_type: string;
  name: string;
  method: string;
  url: string;
  actor_client_id: string;
  actor_client_name: string;
  actor_ip: string;
  request: string;
  response: string;
}

/** Values an audit entry never keeps: passwords and secrets in a request body. */
const SECRET_KEYS = /password|secret|token/i;

function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : redacted(item)]),
    );
  return value;
}

/** One change made through the Admin API, as the platform's audit trail keeps it (secrets left out). */
export function recordAudit(
  ctx: SandboxContext,
  entry: {
    action: 'Create' | 'Update' | 'Delete';
    entityType: string;
    name: string;
    method: string;
    url: string;
    client: { clientId: string; name: string };
    ip: string;
    body: unknown;
    status: number;
  },
): void {
  ctx.db
    .prepare(
      `INSERT INTO audit_entries (id, date, action, entity_type, name, method, url, actor_client_id, actor_client_name, actor_ip, request, response)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newId(),
      ctx.now(),
      entry.action,
      entry.entityType,
      entry.name,
      entry.method,
      entry.url,
      entry.client.clientId,
      entry.client.name,
      entry.ip,
      entry.body === undefined ? '' : JSON.stringify(redacted(entry.body)).slice(0, 4000),
      String(entry.status),
    );
}

/** Audit entries, newest first; `url` is a prefix unless an exact match is asked for, other text filters prefixes. */
export function findAudit(db: Db, filter: AuditFilter): AuditRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const prefix = (column: string, value: string | undefined) => {
    if (!value) return;
    where.push(`substr(${column}, 1, ?) = ?`);
    params.push(value.length, value);
  };
  if (filter.url) {
    if (filter.urlExactMatch) {
      where.push('url = ?');
      params.push(filter.url);
    } else prefix('url', filter.url);
  }
  prefix('entity_type', filter.entityType);
  prefix('name', filter.name);
  prefix('actor_client_id', filter.actorClientId);
  if (filter.action) {
    where.push('action = ?');
    params.push(filter.action);
  }
  if (filter.actorIp) {
    where.push('actor_ip = ?');
    params.push(filter.actorIp);
  }
  if (filter.from != null) {
    where.push('date >= ?');
    params.push(filter.from);
  }
  if (filter.to != null) {
    where.push('date <= ?');
    params.push(filter.to);
  }
  return db
    .prepare(
      `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date DESC, rowid DESC`,
    )
    .all(...params) as AuditRow[];
}
