import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allContracts } from '@shared/contracts';
import { defaultSettings } from '@shared/domain/settings';
import { createRegistry } from '../../handlers';
import { EventBus } from '../../ipc/event-bus';
import { silentLogger } from '../../services/logger';
import { contentSecurityPolicy } from '../../page/csp';
import { makeServices } from '../../../../tests/unit/main-services';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from './server';

const token = 'test-token-0123456789';
let host: WebHost;
let base: string;
const bus = new EventBus();
const services = makeServices({}, bus);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the Host header can be anything (fetch will not let a test forge it). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Deskside-Token': token, ...headers },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'deskside-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Deskside</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'outside-secret.txt'), 'secret');
  host = await startWebHost({
    registry: createRegistry(services),
    bus,
    rendererDir,
    token,
    csp: contentSecurityPolicy(),
    logger: silentLogger,
    port: 0,
  });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(() => host.close());

describe('web host boundary', () => {
  it('prints a loopback URL carrying the token in the fragment, which browsers never send', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${token}`);
    expect(new URL(host.url).search).toBe('');
  });

  it('refuses calls and the event stream without the token in the header, with 401', async () => {
    const answer = await send('/api/app:info', { method: 'POST', body: '' });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await send('/api/app:info', { method: 'POST', headers: { 'X-Deskside-Token': 'wrong' } })).status).toBe(
      401,
    );
    expect((await send('/api/events')).status).toBe(401);
  });

  it('authorises nothing by cookie or by URL: a cookie on 127.0.0.1 reaches every port, a URL leaks', async () => {
    const cookie = { Cookie: `deskside_token=${token}; token=${token}` };
    for (const path of ['/api/app:info', `/api/app:info?token=${token}`])
      expect((await send(path, { method: 'POST', headers: cookie, body: '' })).status, path).toBe(401);
    for (const path of ['/api/events', `/api/events?token=${token}`])
      expect((await send(path, { headers: cookie })).status, path).toBe(401);
  });

  it('serves the static shell without the token (it holds nothing secret) and never sets a cookie', async () => {
    for (const path of ['/', '/account/consumers/abc', '/assets/app.js']) {
      const answer = await send(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['set-cookie'], path).toBeUndefined();
    }
    expect((await send('/')).body).toContain('<title>Deskside</title>');
  });

  it('refuses a foreign Host header with 403, even with the token (DNS rebinding)', async () => {
    const answer = await send('/', { headers: { Host: 'evil.example:80' } });
    expect(answer.status).toBe(403);
    expect((await call('app:info', undefined, { Host: `attacker.test:${host.port}` })).status).toBe(403);
  });

  it('refuses a foreign Origin with 403', async () => {
    expect((await call('app:info', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('app:info', undefined, { Origin: base })).status).toBe(200);
  });

  it('serves the page and its assets with the CSP', async () => {
    const answer = await send('/');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await send('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2foutside-secret.txt',
      '/%252e%252e/outside-secret.txt',
      '/..%5c..%5coutside-secret.txt',
      '/....//outside-secret.txt',
      '//outside-secret.txt',
      '/assets/app.js%00.html',
      `/${'%2e%2e/'.repeat(20)}etc/passwd`,
    ]) {
      const answer = await send(path);
      // Either refused, or (for what looks like a page route) the app's own index page; never the file.
      expect([404, 200], path).toContain(answer.status);
      if (answer.status === 200) expect(answer.body, path).toContain('<title>Deskside</title>');
      expect(answer.body, path).not.toContain('secret');
    }
  });

  it('listens on loopback only: the other addresses of the machine refuse the connection', async () => {
    const { networkInterfaces } = await import('node:os');
    const { connect } = await import('node:net');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    // Another loopback address is always there (127.0.0.0/8), so the check runs even on a machine without a network.
    const addresses = ['127.0.0.2', ...external];
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        socket.once('timeout', () => (socket.destroy(), resolve('timeout')));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('dispatches calls through the registry', async () => {
    const answer = await call('app:info', undefined);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Deskside', version: '9.9.9-test' } });
  });

  it('answers an invalid payload on every channel with the validation envelope naming the field', async () => {
    for (const contract of allContracts) {
      const answer = JSON.parse((await call(contract.channel, { notAField: true })).body);
      expect(answer, contract.channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(Object.keys(answer.error.fieldErrors)).toContain('notAField');
    }
    const wrongType = JSON.parse((await call('settings:set', { density: 7 })).body);
    expect(wrongType.error.fieldErrors).toHaveProperty('density');
  });

  it('refuses an unknown channel, malformed JSON and oversized bodies', async () => {
    const unknown = await call('shell:exec', { command: 'rm -rf /' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    const malformed = await send('/api/app:info', {
      method: 'POST',
      headers: { 'X-Deskside-Token': token },
      body: '{"oops',
    });
    expect(malformed.status).toBe(400);
    const huge = await send('/api/settings:set', {
      method: 'POST',
      headers: { 'X-Deskside-Token': token },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(huge.status).toBe(413);
  });

  it('pushes events over server-sent events', async () => {
    const response = await fetch(`${base}/api/events`, { headers: { 'X-Deskside-Token': token } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    await call('settings:set', { theme: 'dark' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(`event: settings:changed
data: ${JSON.stringify({ ...defaultSettings, theme: 'dark' })}

`);
    await reader.cancel();
  });
});
