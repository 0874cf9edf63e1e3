import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DesksideError } from '@shared/contracts';
import { tierScopes } from '../../../../../sandbox/auth/clients';
import { startSandbox, type RunningSandbox } from '../../../../../sandbox/start';
import { CONSOLE_SCOPES } from './admin-api-mapping';
import { silentLogger } from '../../logger';
import { AdminApiClient, retryAfterMs, type AdminApiClientOptions } from './http-client';
import { AdminApiPlatform } from './admin-api-platform';

let sandbox: RunningSandbox;
let clock = Date.now();
beforeAll(async () => {
  sandbox = await startSandbox({
    dataFile: ':memory:',
    port: 0,
    seedAccounts: 60,
    now: () => clock,
    tokenTtlSeconds: 600,
  });
});
afterAll(() => sandbox.close());

/** A client with recorded (not real) waits, counting token requests. */
function client(overrides: Partial<AdminApiClientOptions> = {}) {
  const waits: number[] = [];
  const calls: string[] = [];
  const counted: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const api = new AdminApiClient({
    baseUrl: sandbox.url,
    clientId: 'deskside-agent',
    clientSecret: 'agent-demo-secret',
    // What the agent client may have, so each token is one request (the narrowing has its own test).
    scopes: tierScopes.agent,
    logger: silentLogger,
    fetch: counted,
    now: () => clock,
    sleep: async (ms) => void waits.push(ms),
    ...overrides,
  });
  return { api, waits, calls, tokenRequests: () => calls.filter((call) => call.endsWith('/oauth2/token')).length };
}

