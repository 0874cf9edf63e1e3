/**
 * How the sandbox answers, beside what it answers: as lean as the published document allows a tenant to be.
 * - Always: "fields with empty values are not included in the response" (null, "" and [] are left out).
 * - `extensions: false`: none of the sandbox's extensions (X-Total-Count, a notification's client and policy source).
 * - `strict`: a query parameter the operation does not declare is refused (400), so a misnamed filter never passes.
 * - `sparse`: every field the document does not require is left out; only ids and required fields stay.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiProblem } from '../domain/problems';

export interface AnswerModes {
  /** The sandbox's documented extensions; on unless switched off (`--no-extensions`). */
  extensions?: boolean;
  /** Unknown query parameters are refused (`--strict`). */
  strict?: boolean;
  /** Only what the document requires (`--sparse`). */
  sparse?: boolean;
}

const ADMIN_API = /^\/admin\/api\//;
const EXTENSION_HEADERS = ['x-total-count', 'x-total-count-capped'];
/** Fields of notification events that the published document does not have. */
const NOTIFICATION_EXTENSIONS = new Set(['clientId', 'policySource', 'brandId', 'applicationId']);

/**
 * The fields each answer keeps in sparse mode: the document's required lists (AccountAttribute: displayName,
 * frontendHook, id, name, type; ChildAccountAttribute: displayName, id, name, type; AccountRole_Account: id,
 * organization) and the keys without which nothing can be addressed (ids, a store's name, a page's content).
 */
function sparseKeeps(path: string): (key: string, parent: string | undefined) => boolean {
  if (/\/identityStores$/.test(path)) return (key) => key === 'content' || key === 'name';
  if (/\/attributes(\/[^/]+\/attributes)?(\/[^/]+)?$/.test(path))
    return (key) => ['id', 'type', 'name', 'displayName', 'frontendHook'].includes(key);
  return (key, parent) =>
    key === 'id' || key === 'eventId' || key === 'content' || (parent === 'roles' && key === 'organization');
}

/** A JSON value without null, empty strings and empty arrays in its objects (list items stay). */
export function withoutEmptyFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyFields);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === '' || (Array.isArray(field) && field.length === 0)) continue;
    result[key] = withoutEmptyFields(field);
  }
  return result;
}

/** A JSON value with only the fields `keep` allows, at every depth. */
export function sparse(
  value: unknown,
  keep: (key: string, parent: string | undefined) => boolean,
  parent?: string,
): unknown {
  if (Array.isArray(value)) return value.map((item) => sparse(item, keep, parent));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (keep(key, parent)) result[key] = sparse(field, keep, key);
  return result;
}

function withoutExtensions(path: string, value: unknown): unknown {
  if (!/\/events\/notification/.test(path)) return value;
  const strip = (item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).filter(([key]) => !NOTIFICATION_EXTENSIONS.has(key)))
      : item;
  return Array.isArray(value) ? value.map(strip) : strip(value);
}

/** The query parameter names an operation declares (its zod querystring schema's keys). */
function declaredParameters(request: FastifyRequest): Set<string> | null {
  const schema = request.routeOptions.schema?.querystring as z.ZodObject | undefined;
  const shape = schema && typeof schema === 'object' && 'shape' in schema ? schema.shape : null;
  return shape ? new Set(Object.keys(shape)) : null;
}

/** Hooks that make every Admin API answer follow the modes. */
export function registerAnswerModes(app: FastifyInstance, modes: AnswerModes): void {
  const extensions = modes.extensions ?? true;
  if (modes.strict) {
    app.addHook('preValidation', async (request) => {
      const path = request.url.split('?')[0]!;
      if (!ADMIN_API.test(path)) return;
      const declared = declaredParameters(request) ?? new Set<string>();
      const query = (request.query ?? {}) as Record<string, unknown>;
      // listAccounts and listGroupMembers take attribute_<path> for each indexed attribute.
      const attributeFilters = /\/(accounts|members)$/.test(path);
      const unknown = Object.keys(query).filter(
        (name) => !declared.has(name) && !(attributeFilters && name.startsWith('attribute_')),
      );
      if (unknown.length > 0)
        throw new ApiProblem(
          400,
          'Bad Request',
          `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
          unknown.map((field) => ({ objectName: 'query', field, message: 'is not a parameter of this operation' })),
        );
    });
  }
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0]!;
    if (!ADMIN_API.test(path)) return payload;
    if (!extensions) for (const header of EXTENSION_HEADERS) reply.removeHeader(header);
    const type = String(reply.getHeader('content-type') ?? '');
    if (reply.statusCode >= 300 || !type.startsWith('application/json') || typeof payload !== 'string' || !payload)
      return payload;
    let body: unknown = withoutEmptyFields(JSON.parse(payload));
    if (!extensions) body = withoutExtensions(path, body);
    if (modes.sparse) body = sparse(body, sparseKeeps(path));
    return JSON.stringify(body);
  });
}
