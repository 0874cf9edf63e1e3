import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations';
import { openDatabase, schemaVersion } from '../db/database';
import { FaultInjector } from '../faults';
import { parseDateFilter } from '../domain/time';
import { ipInCidr } from '../domain/event-log';
import { startSandbox } from '../start';
import { accountsPath, apiAs, startTestSandbox } from './helpers';

describe('database', () => {
  it('migrates a new file to the latest version and keeps data across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'platform.db');
    const first = await startSandbox({ dataFile: file, port: 0, seedAccounts: 30 });
    expect(schemaVersion(first.db)).toBe(migrations.length);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const api = await apiAs(first, 'agent');
    const created = await api.post<{ id: string }>(accountsPath('consumers'), { email: { id: 'kept@example.com' } });
    await first.close();
    const second = await startSandbox({ dataFile: file, port: 0 });
    expect(second.seeded).toBeNull();
    const again = await apiAs(second, 'agent');
    expect((await again.get(`${accountsPath('consumers')}/${created.body.id}`)).status).toBe(200);
    await second.close();
  });

  it('refuses to listen beyond loopback with the documented demo secrets', async () => {
    await expect(startSandbox({ dataFile: ':memory:', port: 0, host: '0.0.0.0', seedAccounts: 1 })).rejects.toThrow(
      /demo secrets/,
    );
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(migrations.length);
  });
});

describe('fault flags', () => {
  it('fails the chosen routes at the chosen rate with Retry-After, and adds latency', async () => {
    const sandbox = await startTestSandbox({ seedAccounts: 10 });
    const api = await apiAs(sandbox, 'viewer');
    const set = await fetch(`${sandbox.url}/sandbox/control/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        rules: [
          { route: 'GET /admin/api/v1/identityStores/[^/]+/accounts', failureRate: 1, status: 429, retryAfter: 7 },
          { route: 'GET /admin/api/v1/identityStores', latencyMs: 120 },
        ],
      }),
    });
    expect(set.status).toBe(200);
    const limited = await api.get<{ status: number }>(accountsPath('consumers'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.status).toBe(429);
    const started = Date.now();
    expect((await api.get('/admin/api/v1/identityStores')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await fetch(`${sandbox.url}/sandbox/control/faults`, { method: 'DELETE' });
    expect((await api.get(accountsPath('consumers'))).status).toBe(200);
    await sandbox.close();
  });

  it('fails exactly the scheduled requests: every n-th of those the rule matches', () => {
    const faults = new FaultInjector();
    faults.set([{ route: 'GET /x', failEvery: 3, failureRate: 0, status: 502, latencyMs: 0, retryAfter: 0 }]);
    const decisions = Array.from({ length: 9 }, (_, n) => faults.decide(n % 2 ? 'POST' : 'GET', '/x').failure);
    // Only the GETs count (positions 0, 2, 4, 6, 8): the third of them fails; five GETs hold no sixth.
    expect(decisions.map((failure) => failure?.status ?? null)).toEqual([
      null,
      null,
      null,
      null,
      502,
      null,
      null,
      null,
      null,
    ]);
    expect(decisions.filter(Boolean)).toHaveLength(1);
  });

  it('fails about the given share of requests, repeatably', () => {
    const count = () => {
      const faults = new FaultInjector(42);
      faults.set([{ route: '.*', failureRate: 0.2, status: 503, latencyMs: 0, retryAfter: 1 }]);
      return Array.from({ length: 1000 }, () => faults.decide('GET', '/x').failure).filter(Boolean).length;
    };
    expect(count()).toBe(count());
    expect(count()).toBeGreaterThan(150);
    expect(count()).toBeLessThan(250);
  });
});

describe('small parsers', () => {
  it('reads date filters as timestamps or signed ISO-8601 durations', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(parseDateFilter('-P30D', now)).toBe(now - 30 * 86_400_000);
    expect(parseDateFilter('+PT1H30M', now)).toBe(now + 90 * 60_000);
    expect(parseDateFilter('2026-01-02T03:04:05Z', now)).toBe(Date.parse('2026-01-02T03:04:05Z'));
    expect(parseDateFilter('P', now)).toBeNull();
    expect(parseDateFilter('-P', now)).toBeNull();
    expect(parseDateFilter('yesterday', now)).toBeNull();
  });

  it('matches IPv4 addresses against CIDR blocks', () => {
    expect(ipInCidr('81.2.69.160', '81.2.69.0/24')).toBe(true);
    expect(ipInCidr('81.2.70.1', '81.2.69.0/24')).toBe(false);
    expect(ipInCidr('1.1.1.1', '1.1.1.1/32')).toBe(true);
    expect(ipInCidr('1.1.1.1', '0.0.0.0/0')).toBe(true);
    expect(ipInCidr('1.1.1.1', '1.1.1.1')).toBe(true);
    expect(ipInCidr('::1', '1.1.1.1/32')).toBe(false);
  });
});

describe('renaming configuration', () => {
  it('renames a group, a consent or a client for the tests of hostile names, and refuses unknown ones', async () => {
    const sandbox = await startTestSandbox({ seedAccounts: 5 });
    const api = await apiAs(sandbox, 'viewer');
    const rename = (body: unknown) =>
      fetch(`${sandbox.url}/sandbox/control/names`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const hostile = '<img src=x onerror=alert(1)>';
    expect((await rename({ kind: 'consent', id: 'terms-of-service', name: hostile })).status).toBe(204);
    const consent = await api.get<{ name: string }>('/admin/api/v1/consents/terms-of-service');
    expect(consent.body.name).toBe(hostile);
    expect((await rename({ kind: 'group', id: 'no-such-group', name: 'x' })).status).toBe(404);
    expect((await rename({ kind: 'table; DROP', id: 'x', name: 'x' })).status).toBe(400);
  });
});
