import { startSandbox, type RunningSandbox, type SandboxOptions } from '../start';
import type { Tier } from '../auth/clients';

/** A throwaway platform on a free loopback port, seeded small. */
export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  return startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 240, ...options });
}

export async function tokenFor(sandbox: RunningSandbox, tier: Tier): Promise<string> {
  const client = sandbox.clients.find((candidate) => candidate.tier === tier)!;
  const response = await fetch(`${sandbox.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.secret,
      audience: sandbox.url,
      scope: client.scopes.join(' '),
    }),
  });
  if (!response.ok) throw new Error(`token for ${tier}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** An Admin API caller for one tier. */
export async function apiAs(sandbox: RunningSandbox, tier: Tier) {
  const token = await tokenFor(sandbox, tier);
  const call = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (the HTML download)
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    token,
    get: <T = unknown>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    delete: <T = unknown>(path: string, headers?: Record<string, string>) =>
      call<T>('DELETE', path, undefined, headers),
  };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

/** An account as the API answers it: empty fields (null, "", []) are left out, as the published document says. */
export interface AccountJson {
  id: string;
  store: string;
  enabled: boolean;
  organization?: string;
  createdAt: string;
  lastLogin?: { time: string };
  accountInfo?: Record<string, unknown>;
  identities: {
    email?: { id: string; verified: boolean };
    local?: { id: string };
    phone?: { id: string };
    external?: unknown[];
  };
  accountLockout?: { locks?: Record<string, { until?: string }>; failedPasswordAttemptCount?: number };
  authenticators?: { methods?: Array<{ id: string; type: string; target?: string }> };
  groups?: Array<{ id: string }>;
  roles?: Array<{ id: string; organization: string }>;
  consents?: Array<{ consentId: string; consentVersion: number; optOut?: string }>;
  accountProofings?: Array<{
    id: string;
    policyId: string;
    attempts: number;
    proofedAt?: string;
    invalidatedAt?: string;
  }>;
}

export const accountsPath = (store: string) => `/admin/api/v1/identityStores/${store}/accounts`;

/** Finds one account of a store matching a predicate, from the first page of a search. */
export async function findAccount(
  api: Api,
  store: string,
  predicate: (account: AccountJson) => boolean = () => true,
  query = '',
): Promise<AccountJson> {
  const { body } = await api.get<AccountJson[]>(`${accountsPath(store)}?size=200${query}`);
  const found = body.find(predicate);
  if (!found) throw new Error(`no ${store} account matches`);
  return found;
}

/** The newest administrative event of an account, for checking what a write recorded. */
export async function latestEvent(api: Api, accountId: string) {
  const { body } = await api.get<
    Array<{ eventId: string; type: string; labels: string[]; actorClient?: { id: string } }>
  >(`/admin/api/v1/events/account?subjectAccountIds=${accountId}&size=1`);
  return body[0]!;
}
