/**
 * The platform the benchmarks measure against: the built sandbox (out/main/sandbox.js) over a benchmark database,
 * in a process of its own as the console meets a platform, and a bare Admin API client for the raw figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessSandboxLauncher } from '../electron/main/services/connections/child-process-sandbox';
import { silentLogger } from '../electron/main/services/logger';
import { tierScopes } from '../sandbox/auth/clients';

const SANDBOX_ENTRY = join(import.meta.dirname, '..', 'out', 'main', 'sandbox.js');

export function sandboxProcess(file: string) {
  if (!existsSync(SANDBOX_ENTRY))
    throw new Error('Build first (npm run build): the benchmarks run out/main/sandbox.js.');
  return childProcessSandboxLauncher(SANDBOX_ENTRY, silentLogger).start({ dataFile: file });
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * listAccounts and friends as any HTTP client would call them: a token from the token endpoint, then a request
 * and its JSON parsed, nothing else. The console's figures are set beside these.
 */
export async function rawAdminApi(url: string, tier: 'viewer' | 'agent' | 'supervisor' = 'supervisor') {
  const answer = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: `deskside-${tier}`,
      client_secret: `${tier}-demo-secret`,
      audience: url,
      scope: tierScopes[tier].join(' '),
    }),
  });
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
  const token = ((await answer.json()) as { access_token: string }).access_token;
  return {
    async get(pathAndQuery: string): Promise<RawAnswer> {
      const response = await fetch(pathAndQuery.startsWith('http') ? pathAndQuery : `${url}${pathAndQuery}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
  };
}

/** The total an answer of listAccounts states (the sandbox's extension headers). */
export function statedTotal(headers: Headers): { total: number | null; capped: boolean } {
  const total = headers.get('x-total-count');
  return { total: total === null ? null : Number(total), capped: headers.get('x-total-count-capped') === 'true' };
}

/** A fetch that notes the Admin API URLs the console asks for, so the bare client can send the very same. */
export function notingFetch() {
  const urls: string[] = [];
  const noting: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/admin/api/')) urls.push(url);
    return fetch(input, init);
  };
  return { fetch: noting, take: () => urls.splice(0) };
}