const setFaults = (rules: unknown[]) =>
  fetch(`${sandbox.url}/sandbox/control/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules }),
  });

describe('AdminApiClient', () => {
  it('asks for audience and scope; where the tenant refuses some scopes, asks again for the rest and names them', async () => {
    const forms: URLSearchParams[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/oauth2/token')) forms.push(new URLSearchParams(String(init?.body)));
      return fetch(input, init);
    };
    const viewer = new AdminApiClient({
      baseUrl: `${sandbox.url}/`,
      clientId: 'deskside-viewer',
      clientSecret: 'viewer-demo-secret',
      logger: silentLogger,
      fetch: recording,
    });
    await viewer.request('GET', '/admin/api/v1/identityStores');
    expect(forms[0]!.get('grant_type')).toBe('client_credentials');
    expect(forms[0]!.get('audience')).toBe(sandbox.url);
    expect(forms[0]!.get('scope')!.split(' ').sort()).toEqual([...CONSOLE_SCOPES].sort());
    const grant = await viewer.grant();
    const expectedMissing = CONSOLE_SCOPES.filter((scope) => !tierScopes.viewer.includes(scope));
    expect(grant.missing).toEqual([...expectedMissing].sort());
    expect(grant.missing).toContain('write:account');
    expect(grant.granted.sort()).toEqual(CONSOLE_SCOPES.filter((scope) => tierScopes.viewer.includes(scope)).sort());
    // Two requests: the first refused (invalid_scope), the second for what the client may have; none after.
    expect(forms).toHaveLength(2);
    await viewer.request('GET', '/admin/api/v1/identityStores');
    expect(forms).toHaveLength(2);
  });

  it('names the cause of a refused token: client or secret, audience', async () => {
    const wrongSecret = new AdminApiClient({
      baseUrl: sandbox.url,
      clientId: 'deskside-agent',
      clientSecret: 'guess',
      logger: silentLogger,
      maxRetries: 0,
    });
    await expect(wrongSecret.request('GET', '/admin/api/v1/identityStores')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/client id deskside-agent or its secret/),
    });
    const wrongAudience = new AdminApiClient({
      baseUrl: sandbox.url,
      audience: 'https://tenant.example',
      clientId: 'deskside-agent',
      clientSecret: 'agent-demo-secret',
      logger: silentLogger,
      maxRetries: 0,
    });
    await expect(wrongAudience.request('GET', '/admin/api/v1/identityStores')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/refused the audience https:\/\/tenant\.example/),
    });
  });

  it('fetches a token once for concurrent requests and reuses it', async () => {
    const { api, tokenRequests } = client();
    await Promise.all([1, 2, 3].map(() => api.request('GET', '/admin/api/v1/identityStores')));
    expect(tokenRequests()).toBe(1);
    expect(await api.scopes()).toContain('write:account');
  });

  it('renews the token before it expires, without the caller noticing', async () => {
    const { api, tokenRequests } = client();
    await api.request('GET', '/admin/api/v1/identityStores');
    clock += 540_001; // inside the last minute of a 600 s token: time to renew
    await api.request('GET', '/admin/api/v1/identityStores');
    expect(tokenRequests()).toBe(2);
  });

  it('fetches a new token once when the platform no longer accepts the old one', async () => {
    const { api, tokenRequests } = client();
    await api.request('GET', '/admin/api/v1/identityStores');
    sandbox.ctx.tokens.revokeClient('deskside-agent');
    await expect(api.request('GET', '/admin/api/v1/identityStores')).resolves.toMatchObject({ status: 200 });
    expect(tokenRequests()).toBe(2);
  });

  it('gives a revoked client a clear error, without looping', async () => {
    const { api, calls } = client();
    const agent = sandbox.clients.find((candidate) => candidate.clientId === 'deskside-agent')!;
    agent.revoked = true;
    try {
      const error = await api.request('GET', '/admin/api/v1/identityStores').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DesksideError);
      expect((error as DesksideError).code).toBe('UNAUTHORIZED');
      expect((error as DesksideError).message).toContain('deskside-agent');
      expect(calls.length).toBeLessThanOrEqual(2);
    } finally {
      agent.revoked = false;
    }
  });

  it('retries a read through 500, 502 and 504 without Retry-After, waiting longer each time', async () => {
    // A fixed schedule, not a rate: three failures, then the answer.
    const schedule = [500, 502, 504, 200];
    let answered = 0;
    const server = createServer((request, response) => {
      if (request.url === '/oauth2/token')
        return response.end(JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }));
      response.statusCode = schedule[answered++]!;
      response.setHeader('Content-Type', 'application/json');
      response.end(response.statusCode === 200 ? '{"content":[]}' : '{"title":"down"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [random, label] of [
        [() => 0, 'least jitter'],
        [() => 0.999, 'most jitter'],
      ] as const) {
        answered = 0;
        const waits: number[] = [];
        const api = new AdminApiClient({
          baseUrl,
          clientId: 'a',
          clientSecret: 'b',
          logger: silentLogger,
          sleep: async (ms) => void waits.push(ms),
          random,
        });
        await expect(api.request('GET', '/admin/api/v1/identityStores'), label).resolves.toMatchObject({ status: 200 });
        expect(answered, label).toBe(4);
        expect(waits, label).toHaveLength(3);
        // Each wait lies in the documented band (from half of 250 ms · 2^attempt up to all of it) and grows.
        waits.forEach((wait, attempt) => {
          const base = 250 * 2 ** attempt;
          expect(wait, `${label}, attempt ${attempt}`).toBeGreaterThanOrEqual(base / 2);
          expect(wait, `${label}, attempt ${attempt}`).toBeLessThanOrEqual(base);
        });
        expect(waits[1]!, label).toBeGreaterThan(waits[0]!);
        expect(waits[2]!, label).toBeGreaterThan(waits[1]!);
      }
    } finally {
      server.close();
    }
  });

  it('waits out 429 as Retry-After says, and reports RATE_LIMITED when it says too long', async () => {
    const { api, waits } = client({ maxRetries: 2 });
    await setFaults([{ route: 'GET /admin/api/v1/identityStores', failureRate: 1, status: 429, retryAfter: 3 }]);
    try {
      const error = (await api
        .request('GET', '/admin/api/v1/identityStores')
        .catch((caught: unknown) => caught)) as DesksideError;
      expect(waits).toEqual([3000, 3000]);
      expect(error.envelope).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 3 });
      const impatient = client({ maxRetryAfterMs: 1000 });
      const refused = (await impatient.api
        .request('GET', '/admin/api/v1/identityStores')
        .catch((caught: unknown) => caught)) as DesksideError;
      expect(impatient.waits).toEqual([]);
      expect(refused.code).toBe('RATE_LIMITED');
    } finally {
      await setFaults([]);
    }
  });

  it('does not send a non-idempotent write twice after a 5xx, but does after a 429', async () => {
    const { api, calls } = client();
    const account = (
      await api.request<Array<{ id: string }>>('GET', '/admin/api/v1/identityStores/consumers/accounts', {
        query: { size: 1 },
      })
    ).data[0]!;
    const path = `/admin/api/v1/identityStores/consumers/accounts/${account.id}/authenticators`;
    await setFaults([{ route: `POST ${path}`, failureRate: 1, status: 503, retryAfter: 0 }]);
    try {
      await expect(
        api.request('POST', path, { body: { type: 'email', target: 'x@example.com' } }),
      ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(calls.filter((call) => call === `POST ${path}`)).toHaveLength(1);
      // 429 means the platform did nothing, so even this write goes again (1 + 3 retries).
      await setFaults([{ route: `POST ${path}`, failureRate: 1, status: 429, retryAfter: 0 }]);
      await expect(
        api.request('POST', path, { body: { type: 'email', target: 'x@example.com' } }),
      ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect(calls.filter((call) => call === `POST ${path}`)).toHaveLength(5);
    } finally {
      await setFaults([]);
    }
  });

  it('maps ProblemJson to typed errors with field errors', async () => {
    const { api } = client();
    const invalid = (await api
      .request('GET', '/admin/api/v1/identityStores/consumers/accounts', { query: { attribute_birthDate: 'x' } })
      .catch((caught: unknown) => caught)) as DesksideError;
    expect(invalid.envelope).toMatchObject({
      code: 'VALIDATION',
      status: 400,
      fieldErrors: { attribute_birthDate: [expect.stringContaining('not searchable')] },
    });
    const missing = (await api
      .request('GET', '/admin/api/v1/identityStores/consumers/accounts/nope')
      .catch((caught: unknown) => caught)) as DesksideError;
    expect(missing.code).toBe('NOT_FOUND');
    const viewer = new AdminApiClient({
      baseUrl: sandbox.url,
      clientId: 'deskside-viewer',
      clientSecret: 'viewer-demo-secret',
      logger: silentLogger,
      now: () => clock,
    });
    const forbidden = (await viewer
      .request('POST', `/admin/api/v1/identityStores/consumers/accounts/nope/disable`)
      .catch((caught: unknown) => caught)) as DesksideError;
    expect(forbidden.code).toBe('FORBIDDEN');
    const wrongSecret = new AdminApiClient({
      baseUrl: sandbox.url,
      clientId: 'deskside-viewer',
      clientSecret: 'guess',
      logger: silentLogger,
      maxRetries: 0,
    });
    await expect(wrongSecret.request('GET', '/admin/api/v1/identityStores')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('validates responses: a malformed answer is BAD_RESPONSE, never a crash', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/oauth2/token')
        return response.end(JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }));
      if (request.url?.startsWith('/garbage')) return response.end('<html>not json');
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify([{ id: 42, enabled: 'yes' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const api = new AdminApiClient({ baseUrl, clientId: 'a', clientSecret: 'b', logger: silentLogger });
    try {
      const wrongShape = (await new AdminApiPlatform(api)
        .searchAccounts({ store: 's', filter: {}, page: 0, size: 10 })
        .catch((caught: unknown) => caught)) as DesksideError;
      expect(wrongShape.code).toBe('BAD_RESPONSE');
      expect(wrongShape.message).toMatch(/does not match the Admin API \(0\.id/);
      const notJson = (await api
        .request('GET', '/garbage', { schema: z.array(z.unknown()) })
        .catch((caught: unknown) => caught)) as DesksideError;
      expect(notJson.code).toBe('BAD_RESPONSE');
    } finally {
      server.close();
    }
  });

  it('times out each attempt and names unreachable hosts precisely', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const slow = new AdminApiClient({
        baseUrl,
        clientId: 'a',
        clientSecret: 'b',
        logger: silentLogger,
        timeoutMs: 100,
        maxRetries: 1,
        sleep: async () => {},
      });
      await expect(slow.request('GET', '/x')).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = new AdminApiClient({
      baseUrl: `http://127.0.0.1:${closedPort}`,
      clientId: 'a',
      clientSecret: 'b',
      logger: silentLogger,
      maxRetries: 0,
    });
    await expect(refused.request('GET', '/x')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/refused the connection/),
    });
    const dns = new AdminApiClient({
      baseUrl: 'https://deskside-no-such-host.invalid',
      clientId: 'a',
      clientSecret: 'b',
      logger: silentLogger,
      maxRetries: 0,
    });
    await expect(dns.request('GET', '/x')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/DNS/),
    });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('5', 0)).toBe(5000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});

describe('AdminApiPlatform', () => {
  it('searches through the sandbox and maps accounts to summaries with the total', async () => {
    const platform = new AdminApiPlatform(client().api);
    const page = await platform.searchAccounts({
      store: 'business',
      filter: { organizationScope: 'acme', enabled: true },
      page: 0,
      size: 5,
      sort: { field: 'createdAt', direction: 'desc' },
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
    expect(page.items.every((account) => account.enabled && account.organization?.startsWith('acme'))).toBe(true);
    expect(page.items[0]!.displayName).not.toBe(page.items[0]!.id);
    const stores = await platform.listIdentityStores();
    expect(stores.map((store) => store.name)).toEqual(['consumers', 'business', 'partners']);
    const schema = await platform.attributeSchema('consumers');
    expect(schema.find((attribute) => attribute.key === 'name.givenName')).toMatchObject({
      searchable: true,
      editable: true,
    });
  });
});
