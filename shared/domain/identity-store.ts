import { z } from 'zod';

export const IdentityStore = z.object({ name: z.string(), description: z.string() });
export type IdentityStore = z.infer<typeof IdentityStore>;

/** One attribute of a store's schema, as the search panel and the attributes tab need it. */
export const AttributeDefinition = z.object({
  id: z.string(),
  /** Dotted key of the value in the account data, e.g. name.givenName. */
  key: z.string(),
  type: z.string(),
  displayName: z.string(),
  visible: z.boolean(),
  editable: z.boolean(),
  required: z.boolean(),
  searchable: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export const NamedEntity = z.object({ id: z.string(), name: z.string() });
export type NamedEntity = z.infer<typeof NamedEntity>;

export const Organization = NamedEntity.extend({ parentId: z.string().nullable() });
export type Organization = z.infer<typeof Organization>;
