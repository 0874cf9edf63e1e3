import type { AccountFilter } from '@shared/domain/search';

/**
 * What the agent typed in the quick search box, as a filter: "@example.com" is an email domain, an address an
 * email, a UUID an account id, "+3630..." a phone number; anything else is a login identifier.
 */
export function guessFilter(
  text: string,
): { filter: AccountFilter; kind: 'email domain' | 'email' | 'account id' | 'phone' | 'login identifier' } | null {
  const value = text.trim();
  if (!value) return null;
  if (/^@[\w.-]+\.[a-z]{2,}$/i.test(value)) return { filter: { loginIdentifier: value }, kind: 'email domain' };
  if (/^[^\s@]+@[\w.-]+\.[a-z]{2,}$/i.test(value)) return { filter: { email: value }, kind: 'email' };
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    return { filter: { id: value }, kind: 'account id' };
  if (/^\+?[\d\s()-]{7,}$/.test(value))
    return { filter: { loginIdentifier: value.replace(/[\s()-]/g, '') }, kind: 'phone' };
  return { filter: { loginIdentifier: value }, kind: 'login identifier' };
}

/** Drops empty parts so a saved or sent filter holds only what the agent set. */
export function compactFilter(filter: AccountFilter): AccountFilter {
  const result: AccountFilter = {};
  for (const [key, value] of Object.entries(filter) as Array<[keyof AccountFilter, unknown]>) {
    if (value === undefined || value === '' || value === null) continue;
    if (key === 'attributes') {
      const attributes = Object.fromEntries(
        Object.entries(value as Record<string, string>).filter(([, text]) => text.trim() !== ''),
      );
      if (Object.keys(attributes).length > 0) result.attributes = attributes;
      continue;
    }
    if (key === 'dates') {
      const dates = Object.fromEntries(
        Object.entries(value as Record<string, { from?: string; to?: string }>).filter(
          ([, range]) => range && (range.from || range.to),
        ),
      );
      if (Object.keys(dates).length > 0) result.dates = dates as AccountFilter['dates'];
      continue;
    }
    if (key === 'groups' && (value as { ids: string[] }).ids.length === 0) continue;
    if (key === 'roles' && (value as { pairs: unknown[] }).pairs.length === 0) continue;
    (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
