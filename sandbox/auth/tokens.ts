import { createHash, randomBytes } from 'node:crypto';
import type { ApiClient } from './clients';

export interface IssuedToken {
  client: ApiClient;
  scopes: readonly string[];
  expiresAt: number;
}

/**
 * Opaque bearer tokens, kept in memory (a restart of the sandbox ends them; clients fetch new ones).
 * Only a hash of each token is held, as a real authorization server would.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  issue(client: ApiClient, scopes: readonly string[]): { token: string; expiresIn: number } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(hash(token), { client, scopes, expiresAt: this.now() + this.ttlSeconds * 1000 });
    return { token, expiresIn: this.ttlSeconds };
  }

  /** The token's grant, or why it is refused. */
  verify(token: string): IssuedToken | 'invalid' | 'expired' {
    const issued = this.tokens.get(hash(token));
    if (!issued || issued.client.revoked) return 'invalid';
    if (issued.expiresAt <= this.now()) return 'expired';
    return issued;
  }

  revokeClient(clientId: string): void {
    for (const [key, issued] of this.tokens) if (issued.client.clientId === clientId) this.tokens.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(key);
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
