import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start';
import { accountsPath, startTestSandbox, tokenFor } from './helpers';

let sandbox: RunningSandbox;
let clock = Date.now();
beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => clock, tokenTtlSeconds: 60 });
});
afterAll(() => sandbox.close());

/** A token request; the audience is the tenant URL unless the test gives another (or null for none). */
const tokenRequest = (body: Record<string, string | null>, headers: Record<string, string> = {}) => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries({ audience: sandbox.url, ...body }))
    if (value !== null) form.set(name, value);
  return fetch(`${sandbox.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form,
  });
};

describe('token endpoint', () => {
  it('issues a bearer token with client_secret_basic and with client_secret_post', async () => {
    const basic = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'read:account read:event_account' },
      { Authorization: `Basic ${Buffer.from('deskside-viewer:viewer-demo-secret').toString('base64')}` },
    );
    expect(basic.status).toBe(200);
    const issued = (await basic.json()) as { token_type: string; expires_in: number; scope: string };
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    expect(issued.scope.split(' ').sort()).toEqual(['read:account', 'read:event_account']);
    const post = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'deskside-supervisor',
      client_secret: 'supervisor-demo-secret',
      scope: 'read:account delete:account',
    });
    expect(((await post.json()) as { scope: string }).scope).toContain('delete:account');
  });

  it('refuses a wrong secret with 401 and an unknown grant with 400', async () => {
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'deskside-agent',
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const password = await tokenRequest({
      grant_type: 'password',
      client_id: 'deskside-agent',
      client_secret: 'agent-demo-secret',
    });
    expect(password.status).toBe(400);
  });

  it('requires the audience (the tenant URL) and the scope, as the published tokenpost does', async () => {
    const credentials = {
      grant_type: 'client_credentials',
      client_id: 'deskside-agent',
      client_secret: 'agent-demo-secret',
    };
    const noAudience = await tokenRequest({ ...credentials, audience: null, scope: 'read:account' });
    expect(noAudience.status).toBe(400);
    expect(await noAudience.json()).toMatchObject({ error: 'invalid_request', error_description: /audience/ });
    const otherAudience = await tokenRequest({
      ...credentials,
      audience: 'https://other.example',
      scope: 'read:account',
    });
    expect(otherAudience.status).toBe(400);
    expect(await otherAudience.json()).toMatchObject({ error: 'invalid_request', error_description: /audience/ });
    const noScope = await tokenRequest(credentials);
    expect(noScope.status).toBe(400);
    expect(await noScope.json()).toMatchObject({ error: 'invalid_scope' });
    const withSlash = await tokenRequest({ ...credentials, audience: `${sandbox.url}/`, scope: 'read:account' });
    expect(withSlash.status).toBe(200);
  });

  it('narrows a token to the scopes asked for, and refuses scopes the client lacks', async () => {
    const narrowed = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'deskside-agent',
      client_secret: 'agent-demo-secret',
      scope: 'read:account',
    });
    expect(((await narrowed.json()) as { scope: string }).scope).toBe('read:account');
    const tooMuch = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'deskside-viewer',
      client_secret: 'viewer-demo-secret',
      scope: 'read:account delete:account',
    });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.json()).toMatchObject({ error: 'invalid_scope', error_description: /delete:account/ });
  });
});

describe('bearer tokens on the Admin API', () => {
  it('answers a missing token with 401, WWW-Authenticate and ProblemJson', async () => {
    const response = await fetch(`${sandbox.url}${accountsPath('consumers')}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('answers an expired token with 401 invalid_token', async () => {
    const token = await tokenFor(sandbox, 'viewer');
    const ok = await fetch(`${sandbox.url}${accountsPath('consumers')}?size=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    clock += 61_000;
    const expired = await fetch(`${sandbox.url}${accountsPath('consumers')}?size=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('refuses every token of a revoked client, and its new token requests', async () => {
    const token = await tokenFor(sandbox, 'agent');
    const revoke = await fetch(`${sandbox.url}/sandbox/control/clients/deskside-agent/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(revoke.status).toBe(204);
    const refused = await fetch(`${sandbox.url}${accountsPath('consumers')}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    const again = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'deskside-agent',
      client_secret: 'agent-demo-secret',
    });
    expect(again.status).toBe(401);
    await fetch(`${sandbox.url}/sandbox/control/clients/deskside-agent/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"revoked":false}',
    });
    expect(
      (
        await tokenRequest({
          grant_type: 'client_credentials',
          client_id: 'deskside-agent',
          client_secret: 'agent-demo-secret',
          scope: 'read:account',
        })
      ).status,
    ).toBe(200);
  });
});
