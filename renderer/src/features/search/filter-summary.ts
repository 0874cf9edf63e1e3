import type { StoreCatalog } from '@shared/domain/profile';
import type { AccountFilter, DateField } from '@shared/domain/search';

export const dateFields: Array<[DateField, string]> = [
  ['createdAt', 'Created'],
  ['updatedAt', 'Updated'],
  ['disabledAt', 'Disabled'],
  ['lastLoginAt', 'Last login'],
  ['lastAuthenticationActivityAt', 'Last authentication activity'],
];

/** Presets as the API takes them: signed ISO-8601 durations from now. */
export const datePresets: Array<[string, { from?: string; to?: string }]> = [
  ['Last 24 hours', { from: '-P1D' }],
  ['Last 7 days', { from: '-P7D' }],
  ['Last 30 days', { from: '-P30D' }],
  ['Last 90 days', { from: '-P90D' }],
  ['More than a year ago', { to: '-P365D' }],
];

/** One active filter, in words, and the filter without it. */
export interface FilterPart {
  id: string;
  label: string;
  without(filter: AccountFilter): AccountFilter;
}

const omit = <K extends keyof AccountFilter>(filter: AccountFilter, ...keys: K[]): AccountFilter => {
  const next = { ...filter };
  for (const key of keys) delete next[key];
  return next;
};

/** A date range in words: its preset's name, or its bounds. */
export function describeRange(range: { from?: string | undefined; to?: string | undefined }): string {
  const preset = datePresets.find(([, value]) => value.from === range.from && value.to === range.to);
  if (preset) return preset[0].toLowerCase();
  if (range.from && range.to) return `${range.from.slice(0, 10)} to ${range.to.slice(0, 10)}`;
  return range.from ? `from ${range.from.slice(0, 10)}` : `until ${range.to?.slice(0, 10) ?? ''}`;
}

/**
 * The filters of a search, each in the words of the panel (names, not ids) and removable on its own: the summary
 * above the results.
 */
export function filterParts(filter: AccountFilter, catalog: StoreCatalog): FilterPart[] {
  const parts: FilterPart[] = [];
  const nameOf = (list: Array<{ id: string; name: string }>, id: string) =>
    list.find((item) => item.id === id)?.name ?? id;
  for (const [key, label] of [
    ['loginIdentifier', 'Login identifier'],
    ['email', 'Email'],
    ['username', 'Username'],
    ['id', 'Account id'],
  ] as const) {
    const value = filter[key]?.trim();
    if (value) parts.push({ id: key, label: `${label}: ${value}`, without: (current) => omit(current, key) });
  }
  for (const [key, value] of Object.entries(filter.attributes ?? {})) {
    if (value === '') continue;
    const attribute = catalog.schema.find((candidate) => candidate.key === key);
    const shown = attribute?.options.find((option) => option.value === value)?.label ?? value;
    parts.push({
      id: `attribute:${key}`,
      label: `${attribute?.displayName ?? key}: ${shown}`,
      without: (current) => {
        const attributes = { ...(current.attributes ?? {}) };
        delete attributes[key];
        return Object.keys(attributes).length > 0 ? { ...current, attributes } : omit(current, 'attributes');
      },
    });
  }
  if (filter.enabled !== undefined)
    parts.push({
      id: 'enabled',
      label: filter.enabled ? 'Enabled' : 'Disabled',
      without: (current) => omit(current, 'enabled'),
    });
  if (filter.neverLoggedIn)
    parts.push({ id: 'neverLoggedIn', label: 'Never logged in', without: (current) => omit(current, 'neverLoggedIn') });
  for (const [field, label] of dateFields) {
    const range = filter.dates?.[field];
    if (!range || (!range.from && !range.to)) continue;
    parts.push({
      id: `date:${field}`,
      label: `${label}: ${describeRange(range)}`,
      without: (current) => {
        const dates = { ...(current.dates ?? {}) };
        delete dates[field];
        return Object.keys(dates).length > 0 ? { ...current, dates } : omit(current, 'dates');
      },
    });
  }
  const organization = filter.organization ?? filter.organizationScope;
  if (organization)
    parts.push({
      id: 'organization',
      label: `Organization: ${nameOf(catalog.organizations, organization)}${filter.organizationScope ? ' and below' : ''}`,
      without: (current) => omit(current, 'organization', 'organizationScope'),
    });
  if (filter.groups && filter.groups.ids.length > 0)
    parts.push({
      id: 'groups',
      label: `${filter.groups.mode === 'include' ? 'In group' : 'In no group of'}: ${filter.groups.ids
        .map((id) => nameOf(catalog.groups, id))
        .join(filter.groups.mode === 'include' ? ' or ' : ', ')}`,
      without: (current) => omit(current, 'groups'),
    });
  if (filter.roles && filter.roles.pairs.length > 0)
    parts.push({
      id: 'roles',
      label: `${filter.roles.mode === 'include' ? 'With role' : 'With no role of'}: ${filter.roles.pairs
        .map((pair) => `${nameOf(catalog.organizations, pair.organization)}: ${nameOf(catalog.roles, pair.role)}`)
        .join(filter.roles.mode === 'include' ? ' or ' : ', ')}`,
      without: (current) => omit(current, 'roles'),
    });
  return parts;
}
