import { randomUUID } from 'node:crypto';
import { DesksideError } from '@shared/contracts';
import { changeProblems, nestChanges, shownAttributeData } from '@shared/domain/attribute-values';
import { failedSignIns } from '@shared/domain/sign-in-check';
import {
  emptyCatalog,
  type AccountProfile,
  type AuditPage,
  type EventPage,
  type EventQuery,
  type NotificationOption,
  type ProfileAction,
  type ProfileView,
  type StoreCatalog,
} from '@shared/domain/profile';
import type { AccountCache } from '../cache/account-cache';
import type { ActionJournal } from '../cache/action-journal';
import type { ProfileCache } from '../cache/profile-cache';
import type { CatalogService } from '../catalog/catalog-service';
import { isUnreachable } from '../identity-platform/connectivity';
import type { IdentityPlatform } from '../identity-platform/identity-platform';

const iso = (ms: number) => new Date(ms).toISOString();

export interface ProfileServiceOptions {
  /** The workspace's platform: it records reachability and refuses changes while offline. */
  platform: IdentityPlatform;
  accounts: AccountCache;
  cache: ProfileCache;
  catalog: CatalogService;
  journal: ActionJournal;
  /** The connection's base URL: an impersonation link must point at this tenant. */
  tenantUrl?: string;
  /** Told when the agent opens an account (the recent list). */
  opened?: (store: string, accountId: string) => void;
  now?: () => number;
}

/** The shortest reason an impersonation is accepted with. */
export const MIN_REASON = 10;

/**
 * Whether a link the platform answered points at the connection's own tenant: its host or a subdomain of it, over
 * https (plain http only where the tenant itself is on this machine, as the embedded sandbox is).
 */
export function isTenantUrl(url: string, tenantUrl: string): boolean {
  let link: URL;
  let tenant: URL;
  try {
    link = new URL(url);
    tenant = new URL(tenantUrl);
  } catch {
    return false;
  }
  if (link.username || link.password) return false;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(tenant.hostname);
  const secure = link.protocol === 'https:' || (loopback && link.protocol === 'http:' && link.host === tenant.host);
  const host = link.hostname.toLowerCase();
  const own = tenant.hostname.toLowerCase();
  return secure && (host === own || host.endsWith(`.${own}`));
}

const offlineError = (what: string) =>
  new DesksideError({
    code: 'OFFLINE',
    message: `The platform cannot be reached and ${what} is not in the cache.`,
  });

/** The identifier an agent types to confirm deleting one account: what they see first in the overview. */
export function deletionConfirmation(summary: { email: string | null; username: string | null; id: string }): string {
  return summary.email ?? summary.username ?? summary.id;
}

/**
 * The account view: the whole profile live from the platform (kept in the cache just after) or, when the
 * platform cannot be reached, from the cache with its age; the agent's changes, each checked, journalled and
 * followed by a fresh profile; the activity tab's events; the customer-notification choices.
 */
export class ProfileService {
  private readonly now: () => number;
  private labels: Promise<string[]> | null = null;
  private readonly platform: IdentityPlatform;

  constructor(private readonly options: ProfileServiceOptions) {
    this.now = options.now ?? Date.now;
    this.platform = options.platform;
  }

