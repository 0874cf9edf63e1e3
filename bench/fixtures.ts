import type { AccountSummary } from '../shared/domain/account';
import type { AccountFilter } from '../shared/domain/search';

const names = ['Ada', 'Grace', 'Linus', 'Margaret', 'Zsófia', 'Hiroshi', 'Priya', 'Emeka', 'Olga', 'Lars'];
const families = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Nagy',
  'Tanaka',
  'Sharma',
  'Okafor',
  'Ivanova',
  'Larsen',
];
const domains = ['example.com', 'inbox.example', 'eu.inbox.example', 'mail.example.org'];

/**
 * The index-th of a deterministic population of account summaries: names and families repeat (so words are
 * shared the way real names are), a third have usernames, a quarter phones, one in fifteen is disabled.
 */
export function syntheticAccount(index: number, now = Date.now()): AccountSummary {
  const given = names[index % names.length]!;
  const family = families[Math.floor(index / names.length) % families.length]!;
  return {
    id: `acc-${index}`,
    store: 'consumers',
    displayName: `${given} ${family}`,
    username: index % 3 === 0 ? `${given.toLowerCase()}${index}` : null,
    email: `${given.toLowerCase()}.${family.toLowerCase()}${index}@${domains[index % domains.length]}`,
    emailVerified: index % 7 !== 0,
    phone: index % 4 === 0 ? `+3630${String(index).padStart(7, '0')}` : null,
    phoneVerified: index % 4 === 0 ? index % 8 === 0 : null,
    enabled: index % 15 !== 0,
    locked: index % 50 === 0,
    externalIdentity: index % 11 === 0,
    organization: null,
    lastLoginAt: new Date(now - (index % 400) * 86_400_000).toISOString(),
    createdAt: new Date(now - (index % 900) * 86_400_000).toISOString(),
    updatedAt: null,
  };
}

/** Fills a cache with `count` synthetic accounts, in batches as searches would. */
export function fillCache(cache: { upsertSummaries(summaries: AccountSummary[]): void }, count: number): void {
  const now = Date.now();
  for (let start = 0; start < count; start += 5000)
    cache.upsertSummaries(
      Array.from({ length: Math.min(5000, count - start) }, (_, offset) => syntheticAccount(start + offset, now)),
    );
}

/** Searches an agent types into the search panel offline, answered by the local cache (FTS5 and filters). */
export const localSearches: readonly AccountFilter[] = [
  { loginIdentifier: 'ada.lovelace12' },
  { loginIdentifier: 'hopper' },
  { loginIdentifier: 'zsofia nagy' },
  { loginIdentifier: '@eu.inbox.example' },
  { loginIdentifier: '+36300000400' },
  { email: syntheticAccount(41).email! },
  { loginIdentifier: 'lars', enabled: false },
];

/** The searches an agent runs most, one of each filter kind, for the benchmarks that search through a platform. */
export const typicalSearches: readonly AccountFilter[] = [
  { loginIdentifier: '@inbox.example' },
  { attributes: { loyaltyTier: 'gold' } },
  { enabled: false },
  { dates: { createdAt: { from: '-P30D' } } },
  { loginIdentifier: 'ada' },
  { neverLoggedIn: true },
];
