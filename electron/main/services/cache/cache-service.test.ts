import { afterEach, describe, expect, it, vi } from 'vitest';
import { events } from '@shared/contracts';
import { defaultSettings, type Settings } from '@shared/domain/settings';
import { EventBus } from '../../ipc/event-bus';
import { silentLogger } from '../logger';
import { SettingsService } from '../settings/settings-service';
import { AccountCache } from './account-cache';
import { CacheMaintenance } from './cache-maintenance';
import { openCache } from './cache-database';
import { CacheService } from './cache-service';
import { summary } from '../../../../tests/fixtures/account-summaries';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

function wired() {
  let clock = NOW;
  const { db } = openCache(':memory:', silentLogger, { encryption: 'plain' });
  const cache = new AccountCache(db, 'c', () => clock);
  let stored: Settings = { ...defaultSettings };
  const bus = new EventBus();
  const pushed: unknown[] = [];
  bus.subscribe((channel, payload) => {
    if (channel === events.cacheChanged.channel) pushed.push(payload);
  });
  const settings = new SettingsService({ read: () => stored, write: (next) => void (stored = next) }, bus);
  const service = new CacheService(new CacheMaintenance(db), settings, bus, { now: () => clock });
  const ids = () =>
    cache
      .search('consumers', {}, 0, 50)
      .items.map((item) => item.summary.id)
      .sort();
  return { cache, service, pushed, ids, advance: (ms: number) => (clock += ms) };
}

afterEach(() => vi.useRealTimers());

describe('cache retention and clearing', () => {
  it('purges what is older than the retention at start and every hour after, as the clock moves', () => {
    vi.useFakeTimers();
    const { cache, service, ids, advance } = wired();
    cache.upsertSummaries([summary({ id: 'old' })], NOW - 31 * DAY);
    cache.upsertSummaries([summary({ id: 'aging' })], NOW - 29.5 * DAY);
    cache.upsertSummaries([summary({ id: 'fresh' })], NOW - DAY);
    service.startRetention();
    expect(ids()).toEqual(['aging', 'fresh']);
    // Thirteen hours on, "aging" is past 30 days; the next hourly purge takes it.
    advance(13 * 3_600_000);
    vi.advanceTimersByTime(13 * 3_600_000);
    expect(ids()).toEqual(['fresh']);
    service.stop();
  });

  it('a shorter retention purges at once and says so; clearing empties the cache and says so', () => {
    const { cache, service, ids, pushed } = wired();
    cache.upsertSummaries([summary({ id: 'week' })], NOW - 7 * DAY);
    cache.upsertSummaries([summary({ id: 'today' })], NOW - 3_600_000);
    const status = service.setRetention(2);
    expect(ids()).toEqual(['today']);
    expect(status).toMatchObject({ accounts: 1, retentionDays: 2 });
    expect(pushed.at(-1)).toEqual(status);
    const cleared = service.clear();
    expect(ids()).toEqual([]);
    expect(cleared).toMatchObject({ accounts: 0, oldestFetchedAt: null });
    expect(pushed.at(-1)).toEqual(cleared);
  });
});
