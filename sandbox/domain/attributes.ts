import type { Db } from '../db/database';
import { badRequest } from './problems';

export interface AttributeDefinition {
  id: string;
  type: string;
  name: string;
  displayName: string;
  path: string;
  enabled: boolean;
  required: boolean;
  displayOnAdminConsole: boolean;
  editableOnAdminConsole: boolean;
  indexing?: string;
  values?: Array<{ displayName: string; value: string }>;
  validator?: { min?: number; max?: number; regex?: string; errorMessage?: string };
  listValidator?: { min?: number; max?: number };
  attributes?: AttributeDefinition[];
  [key: string]: unknown;
}

/** The dotted key an attribute's value lives at in the account data: `name.givenName`. */
export function attributeKey(attribute: Pick<AttributeDefinition, 'path' | 'name'>): string {
  return attribute.path ? `${attribute.path}.${attribute.name}` : attribute.name;
}

export function loadAttributes(db: Db, store: string): AttributeDefinition[] {
  return (
    db.prepare('SELECT definition FROM attributes WHERE store = ? ORDER BY position').all(store) as Array<{
      definition: string;
    }>
  ).map((row) => JSON.parse(row.definition) as AttributeDefinition);
}

export function getAt(data: Record<string, unknown>, key: string): unknown {
  let current: unknown = data;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function setAt(data: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let current = data;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (value === null) delete current[last];
  else current[last] = value;
}

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const phonePattern = /^\+[1-9]\d{6,14}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Why a single (non-list) value does not fit its attribute type, or null. */
function scalarProblem(type: string, value: unknown, attribute: AttributeDefinition): string | null {
  switch (type) {
    case 'STRING': {
      if (typeof value !== 'string') return 'must be text';
      const { min = 0, max = 512, regex, errorMessage } = attribute.validator ?? {};
      if (value.length < min) return `must be at least ${min} characters`;
      if (value.length > max) return `must be at most ${max} characters`;
      if (regex && !new RegExp(regex, 'u').test(value)) return errorMessage || `must match ${regex}`;
      return null;
    }
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'SELECT':
      return typeof value === 'string' && (attribute.values ?? []).some((option) => option.value === value)
        ? null
        : `must be one of ${(attribute.values ?? []).map((option) => option.value).join(', ')}`;
    case 'EMAIL':
      return typeof value === 'string' && emailPattern.test(value) ? null : 'must be an email address';
    case 'PHONE_NUMBER':
      return typeof value === 'string' && phonePattern.test(value)
        ? null
        : 'must be a phone number in international format, such as +36301234567';
    case 'DATE':
      return typeof value === 'string' && datePattern.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date as YYYY-MM-DD';
    default:
      return null;
  }
}

/** Why a value does not fit its attribute, or null. Lists check each item; complex lists check each child. */
export function valueProblem(attribute: AttributeDefinition, value: unknown): string | null {
  if (attribute.type.endsWith('_LIST')) {
    if (!Array.isArray(value)) return 'must be a list';
    const { min = 0, max = 512 } = attribute.listValidator ?? {};
    if (value.length < min || value.length > max) return `must have between ${min} and ${max} items`;
    if (attribute.type === 'COMPLEX_LIST') {
      for (const [index, item] of value.entries()) {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
          return `item ${index + 1} must be an object`;
        for (const child of attribute.attributes ?? []) {
          const childValue = (item as Record<string, unknown>)[child.name];
          if (childValue === undefined || childValue === null || childValue === '') {
            if (child.required) return `item ${index + 1}: ${child.displayName} is required`;
            continue;
          }
          const problem = scalarProblem(child.type, childValue, child);
          if (problem) return `item ${index + 1}: ${child.displayName} ${problem}`;
        }
        const unknown = Object.keys(item).filter(
          (key) => !(attribute.attributes ?? []).some((child) => child.name === key),
        );
        if (unknown.length > 0) return `item ${index + 1} has unknown fields: ${unknown.join(', ')}`;
      }
      return null;
    }
    const itemType = attribute.type.replace(/_LIST$/, '');
    for (const [index, item] of value.entries()) {
      const problem = scalarProblem(itemType, item, attribute);
      if (problem) return `item ${index + 1} ${problem}`;
    }
    return null;
  }
  return scalarProblem(attribute.type, value, attribute);
}

const identifierTypes = new Set(['USERNAME_IDENTIFIER', 'EMAIL_IDENTIFIER', 'PHONE_IDENTIFIER', 'PASSWORD']);

/**
 * Checks a partial attribute update (PUT .../personal) against the store's schema: every key must name an
 * attribute that the admin console may edit, every value must fit its type, and required attributes stay set.
 * Returns the merged data and the changed keys; throws a 400 with fieldErrors otherwise.
 */
export function applyPersonalUpdate(
  attributes: AttributeDefinition[],
  current: Record<string, unknown>,
  update: Record<string, unknown>,
): { data: Record<string, unknown>; changed: string[] } {
  const byKey = new Map(
    attributes
      .filter((attribute) => !identifierTypes.has(attribute.type))
      .map((attribute) => [attributeKey(attribute), attribute]),
  );
  const errors: Array<{ field: string; message: string; objectName: string }> = [];
  const changes: Array<[string, unknown]> = [];

  const walk = (value: unknown, prefix: string) => {
    const attribute = byKey.get(prefix);
    if (attribute) {
      if (!attribute.editableOnAdminConsole)
        errors.push({ field: prefix, message: 'cannot be edited from the admin console', objectName: 'personal' });
      else if (value === null || value === '') {
        if (attribute.required) errors.push({ field: prefix, message: 'is required', objectName: 'personal' });
        else changes.push([prefix, null]);
      } else {
        const problem = valueProblem(attribute, value);
        if (problem) errors.push({ field: prefix, message: problem, objectName: 'personal' });
        else changes.push([prefix, value]);
      }
      return;
    }
    const isGroup = [...byKey.keys()].some((key) => key.startsWith(`${prefix}.`));
    if (isGroup && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, `${prefix}.${key}`);
      return;
    }
    errors.push({ field: prefix, message: 'is not an attribute of this identity store', objectName: 'personal' });
  };
  for (const [key, value] of Object.entries(update)) walk(value, key);
  if (errors.length > 0)
    throw badRequest(
      `The update is invalid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`,
      errors,
    );

  const data = structuredClone(current);
  for (const [key, value] of changes) setAt(data, key, value);
  return { data, changed: changes.map(([key]) => key) };
}

/** Rewrites the search index rows of one account's indexed attributes. */
export function reindexAccount(
  db: Db,
  store: string,
  accountId: string,
  attributes: AttributeDefinition[],
  data: Record<string, unknown>,
): void {
  db.prepare('DELETE FROM account_attribute_values WHERE account_id = ?').run(accountId);
  const { created_at: createdAt } = db.prepare('SELECT created_at FROM accounts WHERE id = ?').get(accountId) as {
    created_at: number;
  };
  const insert = db.prepare(
    'INSERT INTO account_attribute_values (account_id, store, path, value, account_created_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const attribute of attributes) {
    if (!attribute.indexing || attribute.indexing === 'none') continue;
    const key = attributeKey(attribute);
    const value = getAt(data, key);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' || typeof item === 'number')
        insert.run(accountId, store, key, String(item), createdAt);
    }
  }
}
