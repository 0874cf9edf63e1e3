/**
 * What Deskside reads from Admin API responses, as lenient zod schemas: unknown fields pass, fields a real
 * platform may omit are optional. The type checks at the end tie them to the generated document types, so a
 * change of the API's shape breaks the build here rather than at run time.
 */
import { z } from 'zod';
import type { AdminApiSchemas } from '@shared/admin-api/types';

const when = z.string();
const json = z.record(z.string(), z.unknown());

export const ApiPaged = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    content: z.array(item),
    page: z
      .looseObject({ number: z.number(), size: z.number(), totalElements: z.number(), totalPages: z.number() })
      .optional(),
  });

export const ApiIdentityStore = z.looseObject({ name: z.string(), description: z.string().optional() });

export const ApiAttribute = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  displayName: z.string(),
  path: z.string().optional(),
  required: z.boolean().optional(),
  displayOnAdminConsole: z.boolean().optional(),
  editableOnAdminConsole: z.boolean().optional(),
  indexing: z.string().optional(),
  values: z.array(z.looseObject({ value: z.string(), displayName: z.string() })).optional(),
});

export const ApiAccount = z.looseObject({
  id: z.string(),
  store: z.string().optional(),
  enabled: z.boolean(),
  organization: z.string().nullable().optional(),
  createdAt: when.optional(),
  updatedAt: when.optional(),
  disabledAt: when.optional(),
  lastLogin: z.looseObject({ time: when.optional() }).optional(),
  accountInfo: json.optional(),
  identities: json.optional(),
  accountLockout: z
    .looseObject({ locks: z.record(z.string(), z.looseObject({ until: when.nullable().optional() })).optional() })
    .optional(),
});
export type ApiAccount = z.infer<typeof ApiAccount>;

export const ApiGroup = z.looseObject({ id: z.string(), name: z.string() });
export const ApiOrganization = z.looseObject({
  id: z.string(),
  name: z.string(),
  parent: z.looseObject({ id: z.string() }).optional(),
});
export const ApiRole = z.looseObject({ id: z.string(), name: z.string() });

// ---- the generated types must fit what is read here (compile-time only)
/** The declared fields of a loose object type, at every depth, without index signatures. */
type Known<T> =
  T extends ReadonlyArray<infer U>
    ? Array<Known<U>>
    : T extends object
      ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
      : T;
type Fits<Generated, Read> = NonNullable<Generated> extends Known<Read> ? true : false;
const fits = <T extends true>(value: T) => value;
fits<Fits<AdminApiSchemas['AccountResponse_Account'], z.input<typeof ApiAccount>>>(true);
fits<Fits<AdminApiSchemas['AccountAttribute'], z.input<typeof ApiAttribute>>>(true);
fits<Fits<AdminApiSchemas['IdentityStoreListResponse'], z.input<typeof ApiIdentityStore>>>(true);
fits<Fits<AdminApiSchemas['GroupResponse'], z.input<typeof ApiGroup>>>(true);
fits<Fits<AdminApiSchemas['OrganizationListResponse'], z.input<typeof ApiOrganization>>>(true);
fits<Fits<AdminApiSchemas['RoleResponse'], z.input<typeof ApiRole>>>(true);
