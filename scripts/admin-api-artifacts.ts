/**
 * The Admin API artifacts in shared/admin-api/: the OpenAPI document and the TypeScript types generated from
 * it. `npm run generate:admin-api` writes them; a test compares them with what the sandbox generates now.
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { generateOpenApiDocument } from '../sandbox/openapi';

export const OPENAPI_PATH = 'shared/admin-api/openapi.json';
export const TYPES_PATH = 'shared/admin-api/types.ts';

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

export async function buildAdminApiArtifacts(): Promise<{ openapi: string; types: string }> {
  const document = await generateOpenApiDocument();
  const openapi = `${JSON.stringify(document, null, 2)}\n`;

  const schemas = ((document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {}) as Record<
    string,
    JSONSchema
  >;
  const retarget = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replace(/"#\/components\/schemas\/([^"]+)"/g, '"#/$defs/$1"'));
  const root: JSONSchema = {
    title: 'AdminApiSchemas',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.keys(schemas).map((name) => [name, { $ref: `#/$defs/${name}` }])),
    $defs: retarget(schemas) as Record<string, JSONSchema>,
  };
  const body = await compile(root, 'AdminApiSchemas', {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: true,
    format: false,
    strictIndexSignatures: true,
  });

  const operations: string[] = [];
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation.operationId) continue;
      operations.push(`  ${operation.operationId}: { method: '${method.toUpperCase()}'; path: '${path}' };`);
    }
  }
  const types = [
    '/* Generated from openapi.json by `npm run generate:admin-api`. Do not edit: change the sandbox routes and regenerate. */',
    '/* eslint-disable */',
    body.trim(),
    '',
    '/** Every named Admin API operation with its method and path. */',
    'export interface AdminApiOperations {',
    ...operations.sort(),
    '}',
    '',
  ].join('\n');
  return { openapi, types };
}
