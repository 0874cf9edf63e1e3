import { events } from '@shared/contracts';
import { ConsoleAction, type AllowedActions } from '@shared/domain/console-actions';
import type { ConnectionView } from '@shared/domain/connection';
import type { EventBus } from '../../ipc/event-bus';
import { AccountService } from '../accounts/account-service';
import { BulkRunner } from '../bulk/bulk-runner';
import { AccountCache } from '../cache/account-cache';
import { ActionJournal } from '../cache/action-journal';
import type { CacheDb } from '../cache/cache-database';
import { CatalogCache } from '../cache/catalog-cache';
import { ProfileCache } from '../cache/profile-cache';
import { SavedSearches } from '../cache/saved-searches';
import { CatalogService } from '../catalog/catalog-service';
import { ConnectivityMonitor } from '../identity-platform/connectivity';
import type { FileSaver, PdfPrinter } from '../files/file-saver';
import type { IdentityPlatform } from '../identity-platform/identity-platform';
import { reachablePlatform } from '../identity-platform/reachable-platform';
import { ProfileService } from '../profiles/profile-service';
import { ReportService } from '../reports/report-service';
import { SavedSearchService } from '../searches/saved-search-service';

/** What every workspace shares: the cache database, the event bus, where files go, who the agent is. */
export interface WorkspaceEnvironment {
  db: CacheDb;
  bus: EventBus;
  files: FileSaver;
  pdf: PdfPrinter | null;
  /** The agent's name for reports, read when a report is made. */
  agent: () => string;
  now: () => number;
  /** How often an offline platform is probed (tests shorten it). */
  probeIntervalMs?: number;
}

/** Until the platform says what the connection was granted, nothing is refused in advance (its 403s still say). */
export const allAllowed = (): AllowedActions =>
  Object.fromEntries(ConsoleAction.options.map((action) => [action, { allowed: true }])) as AllowedActions;

/**
 * Everything done through one connection: its platform (wrapped once to record reachability and to refuse changes
 * while offline), the cache already bound to it, and the services over both. Built when the connection becomes the
 * active one and disposed when another takes its place, so no service threads the connection by hand.
 */
export class Workspace {
  readonly connectivity: ConnectivityMonitor;
  /** The platform as the services use it (see reachablePlatform). */
  readonly platform: IdentityPlatform;
  readonly cache: { accounts: AccountCache; profiles: ProfileCache; catalogs: CatalogCache; journal: ActionJournal };
  readonly catalog: CatalogService;
  readonly accounts: AccountService;
  readonly profiles: ProfileService;
  readonly searches: SavedSearchService;
  readonly bulk: BulkRunner;
  readonly reports: ReportService;
  private disposed = false;
  private permissions = { granted: [] as string[], missing: [] as string[], allowed: allAllowed() };

  constructor(
    readonly connection: ConnectionView,
    platform: IdentityPlatform,
    environment: WorkspaceEnvironment,
  ) {
    const { db, bus, now } = environment;
    const id = connection.id;
    this.connectivity = new ConnectivityMonitor(bus, now, environment.probeIntervalMs);
    this.connectivity.setProbe(() => platform.listIdentityStores());
    this.connectivity.reset();
    this.platform = reachablePlatform(platform, this.connectivity);
    const accounts = new AccountCache(db, id, now);
    this.cache = {
      accounts,
      profiles: new ProfileCache(db, accounts, now),
      catalogs: new CatalogCache(db, id, now),
      journal: new ActionJournal(db, id, now),
    };
    this.catalog = new CatalogService(this.platform, this.cache.catalogs, now);
    this.accounts = new AccountService(this.platform, accounts, now);
    this.profiles = new ProfileService({
      platform: this.platform,
      accounts,
      cache: this.cache.profiles,
      catalog: this.catalog,
      journal: this.cache.journal,
      tenantUrl: connection.baseUrl,
      opened: (store, accountId) => bus.emit(events.recentChanged, this.accounts.opened(store, accountId)),
      now,
    });
    this.searches = new SavedSearchService(new SavedSearches(db, id, now), this.accounts);
    this.bulk = new BulkRunner(this.platform, this.cache.journal, accounts, bus, () => this.connectivity.offline);
    this.reports = new ReportService({
      connection,
      profiles: this.profiles,
      accounts: this.accounts,
      cache: this.cache.profiles,
      files: environment.files,
      pdf: environment.pdf,
      agent: environment.agent,
      now,
    });
    // The first call tells whether the platform answers, what the connection was granted and what that allows;
    // they are known before "online" is announced, so the status read on that event has them.
    void Promise.all([platform.permissions(), platform.allowedActions()]).then(
      ([{ granted, missing }, allowed]) => {
        if (this.disposed) return;
        this.permissions = { granted, missing, allowed };
        this.connectivity.succeeded();
      },
      (error: unknown) => {
        if (!this.disposed) this.connectivity.failed(error);
      },
    );
  }

  /** What the status bar and the gates read: the connection, whether it answers, and what it allows. */
  status() {
    return {
      active: this.connection,
      connectivity: this.connectivity.current(),
      scopes: this.permissions.granted,
      missingScopes: this.permissions.missing,
      allowedActions: this.permissions.allowed,
    };
  }

  dispose(): void {
    this.disposed = true;
    this.bulk.dispose();
    this.connectivity.dispose();
  }
}
