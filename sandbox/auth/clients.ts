import { timingSafeEqual } from 'node:crypto';

/** Read scopes: everything a viewer needs to see an account and its context. */
const readScopes = [
  'read:account',
  'read:account_identity',
  'read:account_proofing',
  'read:account_download',
  'read:event_account',
  'read:config_identity_store',
  'read:config_identity_proofing',
  'read:config_consent',
  'read:config_application',
  'read:config_notification_policy',
  'read:config_brand',
  'read:admin_event_audit',
];
const writeScopes = [
  'write:account',
  'write:account_authenticator',
  'write:account_identity',
  'write:account_proofing',
  'write:account_impersonation',
];
const deleteScopes = [
  'delete:account',
  'delete:account_authenticator',
  'delete:account_identity',
  'delete:account_proofing',
];

export type Tier = 'viewer' | 'agent' | 'supervisor';

export interface ApiClient {
  clientId: string;
  name: string;
  tier: Tier;
  secret: string;
  scopes: readonly string[];
  /** A revoked client's credentials and tokens are refused (for the console's tests of that case). */
  revoked: boolean;
}

export const tierScopes: Record<Tier, readonly string[]> = {
  viewer: readScopes,
  agent: [...readScopes, ...writeScopes],
  supervisor: [...readScopes, ...writeScopes, ...deleteScopes],
};

export const defaultSecrets: Record<Tier, string> = {
  viewer: 'viewer-demo-secret',
  agent: 'agent-demo-secret',
  supervisor: 'supervisor-demo-secret',
};

/** The three demo API clients; secrets come from SANDBOX_<TIER>_SECRET when set. */
export function demoClients(env: NodeJS.ProcessEnv = process.env): ApiClient[] {
  return (['viewer', 'agent', 'supervisor'] as const).map((tier) => ({
    clientId: `deskside-${tier}`,
    name: `Deskside ${tier}`,
    tier,
    secret: env[`SANDBOX_${tier.toUpperCase()}_SECRET`] || defaultSecrets[tier],
    scopes: tierScopes[tier],
    revoked: false,
  }));
}

export function usesDefaultSecrets(clients: readonly ApiClient[]): boolean {
  return clients.some((client) => client.secret === defaultSecrets[client.tier]);
}

export function secretMatches(client: ApiClient, secret: string): boolean {
  const expected = Buffer.from(client.secret);
  const given = Buffer.from(secret);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
