import { randomUUID } from 'node:crypto';
import { DesksideError } from '@shared/contracts';
import { changeProblems, nestChanges } from '@shared/domain/attribute-values';
import {
  emptyCatalog,
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
import type { ActiveConnection, ConnectionService } from '../connections/connection-service';
import { isUnreachable, type ConnectivityMonitor } from '../connections/connectivity';

const iso = (ms: number) => new Date(ms).toISOString();
/** A store's catalog changes rarely; it is fetched again after this long. */
const CATALOG_TTL_MS = 5 * 60_000;

export interface ProfileServiceOptions {
  connections: ConnectionService;
  accounts: AccountCache;
  cache: ProfileCache;
  connectivity: ConnectivityMonitor;
  journal: ActionJournal;
  now?: () => number;
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
 * The account view: the whole profile live from the platform (written through to the cache) or, when the
 * platform cannot be reached, from the cache with its age; the agent's changes, each checked, journalled and
 * followed by a fresh profile; the activity tab's events; the customer-notification choices.
 */
export class ProfileService {
  private readonly now: () => number;
  private readonly catalogs = new Map<string, { catalog: StoreCatalog; at: number }>();

  constructor(private readonly options: ProfileServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs a platform read, noting connectivity; null when the platform cannot be reached (serve the cache). */
  private async live<T>(read: () => Promise<T>): Promise<T | null> {
    const { connectivity } = this.options;
    if (connectivity.offline) return null;
    try {
      const value = await read();
      connectivity.succeeded();
      return value;
    } catch (error) {
      connectivity.failed(error);
      if (isUnreachable(error)) return null;
      throw error;
    }
  }

  async catalog(active: ActiveConnection, store: string, fresh = false): Promise<StoreCatalog> {
    const key = `${active.view.id}\u0000${store}`;
    const memo = this.catalogs.get(key);
    if (memo && !fresh && this.now() - memo.at < CATALOG_TTL_MS) return memo.catalog;
    const catalog = await this.live(() => active.platform.storeCatalog(store));
    if (catalog) {
      this.catalogs.set(key, { catalog, at: this.now() });
      this.options.cache.saveCatalog(active.view.id, store, catalog);
      return catalog;
    }
    const cached = this.options.cache.getCatalog(active.view.id, store);
    if (!cached) throw offlineError(`the identity store ${store}'s schema`);
    return cached.catalog;
  }

  async open(store: string, accountId: string): Promise<ProfileView> {
    const active = await this.options.connections.active();
    const catalog = await this.catalog(active, store).catch((error: unknown) => {
      if (error instanceof DesksideError && error.code === 'OFFLINE') return null;
      throw error;
    });
    if (!catalog) return this.summaryOnly(active, store, accountId);
    let profile;
    try {
      profile = await this.live(() => active.platform.getAccountProfile(store, accountId, catalog));
    } catch (error) {
      if (error instanceof DesksideError && error.code === 'NOT_FOUND')
        this.options.accounts.remove(active.view.id, store, accountId);
      throw error;
    }
    if (profile) {
      const fetchedAt = this.now();
      this.options.cache.saveProfile(active.view.id, profile, fetchedAt);
      return { profile, catalog, source: 'live', fetchedAt: iso(fetchedAt), partial: false };
    }
    const cached = this.options.cache.getProfile(active.view.id, store, accountId);
    if (!cached) return this.summaryOnly(active, store, accountId, catalog);
    return { profile: cached.profile, catalog, source: 'cache', fetchedAt: iso(cached.fetchedAt), partial: false };
  }

  /** Offline, an account found by a search but never opened still shows what the search cached of it. */
  private summaryOnly(
    active: ActiveConnection,
    store: string,
    accountId: string,
    catalog: StoreCatalog = emptyCatalog,
  ): ProfileView {
    const entry = this.options.accounts.get(active.view.id, store, accountId);
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
      },
      catalog,
      source: 'cache',
      fetchedAt: iso(entry.fetchedAt),
      partial: true,
    };
  }

  async events(query: EventQuery): Promise<EventPage & { source: 'live' | 'cache' }> {
    const active = await this.options.connections.active();
    const fromCache = () => ({
      ...this.options.cache.events(active.view.id, query.store, query.accountId, query),
      source: 'cache' as const,
    });
    if (!query.outcome) {
      const page = await this.live(() => active.platform.listAccountEvents(query));
      if (!page) return fromCache();
      this.options.cache.saveEvents(active.view.id, query.store, query.accountId, page.items);
      return { ...page, source: 'live' };
    }
    // The outcome is a label of each event, not a filter of the API: read pages until this one is full.
    const wanted = (query.page + 1) * query.size;
    const matching = [];
    let more = true;
    for (let page = 0; more && matching.length <= wanted && page < 200; page++) {
      const batch = await this.live(() => active.platform.listAccountEvents({ ...query, page, size: 500 }));
      if (!batch) return fromCache();
      this.options.cache.saveEvents(active.view.id, query.store, query.accountId, batch.items);
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
  async fetchAllEvents(active: ActiveConnection, store: string, accountId: string, limit = 100_000): Promise<number> {
    const size = 1000;
    const fetchPage = (page: number) =>
      this.live(() => active.platform.listAccountEvents({ store, accountId, page, size }));
    let count = 0;
    let page = 0;
    let pending: ReturnType<typeof fetchPage> | null = fetchPage(page);
    while (pending) {
      const batch: EventPage | null = await pending;
      if (!batch) break;
      pending = batch.more && count + batch.items.length < limit ? fetchPage(++page) : null;
      this.options.cache.saveEvents(active.view.id, store, accountId, batch.items);
      count += batch.items.length;
    }
    return count;
  }

  async event(eventId: string) {
    const active = await this.options.connections.active();
    const detail = await this.live(() => active.platform.getAccountEvent(eventId));
    if (!detail) throw offlineError("this event's details");
    return detail;
  }

  async notification(store: string, notificationId: string) {
    const active = await this.options.connections.active();
    const catalog = await this.catalog(active, store);
    const detail = await this.live(() => active.platform.getNotification(notificationId, catalog));
    if (!detail) throw offlineError("this message's content");
    return detail;
  }

  async notificationOptions(store: string, accountId: string): Promise<NotificationOption[]> {
    const active = await this.options.connections.active();
    const summary =
      this.options.cache.getProfile(active.view.id, store, accountId)?.profile.summary ??
      this.options.accounts.get(active.view.id, store, accountId)?.summary;
    const organization =
      summary?.organization ?? (await active.platform.getAccountSummary(store, accountId)).organization;
    const options = await this.live(() => active.platform.notificationOptions(store, organization));
    if (!options) throw offlineError('the list of applications');
    return options;
  }

  /** Checks, sends and journals one change, then answers the account as it now is. */
  async act(store: string, accountId: string, action: ProfileAction): Promise<ProfileView> {
    const active = await this.options.connections.active();
    const sent = await this.prepare(active, store, action);
    await this.journalled(active, store, accountId, `profile:${action.kind}`, () =>
      active.platform.applyAction(store, accountId, sent),
    );
    return this.open(store, accountId);
  }

  async deleteAccount(store: string, accountId: string, confirmation: string): Promise<void> {
    const active = await this.options.connections.active();
    const summary =
      this.options.accounts.get(active.view.id, store, accountId)?.summary ??
      (await active.platform.getAccountSummary(store, accountId));
    const expected = deletionConfirmation(summary);
    if (confirmation.trim() !== expected)
      throw new DesksideError({
        code: 'VALIDATION',
        message: `Type ${expected} to confirm deleting this account.`,
        fieldErrors: { confirmation: [`must be ${expected}`] },
      });
    await this.journalled(active, store, accountId, 'profile:deleteAccount', () =>
      active.platform.deleteAccount(store, accountId),
    );
    this.options.accounts.remove(active.view.id, store, accountId);
  }

  async download(store: string, accountId: string, fileType: 'html' | 'json'): Promise<string> {
    const active = await this.options.connections.active();
    this.assertOnline();
    try {
      const content = await active.platform.downloadPersonalData(store, accountId, fileType);
      this.options.connectivity.succeeded();
      return content;
    } catch (error) {
      this.options.connectivity.failed(error);
      throw error;
    }
  }

  private assertOnline(): void {
    if (this.options.connectivity.offline)
      throw new DesksideError({
        code: 'OFFLINE',
        message: 'The platform cannot be reached: changes are disabled until it answers again.',
      });
  }

  /** Attribute changes are checked against the schema before anything is sent. */
  private async prepare(active: ActiveConnection, store: string, action: ProfileAction): Promise<ProfileAction> {
    this.assertOnline();
    if (action.kind !== 'updateAttributes') return action;
    if (Object.keys(action.changes).length === 0)
      throw new DesksideError({ code: 'VALIDATION', message: 'There are no changes to save.' });
    const catalog = await this.catalog(active, store);
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
    active: ActiveConnection,
    store: string,
    accountId: string,
    action: string,
    run: () => Promise<void>,
  ): Promise<void> {
    const id = randomUUID();
    const { journal, connectivity } = this.options;
    journal.start({ id, connectionId: active.view.id, store, action, total: 1 });
    try {
      await run();
      connectivity.succeeded();
      journal.finish(id, [{ accountId, outcome: 'done' }]);
    } catch (error) {
      connectivity.failed(error);
      journal.finish(id, [{ accountId, outcome: 'failed', reason: (error as Error).message }]);
      throw error;
    }
  }
}
