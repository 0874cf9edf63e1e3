import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAdminApiArtifacts, OPENAPI_PATH, TYPES_PATH } from '../../scripts/admin-api-artifacts';

describe('shared/admin-api', () => {
  it('holds the OpenAPI document and types the sandbox generates now (run `npm run generate:admin-api` after changing routes)', async () => {
    const { openapi, types } = await buildAdminApiArtifacts();
    expect(readFileSync(OPENAPI_PATH, 'utf8'), `${OPENAPI_PATH} is out of date`).toBe(openapi);
    expect(readFileSync(TYPES_PATH, 'utf8'), `${TYPES_PATH} is out of date`).toBe(types);
  });

  it('documents every Admin API operation with its permissions and the ProblemJson errors', async () => {
    const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { operationId?: string; security?: unknown; responses: Record<string, unknown> }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const admin = operations.filter(({ path }) => path.startsWith('/admin/api/'));
    for (const { path, method, operation } of admin) {
      expect(operation.operationId, `${method} ${path}`).toBeTruthy();
      expect(operation.security, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
    }
    const ids = admin.map(({ operation }) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'listAccounts',
        'getAccountById',
        'adminInitiatedPasswordReset',
        'updateLocalMetadata',
        'getAccountEvents',
        'getNotificationEvents',
        'getAllApplicationConfigs',
      ]),
    );
  });
});
