/**
 * The published Admin API document's facts (shared/admin-api/published/admin-api-facts.json) as checks on what the
 * console really sends: written from the document, not from the sandbox, so a reading the console and the sandbox
 * share cannot pass unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type QueryFormat = string | string[];
interface BodyRule {
  type?: string;
  required?: string[];
  properties?: Record<string, PropertyRule> | string[];
  nestedKeys?: boolean;
}
interface PropertyRule {
  type?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
  minItems?: number;
  items?: string;
}
export interface PublishedOperation {
  id: string;
  method: string;
  path: string;
  scopes: string[];
  query?: Record<string, QueryFormat>;
  queryPrefixes?: string[];
  requiredQuery?: string[];
  exclusive?: Array<{ when: Record<string, string>; forbidden: string[] }>;
  headers?: Record<string, 'optional' | 'required'>;
  body?: string;
  response?: string;
}
export interface PublishedFacts {
  source: { repository: string; documents: string[]; commit: string; info: string };
  token: { path: string; method: string; required: string[]; grant_type: string[] };
  operations: PublishedOperation[];
  schemas: Record<string, BodyRule & { required?: string[] }>;
}

export const facts = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../shared/admin-api/published/admin-api-facts.json'), 'utf8'),
) as PublishedFacts;

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | null;
}

/** A fetch that records every request before sending it on. */
export function recordingFetch(into: RecordedRequest[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    into.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      headers,
      body: typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : null,
    });
    return fetch(input, init);
  };
}

const templates = facts.operations.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

export function operationOf(method: string, path: string): PublishedOperation | null {
  return (
    templates.find((template) => template.operation.method === method && template.pattern.test(path))?.operation ?? null
  );
}

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const duration = /^[+-]P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

function formatProblem(name: string, value: string, format: QueryFormat): string | null {
  if (Array.isArray(format))
    return format.includes(value) ? null : `${name}=${value} is not one of ${format.join(', ')}`;
  switch (format) {
    case 'boolean':
      return /^(true|false)$/.test(value) ? null : `${name}=${value} is not a boolean`;
    case 'integer':
      return /^\d+$/.test(value) ? null : `${name}=${value} is not a whole number`;
    case 'date-time-or-duration':
      return dateTime.test(value) || duration.test(value)
        ? null
        : `${name}=${value} is neither a date-time nor a signed ISO-8601 duration`;
    case 'sort':
      return /^[A-Za-z][\w.]*,(asc|desc)$/.test(value) ? null : `${name}=${value} is not property,(asc|desc)`;
    default:
      return null;
  }
}

function bodyProblems(schemaName: string, value: unknown, where = 'body'): string[] {
  if (schemaName.startsWith('[]')) {
    if (!Array.isArray(value)) return [`${where} is not an array of ${schemaName.slice(2)}`];
    return value.flatMap((item, index) => bodyProblems(schemaName.slice(2), item, `${where}[${index}]`));
  }
  const rule = facts.schemas[schemaName];
  if (!rule) return [`${where}: no published schema ${schemaName}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where} is not an object`];
  const object = value as Record<string, unknown>;
  const problems: string[] = [];
  if (rule.nestedKeys) {
    for (const key of Object.keys(object))
      if (key.includes('.')) problems.push(`${where}.${key} is a dotted key; the document nests objects`);
    return problems;
  }
  for (const key of rule.required ?? []) if (object[key] === undefined) problems.push(`${where}.${key} is required`);
  const properties = (rule.properties ?? {}) as Record<string, PropertyRule>;
  for (const [key, field] of Object.entries(object)) {
    const property = properties[key];
    if (!property) {
      problems.push(`${where}.${key} is not a property of ${schemaName}`);
      continue;
    }
    if (property.type === 'string') {
      if (typeof field !== 'string') problems.push(`${where}.${key} is not a string`);
      else {
        if (property.pattern && !new RegExp(`^(?:${property.pattern})$`).test(field))
          problems.push(`${where}.${key}=${field} does not match ${property.pattern}`);
        if (property.minLength !== undefined && field.length < property.minLength)
          problems.push(`${where}.${key} is shorter than ${property.minLength}`);
        if (property.maxLength !== undefined && field.length > property.maxLength)
          problems.push(`${where}.${key} is longer than ${property.maxLength}`);
        if (property.enum && !property.enum.includes(field))
          problems.push(`${where}.${key}=${field} is not one of ${property.enum.join(', ')}`);
      }
    }
    if (property.type === 'array') {
      if (!Array.isArray(field)) problems.push(`${where}.${key} is not an array`);
      else {
        if (property.minItems !== undefined && field.length < property.minItems)
          problems.push(`${where}.${key} has fewer than ${property.minItems} items`);
        if (property.items) problems.push(...bodyProblems(`[]${property.items}`, field, `${where}.${key}`));
      }
    }
  }
  return problems;
}

/** What is wrong with one request the console sent, measured against the published document. */
export function requestProblems(request: RecordedRequest): string[] {
  const path = request.url.pathname;
  if (path === facts.token.path) {
    const form = new URLSearchParams(request.body ?? '');
    const problems = facts.token.required.filter((name) => !form.get(name)).map((name) => `token: ${name} is missing`);
    if (!facts.token.grant_type.includes(form.get('grant_type') ?? ''))
      problems.push(`token: grant_type ${form.get('grant_type')} is not client_credentials`);
    if (!/^Basic /.test(request.headers.authorization ?? '')) problems.push('token: no HTTP Basic credentials');
    return problems;
  }
  const operation = operationOf(request.method, path);
  if (!operation) return [`${request.method} ${path} is not an operation of the published document`];
  const label = `${operation.id}`;
  const problems: string[] = [];
  const names = new Set<string>();
  for (const [name, value] of request.url.searchParams) {
    names.add(name);
    const format = operation.query?.[name];
    if (format === undefined) {
      if (!(operation.queryPrefixes ?? []).some((prefix) => name.startsWith(prefix)))
        problems.push(`${label}: query parameter ${name} is not declared`);
      continue;
    }
    const problem = formatProblem(name, value, format);
    if (problem) problems.push(`${label}: ${problem}`);
  }
  for (const name of operation.requiredQuery ?? [])
    if (!names.has(name)) problems.push(`${label}: query parameter ${name} is required`);
  for (const rule of operation.exclusive ?? []) {
    const applies = Object.entries(rule.when).every(([name, value]) => request.url.searchParams.get(name) === value);
    const clash = rule.forbidden.filter((name) => names.has(name));
    if (applies && clash.length > 0)
      problems.push(`${label}: ${clash.join(', ')} must not be used with ${JSON.stringify(rule.when)}`);
  }
  const declaredHeaders = Object.fromEntries(
    Object.entries(operation.headers ?? {}).map(([name, need]) => [name.toLowerCase(), need]),
  );
  for (const [name, need] of Object.entries(declaredHeaders))
    if (need === 'required' && !request.headers[name]) problems.push(`${label}: header ${name} is required`);
  for (const name of Object.keys(request.headers))
    if (name.startsWith('x-') && !declaredHeaders[name]) problems.push(`${label}: header ${name} is not declared`);
  if (operation.body) {
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return [...problems, `${label}: the body is not JSON`];
    }
    problems.push(...bodyProblems(operation.body, body).map((problem) => `${label}: ${problem}`));
  } else if (request.body) problems.push(`${label}: sends a body the operation does not take`);
  return problems;
}
