import type { Db } from '../db/database';
import { parseJson } from './ids';
import type { PasswordPolicy } from './passwords';

export type Row = Record<string, string | number | null>;

/** The tenant's configuration the Admin API reads: each kind's table, key and listing order. */
const kinds = {
  identityStore: { table: 'identity_stores', key: 'name', order: 'position, name', perStore: false },
  group: { table: 'groups', key: 'id', order: 'name', perStore: true },
  organization: { table: 'organizations', key: 'id', order: 'name', perStore: true },
  role: { table: 'roles', key: 'id', order: 'name', perStore: true },
  proofingPolicy: { table: 'proofing_policies', key: 'id', order: 'name', perStore: false },
  consent: { table: 'consents', key: 'id', order: 'name', perStore: false },
  brand: { table: 'brands', key: 'id', order: 'name', perStore: false },
  notificationPolicy: { table: 'notification_policies', key: 'id', order: 'name', perStore: false },
  application: { table: 'applications', key: 'id', order: 'name', perStore: false },
} as const;
export type ConfigurationKind = keyof typeof kinds;

/** Every item of a kind, in the order the API lists them; per-store kinds of the given store only. */
export function listConfiguration(db: Db, kind: ConfigurationKind, store?: string): Row[] {
  const { table, order, perStore } = kinds[kind];
  if (perStore) return db.prepare(`SELECT * FROM ${table} WHERE store = ? ORDER BY ${order}`).all(store) as Row[];
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Row[];
}

/** One item by its id (a store by its name); per-store kinds only within the given store. */
export function findConfiguration(db: Db, kind: ConfigurationKind, id: string, store?: string): Row | undefined {
  const { table, key, perStore } = kinds[kind];
  if (perStore) return db.prepare(`SELECT * FROM ${table} WHERE ${key} = ? AND store = ?`).get(id, store) as Row;
  return db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Row | undefined;
}

/** A consent's published versions, oldest first. */
export function consentVersions(db: Db, consentId: string): Row[] {
  return db
    .prepare('SELECT version, display_text, published_at FROM consent_versions WHERE consent_id = ? ORDER BY version')
    .all(consentId) as Row[];
}

/** An application's clients, by name. */
export function applicationClients(db: Db, applicationId: string): Row[] {
  return db.prepare('SELECT * FROM clients WHERE application_id = ? ORDER BY name').all(applicationId) as Row[];
}

export function applicationClient(db: Db, applicationId: string, clientId: string): Row | undefined {
  return db.prepare('SELECT * FROM clients WHERE application_id = ? AND id = ?').get(applicationId, clientId) as
    Row | undefined;
}

/** The brand and notification policy an application uses for each organization that has its own. */
export function organizationPolicies(db: Db, applicationId: string): Row[] {
  return db
    .prepare('SELECT * FROM application_organization_policies WHERE application_id = ? ORDER BY organization_id')
    .all(applicationId) as Row[];
}

export function organizationPolicy(db: Db, applicationId: string, organizationId: string): Row | undefined {
  return db
    .prepare('SELECT * FROM application_organization_policies WHERE application_id = ? AND organization_id = ?')
    .get(applicationId, organizationId) as Row | undefined;
}

/** The password policy of a store (a default one where the store names none). */
export function passwordPolicyOf(db: Db, store: string): PasswordPolicy {
  const row = db.prepare('SELECT password_policy FROM identity_stores WHERE name = ?').get(store) as
    { password_policy: string } | undefined;
  return parseJson<PasswordPolicy>(row?.password_policy ?? '', {
    id: 'default',
    minLength: 8,
    requireDigit: true,
    requireLetter: true,
    requireSymbol: false,
  });
}

/** Renames an item of the configuration (a test hook: names with hostile text); false when there is no such item. */
export function renameConfiguration(db: Db, table: string, id: string, name: string): boolean {
  return db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(name, id).changes > 0;
}
