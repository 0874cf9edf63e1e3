import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallResult } from '@shared/contracts';
import type { EventBus } from '../../ipc/event-bus';
import type { IpcRegistry } from '../../ipc/registry';
import type { Logger } from '../../services/logger';
import { securityHeaders } from '../../page/csp';
import { contentTypeOf, resolveStaticPath } from '../../page/static-files';

export const TOKEN_HEADER = 'x-deskside-token';
/** A call's payload is a few fields; anything near this is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  registry: IpcRegistry;
  bus: EventBus;
  rendererDir: string;
  token: string;
  csp: string;
  logger: Logger;
  /** 0 picks a free port. */
  port: number;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Loopback only, always: the web host serves one agent on this machine. */
const BIND_ADDRESS = '127.0.0.1';

/**
 * The web host: the renderer and the same registry over HTTP, server-sent events for pushed events.
 * Every request must name this server in its Host header (against DNS rebinding). The static shell holds nothing
 * secret and is served to anyone who can reach 127.0.0.1; every call and the event stream need the per-run token in
 * a header. Nothing else authorises: not a cookie (one set on 127.0.0.1 is sent to every port of that address, so
 * any local page could ride on it) and not the URL (addresses end up in history, logs and Referer headers).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { registry, bus, logger } = options;
  const headers = securityHeaders(options.csp);
  const expectedToken = Buffer.from(options.token);
  let allowedHosts: string[] = [];
  const streams = new Set<ServerResponse>();

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  };

  const send = (response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    response.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    });
    response.end(JSON.stringify(body));
  };
  const refuse = (response: ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { ok: false, error: { code, message, status } });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.includes(host)) return refuse(response, 403, 'FORBIDDEN_SENDER', 'Unexpected Host header.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((allowed) => origin === `http://${allowed}`)) {
      return refuse(response, 403, 'FORBIDDEN_SENDER', 'Unexpected Origin.');
    }

    if (url.pathname.startsWith('/api/')) {
      // A header a cross-site form or an <img> cannot set; the event stream is read with fetch for the same reason.
      if (!tokenMatches(headerValue(request.headers[TOKEN_HEADER])))
        return refuse(response, 401, 'UNAUTHORIZED', 'This request needs the token printed by `npm run web`.');
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response);
      if (request.method !== 'POST') return refuse(response, 405, 'VALIDATION', 'Calls are POST requests.');
      return handleCall(request, response, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'VALIDATION', 'Method not allowed.');
    return serveStatic(request, response, url.pathname);
  };

  const handleCall = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too-large')
      return refuse(response, 413, 'VALIDATION', `A call's payload may not exceed ${MAX_BODY_BYTES} bytes.`);
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(response, 400, 'VALIDATION', 'The payload is not valid JSON.');
    }
    const result: CallResult<unknown> = await registry.dispatch(channel, input, { transport: 'web' });
    const status = result.ok ? 200 : result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
    send(response, status, result);
  };

  const openEventStream = (response: ServerResponse) => {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  };

  const serveStatic = async (request: IncomingMessage, response: ServerResponse, pathname: string) => {
    const path = resolveStaticPath(options.rendererDir, pathname);
    if (!path) return refuse(response, 404, 'NOT_FOUND', 'Not found.');
    let content: Buffer;
    try {
      content = await readFile(path);
    } catch {
      return refuse(response, 404, 'NOT_FOUND', 'Not found.');
    }
    const cache = path.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    response.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(path), 'Cache-Control': cache });
    response.end(request.method === 'HEAD' ? undefined : content);
  };

  const unsubscribe = bus.subscribe((channel, payload) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('web host request failed', error);
      if (!response.headersSent) refuse(response, 500, 'INTERNAL', 'The web host failed to answer.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, BIND_ADDRESS, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  return {
    port,
    // In the fragment, which browsers never send: the page moves it out of the address bar at once.
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a request body up to `limit` bytes; past it, stops reading and answers 'too-large'. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
