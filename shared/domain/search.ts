import { z } from 'zod';
import { AccountSummary, StoreName } from './account';

export const DateField = z.enum([
  'createdAt',
  'updatedAt',
  'disabledAt',
  'lastLoginAt',
  'lastAuthenticationActivityAt',
]);
export type DateField = z.infer<typeof DateField>;

/** A date bound: an ISO timestamp or a signed ISO-8601 duration relative to now (-P30D). */
const DateBound = z
  .string()
  .regex(
    /^([+-]P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)$/,
    'a date or a duration such as -P30D',
  );

/** Last-login bounds, which the Admin API refuses beside neverLoggedIn=true. */
export const loginDateFields: readonly DateField[] = ['lastLoginAt', 'lastAuthenticationActivityAt'];

/** Every filter listAccounts offers, in the console's words. All combine with AND. */
export const AccountFilter = z
  .strictObject({
    loginIdentifier: z.string().trim().max(320).optional(),
    id: z.string().trim().max(64).optional(),
    email: z.string().trim().max(320).optional(),
    username: z.string().trim().max(256).optional(),
    attributes: z.record(z.string().max(128), z.string().max(512)).optional(),
    dates: z.partialRecord(DateField, z.object({ from: DateBound.optional(), to: DateBound.optional() })).optional(),
    neverLoggedIn: z.boolean().optional(),
    enabled: z.boolean().optional(),
    organization: z.string().max(64).optional(),
    organizationScope: z.string().max(64).optional(),
    groups: z.object({ ids: z.array(z.string().max(64)).max(50), mode: z.enum(['include', 'exclude']) }).optional(),
    roles: z
      .object({
        pairs: z.array(z.object({ organization: z.string().max(64), role: z.string().max(64) })).max(50),
        mode: z.enum(['include', 'exclude']),
      })
      .optional(),
  })
  .refine(
    (filter) =>
      !filter.neverLoggedIn ||
      !loginDateFields.some((field) => filter.dates?.[field]?.from || filter.dates?.[field]?.to),
    {
      message: '"Never logged in" cannot be combined with a last login or last authentication date',
      path: ['neverLoggedIn'],
    },
  );
export type AccountFilter = z.infer<typeof AccountFilter>;

/** The account's own dates: the account response has no email or username field to sort by. */
export const SortField = z.enum(['createdAt', 'updatedAt', 'lastLogin']);
export const SearchRequest = z.strictObject({
  store: StoreName,
  filter: AccountFilter,
  page: z.number().int().min(0).max(100_000).default(0),
  size: z.number().int().min(1).max(200).default(50),
  sort: z.object({ field: SortField, direction: z.enum(['asc', 'desc']) }).optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchPage = z.object({
  items: z.array(AccountSummary),
  page: z.number().int(),
  size: z.number().int(),
  /** Null when the platform does not say (the total is an extension of the sandbox). */
  total: z.number().int().nullable(),
  totalCapped: z.boolean(),
  /** Where the answer came from: the platform now, or the cache (offline) with the time it was fetched. */
  source: z.enum(['live', 'cache']),
  fetchedAt: z.string(),
  /** Filters the cache could not apply when the answer came from it (memberships, attributes). */
  unapplied: z.array(z.string()),
});
export type SearchPage = z.infer<typeof SearchPage>;
