import { z } from 'zod';
import { AccountRef, AccountSummary, StoreName } from '../domain/account';
import { IdentityStore } from '../domain/identity-store';
import { StoreCatalog } from '../domain/profile';
import { AccountFilter, SearchPage, SearchRequest } from '../domain/search';
import { defineContract, defineEvent, NoInput } from './define';

export const CachedAccount = z.object({
  account: AccountSummary,
  source: z.enum(['live', 'cache']),
  fetchedAt: z.string(),
});
export const RecentAccount = z.object({ account: AccountSummary, openedAt: z.string(), fetchedAt: z.string() });

/** The connection's identity stores and each one's catalog: live, or from the cache while offline. */
export const storeContracts = {
  list: defineContract({ channel: 'stores:list', input: NoInput, output: z.array(IdentityStore) }),
  /** The store's schema, groups, organizations, roles and the names behind the other ids accounts refer to. */
  catalog: defineContract({
    channel: 'stores:catalog',
    input: z.strictObject({ store: StoreName }),
    output: StoreCatalog,
  }),
};

export const accountContracts = {
  search: defineContract({ channel: 'accounts:search', input: SearchRequest, output: SearchPage }),
  /** One account's summary: live when the platform answers, from the cache (with its age) when it does not. */
  get: defineContract({ channel: 'accounts:get', input: AccountRef, output: CachedAccount }),
  recent: defineContract({ channel: 'accounts:recent', input: NoInput, output: z.array(RecentAccount) }),
  /** Every result of a search (up to 10,000 accounts) as a CSV file, saved where the agent chooses. */
  exportCsv: defineContract({
    channel: 'accounts:export-csv',
    input: SearchRequest.omit({ page: true, size: true }),
    output: z.object({
      path: z.string().nullable(),
      rows: z.number().int(),
      truncated: z.boolean(),
      source: z.enum(['live', 'cache']),
    }),
  }),
};

export const accountEvents = {
  /** The recent list changed (an account was opened): the list as it now is. */
  recentChanged: defineEvent({ channel: 'accounts:recent-changed', payload: z.array(RecentAccount) }),
};

export const SavedSearch = z.object({
  id: z.string(),
  store: z.string(),
  name: z.string(),
  filter: AccountFilter,
  pinned: z.boolean(),
  lastRunAt: z.string().nullable(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const searchContracts = {
  list: defineContract({ channel: 'searches:list', input: NoInput, output: z.array(SavedSearch) }),
  save: defineContract({
    channel: 'searches:save',
    input: z.strictObject({
      id: z.string().max(64).optional(),
      store: StoreName,
      name: z.string().trim().min(1).max(80),
      filter: AccountFilter,
      pinned: z.boolean(),
    }),
    output: SavedSearch,
  }),
  remove: defineContract({
    channel: 'searches:remove',
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.null(),
  }),
  /** The results cached when the search last ran, for an instant answer and for offline use. */
  lastResults: defineContract({
    channel: 'searches:last-results',
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: SearchPage.nullable(),
  }),
  /** Runs a saved search (first page) and caches its results. */
  run: defineContract({
    channel: 'searches:run',
    input: z.strictObject({ id: z.string().min(1).max(64), page: z.number().int().min(0).default(0) }),
    output: SearchPage,
  }),
};
