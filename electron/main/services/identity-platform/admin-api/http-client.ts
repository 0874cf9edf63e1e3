import { DesksideError, type ErrorEnvelope } from '@shared/contracts';
import type { z } from 'zod';
import type { Logger } from '../../logger';
import { CONSOLE_SCOPES } from './admin-api-mapping';

export interface AdminApiCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The token's audience: the tenant URL unless the tenant says otherwise. */
  audience?: string | undefined;
}

export interface AdminApiClientOptions extends AdminApiCredentials {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The jitter's random source (0 ≤ x < 1); tests pass a fixed one. */
  random?: () => number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after the first, for requests that may be repeated. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited out: the caller gets RATE_LIMITED with the delay. */
  maxRetryAfterMs?: number;
  /** The permissions asked for in the token request (space-separated on the wire). */
  scopes?: readonly string[];
  logger: Logger;
}

export interface RequestOptions<T> {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates the response body; a mismatch is BAD_RESPONSE, never a crash further in. */
  schema?: z.ZodType<T>;
  /** Hand the body on as text, unparsed (downloads). */
  text?: boolean;
  /**
   * True for requests that may be sent again after a timeout or a 5xx: reads, and writes whose repetition
   * changes nothing (enable, disable). Other writes are retried only when the server says it did nothing (429).
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** Renew a token this long before it expires, so no request goes out with one about to lapse. */
const RENEW_BEFORE_MS = 60_000;

export interface ProblemBody {
  title?: string;
  detail?: string;
  status?: number;
  fieldErrors?: Array<{ field?: string; message?: string }>;
  error?: string;
  error_description?: string;
}

/** What the token endpoint granted, and what was asked for but not granted. */
export interface TokenGrant {
  granted: string[];
  missing: string[];
}

/**
 * The Admin API over HTTPS with OAuth 2.0 client credentials: fetches and renews the token, times out each attempt,
 * retries with backoff what may be retried (honouring Retry-After on 429), maps ProblemJson to typed errors, and
 * validates every response it hands on. The secret never leaves this object, not even in errors or logs.
 */
export class AdminApiClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private token: { value: string; expiresAt: number; scopes: string[] } | null = null;
  private tokenRequest: Promise<string> | null = null;
  /** The scopes to ask for: all the console uses at first, narrowed once the tenant says what the client may have. */
  private requestedScopes: string[];
  private missingScopes: string[] = [];

  constructor(private readonly options: AdminApiClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.requestedScopes = [...(options.scopes ?? CONSOLE_SCOPES)];
  }

  /** The token's audience: as configured, else the tenant URL. */
  get audience(): string {
    return (this.options.audience?.trim() || this.baseUrl).replace(/\/+$/, '');
  }

  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  /** The scopes of the current token (fetching one if needed): the UI disables what they do not allow. */
  async scopes(): Promise<string[]> {
    await this.accessToken();
    return this.token?.scopes ?? [];
  }

  /** The granted scopes and those the console asked for that the client may not have. */
  async grant(): Promise<TokenGrant> {
    const granted = await this.scopes();
    const asked = new Set([...this.requestedScopes, ...this.missingScopes]);
    return { granted, missing: [...asked].filter((scope) => !granted.includes(scope)).sort() };
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions<T> = {}): Promise<ApiResponse<T>> {
    const retryable = options.idempotent ?? (method === 'GET' || method === 'HEAD');
    let renewedAfter401 = false;
    // Set when an earlier attempt may have reached the server (timeout, 5xx, dropped connection).
    let earlierAttemptUncertain = false;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.send(method, path, options, await this.accessToken());
      } catch (error) {
        const failure = error instanceof DesksideError ? error : networkError(error, this.baseUrl);
        // Connection refused means nothing reached the server: any request may go again.
        const nothingSent = failure.code === 'UNAVAILABLE' && /refused/.test(failure.message);
        const transient = failure.code === 'UNAVAILABLE' || failure.code === 'TIMEOUT';
        if (transient && attempt < this.maxRetries && (retryable || nothingSent)) {
          if (!nothingSent) earlierAttemptUncertain = true;
          await this.sleep(backoff(attempt, this.random));
          continue;
        }
        throw failure;
      }

