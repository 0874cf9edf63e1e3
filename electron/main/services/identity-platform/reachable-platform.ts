import { DesksideError } from '@shared/contracts';
import type { ConnectivityMonitor } from './connectivity';
import type { IdentityPlatform } from './identity-platform';

/** Whether each call of the port reads or changes the platform: changes are refused while it cannot be reached. */
const callKinds = {
  permissions: 'read',
  allowedActions: 'read',
  listIdentityStores: 'read',
  attributeSchema: 'read',
  listGroups: 'read',
  listOrganizations: 'read',
  listRoles: 'read',
  searchAccounts: 'read',
  getAccountSummary: 'read',
  accountState: 'read',
  storeCatalog: 'read',
  getAccountProfile: 'read',
  listAccountEvents: 'read',
  getAccountEvent: 'read',
  accountAudit: 'read',
  eventLabels: 'read',
  getNotification: 'read',
  notificationOptions: 'read',
  downloadPersonalData: 'read',
  enableAccount: 'write',
  disableAccount: 'write',
  deleteAccount: 'write',
  addToGroup: 'write',
  removeFromGroup: 'write',
  applyAction: 'write',
  impersonate: 'write',
} as const satisfies Record<keyof IdentityPlatform, 'read' | 'write'>;

/** What a read answers while the platform is known to be unreachable: the caller serves its cached copy. */
export const unreachableError = () =>
  new DesksideError({ code: 'UNAVAILABLE', message: 'The platform cannot be reached.' });

/** What a change answers while the platform is known to be unreachable: nothing is sent. */
export const offlineChangeError = () =>
  new DesksideError({
    code: 'OFFLINE',
    message: 'The platform cannot be reached: changes are disabled until it answers again.',
  });

/**
 * The platform as the workspace's services see it: every answer and every unreachable error is recorded in the
 * connectivity monitor (which then probes until the platform is back), and while it is offline nothing is sent:
 * reads fail as unreachable at once (callers fall back to the cache) and changes are refused.
 */
export function reachablePlatform(platform: IdentityPlatform, connectivity: ConnectivityMonitor): IdentityPlatform {
  const wrapped: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(callKinds)) {
    const call = (platform[name as keyof IdentityPlatform] as (...args: unknown[]) => Promise<unknown>).bind(platform);
    wrapped[name] = async (...args: unknown[]) => {
      if (connectivity.offline) throw kind === 'write' ? offlineChangeError() : unreachableError();
      try {
        const value = await call(...args);
        connectivity.succeeded();
        return value;
      } catch (error) {
        connectivity.failed(error);
        throw error;
      }
    };
  }
  return wrapped as unknown as IdentityPlatform;
}
