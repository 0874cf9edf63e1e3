import type { ApiClient } from './auth/clients';
import type { TokenIssuer } from './auth/tokens';
import type { Db } from './db/database';
import type { FaultInjector } from './faults';

/** What every route and domain function of the sandbox works with. */
export interface SandboxContext {
  db: Db;
  now: () => number;
  tokens: TokenIssuer;
  clients: ApiClient[];
  faults: FaultInjector;
  /** The base URL the server is reachable at, for links it hands out (impersonation). */
  baseUrl: () => string;
}

/** The API client behind the current request, for the administrative event it records. */
export interface AdminActor {
  client: ApiClient;
  ip: string;
  userAgent: string;
  method: string;
  url: string;
}