  /** Runs a platform read; null when the platform cannot be reached (serve the cache). */
  private async live<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (isUnreachable(error)) return null;
      throw error;
    }
  }

  /** The agent opens an account: its view, and a place at the top of the recent list. */
  async open(store: string, accountId: string): Promise<ProfileView> {
    const view = await this.load(store, accountId);
    // The recent list is written and pushed just after the agent has the account (it is a convenience; the
    // account should not wait for it).
    setImmediate(() => this.options.opened?.(store, accountId));
    return view;
  }

  /** The account as it is now: live (kept in the cache just after), or the cached copy with its age. */
  async load(store: string, accountId: string): Promise<ProfileView> {
    const catalog = await this.options.catalog.catalog(store).catch((error: unknown) => {
      if (error instanceof DesksideError && error.code === 'OFFLINE') return null;
      throw error;
    });
    if (!catalog) return this.summaryOnly(store, accountId);
    let profile;
    try {
      const knownEmail = this.options.accounts.get(store, accountId)?.summary.email;
      profile = await this.live(() => this.platform.getAccountProfile(store, accountId, catalog, knownEmail));
    } catch (error) {
      if (error instanceof DesksideError && error.code === 'NOT_FOUND') this.options.accounts.remove(store, accountId);
      throw error;
    }
    // Hidden attributes are dropped here, before the cache, the renderer or a report can hold them (and from a
    // copy cached before this rule).
    const shown = (loaded: AccountProfile): AccountProfile => ({
      ...loaded,
      attributes: shownAttributeData(catalog.schema, loaded.attributes),
    });
    if (profile) {
      const fetchedAt = this.now();
      const visible = shown(profile);
      // Kept for offline use just after the agent has the account (as a search's page is): anything that reads
      // the cache runs it first.
      this.options.cache.saveProfileSoon(visible, fetchedAt);
      return {
        profile: visible,
        catalog,
        source: 'live',
        fetchedAt: iso(fetchedAt),
        partial: false,
        lastFailureReason: await this.lastFailureReason(visible),
      };
    }
    const cached = this.options.cache.getProfile(store, accountId);
    if (!cached) return this.summaryOnly(store, accountId, catalog);
    return {
      profile: shown(cached.profile),
      catalog,
      source: 'cache',
      fetchedAt: iso(cached.fetchedAt),
      partial: false,
      lastFailureReason: null,
    };
  }

  /**
   * Why the customer's latest sign-ins failed: the list of events has no reasons, so the newest failure of the
   * run is read in full (one request, only when the latest sign-in failed). Unknown when that read fails.
   */
  private async lastFailureReason(profile: AccountProfile): Promise<string | null> {
    const newest = failedSignIns(profile.events)[0];
    if (!newest) return null;
    try {
      const detail = await this.platform.getAccountEvent(newest.id);
      const reason = detail.actions
        .flatMap((action) => action.details)
        .map((item) => item.metadata.reason)
        .find((value) => typeof value === 'string');
      return typeof reason === 'string' ? reason : null;
    } catch {
      return null;
    }
  }

  /** Offline, an account found by a search but never opened still shows what the search cached of it. */
  private summaryOnly(store: string, accountId: string, catalog: StoreCatalog = emptyCatalog): ProfileView {
    const entry = this.options.accounts.get(store, accountId);
    if (!entry) throw offlineError('this account');
    const none = { locked: false, until: null, failedAttempts: 0 };
    return {
      profile: {
        summary: entry.summary,
        language: null,
        disabledAt: null,
        numberOfLogins: null,
        lastLogin: entry.summary.lastLoginAt ? { at: entry.summary.lastLoginAt, ip: null, location: null } : null,
        lastAuthenticationActivity: null,
        attributes: {},
        externalIdentities: [],
        passwordLock: { ...none, locked: entry.summary.locked },
        passcodeLock: none,
        authenticators: [],
        sessions: [],
        groups: [],
        roles: [],
        proofings: [],
        consents: [],
        notificationPreferences: {},
        events: [],
        moreEvents: false,
        notifications: [],
        invitations: [],
      },
      catalog,
      source: 'cache',
      fetchedAt: iso(entry.fetchedAt),
      partial: true,
      lastFailureReason: null,
    };
  }

  async events(query: EventQuery): Promise<EventPage & { source: 'live' | 'cache' }> {
    const fromCache = () => ({
      ...this.options.cache.events(query.store, query.accountId, query),
      source: 'cache' as const,
    });
    if (!query.outcome) {
      const page = await this.live(() => this.platform.listAccountEvents(query));
      if (!page) return fromCache();
      this.options.cache.saveEvents(query.store, query.accountId, page.items);
      return { ...page, source: 'live' };
    }
    // The outcome is a label of each event, not a filter of the API: read pages until this one is full.
    const wanted = (query.page + 1) * query.size;
    const matching = [];
    let more = true;
    for (let page = 0; more && matching.length <= wanted && page < 200; page++) {
      const batch = await this.live(() => this.platform.listAccountEvents({ ...query, page, size: 500 }));
      if (!batch) return fromCache();
      this.options.cache.saveEvents(query.store, query.accountId, batch.items);
      matching.push(...batch.items.filter((event) => event.outcome === query.outcome));
      more = batch.more;
    }
    const start = query.page * query.size;
    return {
      items: matching.slice(start, start + query.size),
      more: more || matching.length > start + query.size,
      source: 'live',
    };
  }

  /**
   * Fetches every event of an account into the cache (for the report); returns how many there are. The next
   * page is asked for while the current one is written, so the platform and the cache work at the same time.
   */
  async fetchAllEvents(store: string, accountId: string, limit = 100_000): Promise<number> {
    const size = 1000;
    const fetchPage = (page: number) =>
      this.live(() => this.platform.listAccountEvents({ store, accountId, page, size }));
    let count = 0;
    let page = 0;
    let pending: ReturnType<typeof fetchPage> | null = fetchPage(page);
    while (pending) {
      const batch: EventPage | null = await pending;
      if (!batch) break;
      pending = batch.more && count + batch.items.length < limit ? fetchPage(++page) : null;
      this.options.cache.saveEvents(store, accountId, batch.items);
      count += batch.items.length;
    }
    return count;
  }

  /** The platform's event labels, asked once per workspace; none while it cannot be reached. */
  async eventLabels(): Promise<string[]> {
    this.labels ??= this.live(() => this.platform.eventLabels()).then((found) => {
      if (!found) this.labels = null;
      return found ?? [];
    });
    return this.labels;
  }

  /** Who changed this account: the platform's administrative audit (live only; nothing of it is cached). */
  async audit(store: string, accountId: string, page: number, size: number): Promise<AuditPage> {
    const found = await this.live(() => this.platform.accountAudit(store, accountId, page, size));
    if (!found) throw offlineError("this account's change history");
    return found;
  }

  async event(eventId: string) {
    const detail = await this.live(() => this.platform.getAccountEvent(eventId));
    if (!detail) throw offlineError("this event's details");
    return detail;
  }

  async notification(store: string, notificationId: string) {
    const catalog = await this.options.catalog.catalog(store);
    const detail = await this.live(() => this.platform.getNotification(notificationId, catalog));
    if (!detail) throw offlineError("this message's content");
    return detail;
  }

  async notificationOptions(store: string, accountId: string): Promise<NotificationOption[]> {
    const summary =
      this.options.cache.getProfile(store, accountId)?.profile.summary ??
      this.options.accounts.get(store, accountId)?.summary;
    const organization =
      summary?.organization ?? (await this.platform.getAccountSummary(store, accountId)).organization;
    const options = await this.live(() => this.platform.notificationOptions(store, organization));
    if (!options) throw offlineError('the list of applications');
    return options;
  }

  /** Checks, sends and journals one change, then answers the account as it now is. */
  async act(store: string, accountId: string, action: ProfileAction): Promise<ProfileView> {
    const sent = await this.prepare(store, action);
    await this.journalled(store, accountId, `profile:${action.kind}`, () =>
      this.platform.applyAction(store, accountId, sent),
    );
    return this.load(store, accountId);
  }

  async deleteAccount(store: string, accountId: string, confirmation: string): Promise<void> {
    const summary =
      this.options.accounts.get(store, accountId)?.summary ?? (await this.platform.getAccountSummary(store, accountId));
    const expected = deletionConfirmation(summary);
    if (confirmation.trim() !== expected)
      throw new DesksideError({
        code: 'VALIDATION',
        message: `Type ${expected} to confirm deleting this account.`,
        fieldErrors: { confirmation: [`must be ${expected}`] },
      });
    await this.journalled(store, accountId, 'profile:deleteAccount', () =>
      this.platform.deleteAccount(store, accountId),
    );
    this.options.accounts.remove(store, accountId);
  }

  /**
   * Signs the agent in as the customer, for a reason the journal keeps with the client and the time. Only where
   * the connection is seen to hold the permission; the link must point at the connection's own tenant, since it is
   * opened outside Deskside.
   */
  async impersonate(store: string, accountId: string, clientId: string, reason: string): Promise<string> {
    const permission = (await this.platform.allowedActions()).impersonate;
    if (!permission.allowed) throw new DesksideError({ code: 'FORBIDDEN', message: permission.reason });
    const why = reason.trim();
    if (why.length < MIN_REASON)
      throw new DesksideError({
        code: 'VALIDATION',
        message: `Say why, in at least ${MIN_REASON} characters: the reason is kept with the impersonation.`,
        fieldErrors: { reason: [`must be at least ${MIN_REASON} characters`] },
      });
    let url = '';
    await this.journalled(
      store,
      accountId,
      'profile:impersonate',
      async () => {
        url = await this.platform.impersonate(store, accountId, { clientId, reason: why });
      },
      `through ${clientId}: ${why}`,
    );
    if (!this.options.tenantUrl || !isTenantUrl(url, this.options.tenantUrl))
      throw new DesksideError({
        code: 'BAD_RESPONSE',
        message: 'The platform answered an impersonation link to another site; it was not opened.',
      });
    return url;
  }

  download(store: string, accountId: string, fileType: 'html' | 'json'): Promise<string> {
    return this.platform.downloadPersonalData(store, accountId, fileType);
  }

  /** Attribute changes are checked against the schema before anything is sent. */
  private async prepare(store: string, action: ProfileAction): Promise<ProfileAction> {
    if (action.kind === 'changeIdentifier' && action.confirmation !== action.identifier)
      throw new DesksideError({
        code: 'VALIDATION',
        message: `Type the new ${action.type} again to confirm it.`,
        fieldErrors: { confirmation: [`must be ${action.identifier}`] },
      });
    if (action.kind !== 'updateAttributes') return action;
    if (Object.keys(action.changes).length === 0)
      throw new DesksideError({ code: 'VALIDATION', message: 'There are no changes to save.' });
    const catalog = await this.options.catalog.catalog(store);
    const problems = changeProblems(catalog.schema, action.changes);
    const keys = Object.keys(problems);
    if (keys.length > 0)
      throw new DesksideError({
        code: 'VALIDATION',
        message: `Check ${keys.join(', ')}: ${Object.values(problems)[0]}.`,
        fieldErrors: Object.fromEntries(keys.map((key) => [key, [problems[key]!]])),
      });
    return { ...action, changes: nestChanges(action.changes) };
  }

  private async journalled(
    store: string,
    accountId: string,
    action: string,
    run: () => Promise<void>,
    detail?: string,
  ): Promise<void> {
    const id = randomUUID();
    const { journal } = this.options;
    journal.start({ id, store, action, total: 1, ...(detail ? { detail } : {}) });
    try {
      await run();
      journal.finish(id, [{ accountId, outcome: 'done' }]);
    } catch (error) {
      journal.finish(id, [{ accountId, outcome: 'failed', reason: (error as Error).message }]);
      throw error;
    }
  }
}
