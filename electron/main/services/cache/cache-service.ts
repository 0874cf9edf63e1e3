import { events } from '@shared/contracts';
import type { EventBus } from '../../ipc/event-bus';
import type { SettingsService } from '../settings/settings-service';
import type { AccountCache } from './account-cache';
import { purgeMovedAsideCopies } from './cache-database';

const DAY = 86_400_000;

/** Retention and clearing of cached personal data, and what the status bar says about the cache. */
export class CacheService {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly cache: AccountCache,
    private readonly settings: SettingsService,
    private readonly bus: EventBus,
    private readonly recoveredFrom: string | null,
    private readonly now: () => number = Date.now,
    /** The cache file, whose copies moved aside after corruption fall under the same retention. */
    private readonly cacheFile: string | null = null,
  ) {}

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
    if (this.cacheFile) purgeMovedAsideCopies(this.cacheFile, cutoff);
    return this.cache.purgeOlderThan(cutoff);
  }

  status() {
    const stats = this.cache.stats();
    return {
      accounts: stats.accounts,
      oldestFetchedAt: stats.oldestFetchedAt === null ? null : new Date(stats.oldestFetchedAt).toISOString(),
      retentionDays: this.settings.get().cacheRetentionDays,
      recoveredFrom: this.recoveredFrom,
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
