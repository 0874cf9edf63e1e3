import { z } from 'zod';
import { defineContract, defineEvent, NoInput } from './define';

export const CacheStatus = z.object({
  accounts: z.number().int(),
  oldestFetchedAt: z.string().nullable(),
  retentionDays: z.number().int(),
  /** Set when the cache file was unreadable at start and a new one was made. */
  recoveredFrom: z.string().nullable(),
  /** Set when the cache is encrypted with a key kept in a private file, because the OS could not keep it. */
  keyWarning: z.string().nullable(),
});

export const cacheContracts = {
  status: defineContract({ channel: 'cache:status', input: NoInput, output: CacheStatus }),
  clear: defineContract({ channel: 'cache:clear', input: NoInput, output: CacheStatus }),
  setRetention: defineContract({
    channel: 'cache:set-retention',
    input: z.strictObject({ days: z.number().int().min(1).max(365) }),
    output: CacheStatus,
  }),
};

export const cacheEvents = {
  changed: defineEvent({ channel: 'cache:changed', payload: CacheStatus }),
};
