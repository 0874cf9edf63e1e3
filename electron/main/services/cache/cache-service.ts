import { events } from '@shared/contracts';
import type { EventBus } from '../../ipc/event-bus';
import type { SettingsService } from '../settings/settings-service';
import type { CacheMaintenance } from './cache-maintenance';
import { purgeMovedAsideCopies } from './cache-database';

const DAY = 86_400_000;

/** Retention and clearing of cached personal data, and what the status bar says about the cache. */
export class CacheService {
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly now: () => number;

  constructor(
    private readonly cache: CacheMaintenance,
    private readonly settings: SettingsService,
    private readonly bus: EventBus,
    private readonly options: {
      /** Where an unreadable cache was moved at start, so the agent can be told. */
      recoveredFrom?: string | null;
      /** Why the cache's key is not kept by the OS, when it is not. */
      keyWarning?: string | null;
      now?: () => number;
      /** The cache file, whose copies moved aside after corruption fall under the same retention. */
      cacheFile?: string | null;
    } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Purges now and then every hour while Deskside runs. */
  startRetention(): void {
    this.purge();
    this.timer = setInterval(() => this.purge(), 3_600_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  purge(): number {
    const cutoff = this.now() - this.settings.get().cacheRetentionDays * DAY;
    if (this.options.cacheFile) purgeMovedAsideCopies(this.options.cacheFile, cutoff);
    return this.cache.purgeOlderThan(cutoff);
  }

  status() {
    const stats = this.cache.stats();
    return {
      accounts: stats.accounts,
      oldestFetchedAt: stats.oldestFetchedAt === null ? null : new Date(stats.oldestFetchedAt).toISOString(),
      retentionDays: this.settings.get().cacheRetentionDays,
      recoveredFrom: this.options.recoveredFrom ?? null,
      keyWarning: this.options.keyWarning ?? null,
    };
  }

  clear() {
    this.cache.clear();
    return this.announce();
  }

  setRetention(days: number) {
    this.settings.set({ cacheRetentionDays: days });
    this.purge();
    return this.announce();
  }

  private announce() {
    const status = this.status();
    this.bus.emit(events.cacheChanged, status);
    return status;
  }
}