      if (response.status === 401 && !renewedAfter401) {
        // The token may have been revoked or expired early: fetch one new token, once.
        renewedAfter401 = true;
        this.token = null;
        await response.arrayBuffer().catch(() => undefined);
        continue;
      }
      if (response.status === 429 && attempt < this.maxRetries) {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.now()) ?? backoff(attempt, this.random);
        if (wait <= this.maxRetryAfterMs) {
          await response.arrayBuffer().catch(() => undefined);
          await this.sleep(wait);
          continue;
        }
      }
      if (response.status >= 500 && retryable && attempt < this.maxRetries) {
        earlierAttemptUncertain = true;
        await response.arrayBuffer().catch(() => undefined);
        await this.sleep(
          retryAfterMs(response.headers.get('retry-after'), this.now()) ?? backoff(attempt, this.random),
        );
        continue;
      }
      if (response.status === 404 && method === 'DELETE' && earlierAttemptUncertain) {
        // The earlier attempt did delete it; what the caller wanted is done.
        await response.arrayBuffer().catch(() => undefined);
        return { status: 204, headers: response.headers, data: undefined as T };
      }
      if (!response.ok) throw await problemError(response, this.now());
      return {
        status: response.status,
        headers: response.headers,
        data: options.text ? ((await response.text()) as T) : await parseBody(response, options.schema, method, path),
      };
    }
  }

  private async send<T>(method: string, path: string, options: RequestOptions<T>, token: string): Promise<Response> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${token}`,
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return this.timed(
      (signal) =>
        this.fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal,
        }),
      options.signal,
    );
  }

  /** Runs one attempt with the timeout; the caller's own abort is CANCELLED, the timeout TIMEOUT. */
  private async timed(run: (signal: AbortSignal) => Promise<Response>, callerSignal?: AbortSignal): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new DesksideError({
            code: 'TIMEOUT',
            message: `The identity platform did not answer within ${this.timeoutMs / 1000} s.`,
          }),
        ),
      this.timeoutMs,
    );
    const onCallerAbort = () => controller.abort(new DesksideError({ code: 'CANCELLED', message: 'Cancelled.' }));
    callerSignal?.addEventListener('abort', onCallerAbort);
    try {
      return await run(controller.signal);
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof DesksideError)
        throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** A valid access token, fetched once for all callers waiting at the same time. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - RENEW_BEFORE_MS > this.now()) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => {
      this.tokenRequest = null;
    });
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    let response = await this.postTokenRequest(this.requestedScopes);
    if (response.status === 400) {
      const body = (await response.json().catch(() => ({}))) as ProblemBody;
      if (body.error !== 'invalid_scope') throw tokenRefused(400, body, this.options.clientId, this.audience);
      // The client may not have every permission the console uses: ask again for those it may have.
      const allowed = await this.scopesTheClientMayHave(body);
      if (allowed.length === 0)
        throw new DesksideError({
          code: 'FORBIDDEN',
          status: 400,
          message: `The identity platform grants the API client ${this.options.clientId} none of the permissions Deskside uses (${this.requestedScopes.join(', ')}).`,
        });
      this.missingScopes = this.requestedScopes.filter((scope) => !allowed.includes(scope));
      this.requestedScopes = allowed;
      response = await this.postTokenRequest(allowed);
    }
    if (response.status === 401 || response.status === 400) {
      const body = (await response.json().catch(() => ({}))) as ProblemBody;
      throw tokenRefused(response.status, body, this.options.clientId, this.audience);
    }
    if (!response.ok) throw await problemError(response, this.now());
    const body = (await response.json().catch(() => null)) as {
      access_token?: unknown;
      expires_in?: unknown;
      scope?: unknown;
    } | null;
    if (!body || typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new DesksideError({
        code: 'BAD_RESPONSE',
        message: 'The token endpoint answered without an access token.',
      });
    }
    this.token = {
      value: body.access_token,
      expiresAt: this.now() + body.expires_in * 1000,
      // RFC 6749 5.1: a token answer without scope grants what was asked for.
      scopes: typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean) : [...this.requestedScopes],
    };
    return this.token.value;
  }

  /**
   * After invalid_scope: the scopes the tenant named as refused are dropped; when it names none, each scope is
   * asked for on its own (four at a time) and the ones granted are kept.
   */
  private async scopesTheClientMayHave(refusal: ProblemBody): Promise<string[]> {
    const named = new Set(`${refusal.error_description ?? ''}`.match(/[a-z]+:[a-z_]+/g) ?? []);
    const refused = this.requestedScopes.filter((scope) => named.has(scope));
    if (refused.length > 0) return this.requestedScopes.filter((scope) => !named.has(scope));
    const allowed: string[] = [];
    const queue = [...this.requestedScopes];
    const probe = async () => {
      for (let scope = queue.shift(); scope; scope = queue.shift()) {
        const response = await this.postTokenRequest([scope]);
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) allowed.push(scope);
      }
    };
    await Promise.all([probe(), probe(), probe(), probe()]);
    return this.requestedScopes.filter((scope) => allowed.includes(scope));
  }

  /** One token request (grant_type, audience, scope), retried on 429, 5xx and network failures. */
  private async postTokenRequest(scopes: readonly string[]): Promise<Response> {
    const basic = Buffer.from(
      `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`,
    ).toString('base64');
    const form = new URLSearchParams({ grant_type: 'client_credentials', audience: this.audience });
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.timed((signal) =>
          this.fetch(`${this.baseUrl}/oauth2/token`, {
            method: 'POST',
            headers: {
              Authorization: `Basic ${basic}`,
              'Content-Type': 'application/x-www-form-urlencoded',
              Accept: 'application/json',
            },
            body: form.toString(),
            signal,
          }),
        );
      } catch (error) {
        const failure = error instanceof DesksideError ? error : networkError(error, this.baseUrl);
        if (attempt < this.maxRetries && failure.code !== 'CANCELLED') {
          await this.sleep(backoff(attempt, this.random));
          continue;
        }
        throw failure;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < this.maxRetries) {
        await response.arrayBuffer().catch(() => undefined);
        await this.sleep(
          retryAfterMs(response.headers.get('retry-after'), this.now()) ?? backoff(attempt, this.random),
        );
        continue;
      }
      return response;
    }
  }
}

/** A refused token request, naming what to check: the client, its secret, the audience or the scopes. */
export function tokenRefused(status: number, body: ProblemBody, clientId: string, audience: string): DesksideError {
  const said = body.error_description ? ` (${body.error_description})` : '';
  const error = body.error ?? '';
  let message: string;
  if (error === 'invalid_client' || (status === 401 && !error))
    message = `The identity platform refused the client id ${clientId} or its secret${said}. Check both.`;
  else if (error === 'unauthorized_client')
    message = `The API client ${clientId} may not use the client-credentials grant${said}.`;
  else if (error === 'invalid_scope') message = `The identity platform refused the permissions asked for${said}.`;
  else if (/audience/i.test(`${error} ${body.error_description ?? ''}`))
    message = `The identity platform refused the audience ${audience}${said}. It is usually the tenant URL: check it under Advanced.`;
  else
    message = `The identity platform refused the token request for ${clientId}: ${error || 'invalid request'}${said}.`;
  return new DesksideError({ code: 'UNAUTHORIZED', status, message });
}

/** 250 ms, 500 ms, 1 s, 2 s ... up to 8 s, with jitter so many clients do not retry in step. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8000, 250 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

/** Retry-After in seconds or as an HTTP date, to milliseconds. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Why the platform could not be reached, in words an agent can act on. */
export function networkError(error: unknown, baseUrl: string): DesksideError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  const host = safeHost(baseUrl);
  const envelope = (message: string): ErrorEnvelope => ({ code: 'UNAVAILABLE', message });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new DesksideError(envelope(`The name ${host} could not be resolved (DNS).`));
  if (code === 'ECONNREFUSED')
    return new DesksideError(envelope(`${host} refused the connection: is the platform running?`));
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return new DesksideError(envelope(`${host} closed the connection.`));
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return new DesksideError(envelope(`The TLS certificate of ${host} is not trusted (${code}).`));
  return new DesksideError(envelope(`${host} could not be reached${cause?.message ? `: ${cause.message}` : ''}.`));
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the platform';
  }
}

/** A non-2xx answer to a typed error; ProblemJson's fieldErrors become the envelope's. */
async function problemError(response: Response, now: number): Promise<DesksideError> {
  const body = (await response.json().catch(() => ({}))) as ProblemBody;
  const detail = body.detail ?? body.error_description ?? body.title ?? response.statusText;
  const status = response.status;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of Array.isArray(body.fieldErrors) ? body.fieldErrors : []) {
    if (typeof error?.field === 'string') (fieldErrors[error.field] ??= []).push(String(error.message ?? 'is invalid'));
  }
  const base = {
    status,
    message: String(detail || `HTTP ${status}`).slice(0, 500),
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
  };
  if (status === 400 || status === 422) return new DesksideError({ code: 'VALIDATION', ...base });
  if (status === 401) return new DesksideError({ code: 'UNAUTHORIZED', ...base });
  if (status === 403) return new DesksideError({ code: 'FORBIDDEN', ...base });
  if (status === 404) return new DesksideError({ code: 'NOT_FOUND', ...base });
  if (status === 409) return new DesksideError({ code: 'CONFLICT', ...base });
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'), now);
    return new DesksideError({
      code: 'RATE_LIMITED',
      ...base,
      ...(wait !== null ? { retryAfter: Math.ceil(wait / 1000) } : {}),
    });
  }
  if (status >= 500)
    return new DesksideError({
      code: 'UNAVAILABLE',
      ...base,
      message: `The identity platform failed (HTTP ${status}): ${base.message}`,
    });
  return new DesksideError({ code: 'BAD_RESPONSE', ...base });
}

async function parseBody<T>(
  response: Response,
  schema: z.ZodType<T> | undefined,
  method: string,
  path: string,
): Promise<T> {
  const text = await response.text();
  if (!schema) return (text ? safeJson(text) : undefined) as T;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new DesksideError({
      code: 'BAD_RESPONSE',
      message: `The identity platform answered ${method} ${path.split('?')[0]} with something that is not JSON.`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new DesksideError({
      code: 'BAD_RESPONSE',
      message: `The identity platform's answer to ${method} ${path.split('?')[0]} does not match the Admin API (${where}).`,
    });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
