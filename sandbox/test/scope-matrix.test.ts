import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tierScopes, type Tier } from '../auth/clients';
import { generateOpenApiDocument } from '../openapi';
import type { RunningSandbox } from '../start';
import { startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
const tokens = {} as Record<Tier, string>;
beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAccounts: 20 });
  for (const tier of ['viewer', 'agent', 'supervisor'] as const) tokens[tier] = await tokenFor(sandbox, tier);
});
afterAll(() => sandbox.close());

interface Operation {
  operationId: string;
  security?: Array<{ securityScheme: string[] }>;
}

describe('scope matrix: every Admin API route against every tier', () => {
  it('answers 403 exactly when the tier lacks a permission the route needs', async () => {
    const document = (await generateOpenApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const scopes = operation.security?.[0]?.securityScheme;
        if (!scopes) continue; // the token endpoint and /sandbox/ hooks
        // Ids that do not exist: a request that passes the permission check then ends in 404, changing nothing.
        const url = path.replace('{identityStoreName}', 'consumers').replace(/\{[^}]+\}/g, 'missing-id');
        for (const tier of ['viewer', 'agent', 'supervisor'] as const) {
          const response = await fetch(`${sandbox.url}${url}`, {
            method: method.toUpperCase(),
            headers: { Authorization: `Bearer ${tokens[tier]}` },
          });
          const body = await response.text();
          const allowed = scopes.every((scope) => tierScopes[tier].includes(scope));
          const label = `${tier} ${method.toUpperCase()} ${path} (${operation.operationId}, needs ${scopes.join(' + ')})`;
          if (allowed) {
            // Past the permission check: a success, or the request's own fault (a missing id, a missing body)
            // as a problem+json 400 or 404 — never a server failure, never a refusal of the token.
            expect([200, 201, 204, 400, 404], `${label}: ${response.status} ${body.slice(0, 200)}`).toContain(
              response.status,
            );
            if (response.status >= 400)
              expect(response.headers.get('content-type'), label).toContain('application/problem+json');
          } else expect(response.status, label).toBe(403);
          checked.push(label);
        }
      }
    }
    // Three tiers for every operation, so a route added without permissions cannot slip through unnoticed.
    expect(checked.length).toBeGreaterThanOrEqual(3 * 50);
  });

  it('gives the tiers the documented permissions', () => {
    expect(tierScopes.viewer.some((scope) => !scope.startsWith('read:'))).toBe(false);
    expect(tierScopes.agent).toContain('write:account');
    expect(tierScopes.agent.some((scope) => scope.startsWith('delete:'))).toBe(false);
    expect(tierScopes.supervisor).toEqual(expect.arrayContaining(['delete:account', 'delete:account_authenticator']));
  });
});
