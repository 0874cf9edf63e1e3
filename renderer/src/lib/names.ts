import type { Organization } from '@shared/domain/identity-store';

/** An organization by its name (its id where the catalog does not know it, e.g. offline before it was read). */
export function organizationName(organizations: readonly Organization[], id: string): string {
  return organizations.find((organization) => organization.id === id)?.name ?? id;
}

/** An organization's name with its id beside it, where the id may be needed (to copy, or to tell two apart). */
export function organizationWithId(organizations: readonly Organization[], id: string): string {
  const name = organizationName(organizations, id);
  return name === id ? id : `${name} (${id})`;
}
