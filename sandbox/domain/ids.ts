import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** example.com -> moc.elpmaxe: a domain and all its subdomains become one index range. */
export function reverseDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  return [...email.slice(at + 1).toLowerCase()].reverse().join('');
}
