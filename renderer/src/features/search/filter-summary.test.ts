import { describe, expect, it } from 'vitest';
import { emptyCatalog, type StoreCatalog } from '@shared/domain/profile';
import { filterParts } from './filter-summary';

const catalog: StoreCatalog = {
  ...emptyCatalog,
  schema: [
    {
      id: 'tier',
      key: 'customer.tier',
      type: 'SELECT',
      displayName: 'Customer tier',
      visible: true,
      editable: true,
      required: false,
      searchable: true,
      options: [{ value: 'plat', label: 'Platinum' }],
    },
  ],
  organizations: [{ id: 'acme', name: 'Acme Corporation', parentId: null }],
  groups: [
    { id: 'g-fin', name: 'Finance approvers' },
    { id: 'g-ops', name: 'Operations' },
  ],
  roles: [{ id: 'r-admin', name: 'Administrator' }],
};

describe('the summary of active filters', () => {
  it('names each filter as the panel does (names, not ids) and drops it alone', () => {
    const filter = {
      loginIdentifier: '@example.com',
      attributes: { 'customer.tier': 'plat' },
      enabled: false,
      dates: { createdAt: { from: '-P30D' }, lastLoginAt: { from: '2026-01-02', to: '2026-02-03' } },
      organizationScope: 'acme',
      groups: { ids: ['g-fin', 'g-ops'], mode: 'include' as const },
      roles: { pairs: [{ organization: 'acme', role: 'r-admin' }], mode: 'exclude' as const },
    };
    const parts = filterParts(filter, catalog);
    expect(parts.map((part) => part.label)).toEqual([
      'Login identifier: @example.com',
      'Customer tier: Platinum',
      'Disabled',
      'Created: last 30 days',
      'Last login: 2026-01-02 to 2026-02-03',
      'Organization: Acme Corporation and below',
      'In group: Finance approvers or Operations',
      'With no role of: Acme Corporation: Administrator',
    ]);
    const without = (id: string) => parts.find((part) => part.id === id)!.without(filter);
    expect(without('attribute:customer.tier')).not.toHaveProperty('attributes');
    expect(without('date:createdAt').dates).toEqual({ lastLoginAt: { from: '2026-01-02', to: '2026-02-03' } });
    expect(without('organization')).not.toHaveProperty('organizationScope');
    const { enabled: _enabled, ...rest } = filter;
    expect(without('enabled')).toEqual(rest);
  });

  it('shows ids where the catalog does not know them (offline before it was read), and nothing for an empty filter', () => {
    expect(filterParts({}, catalog)).toEqual([]);
    expect(filterParts({ email: '  ', attributes: { 'customer.tier': '' } }, catalog)).toEqual([]);
    expect(filterParts({ organization: 'initech' }, emptyCatalog).map((part) => part.label)).toEqual([
      'Organization: initech',
    ]);
  });
});
