import { describe, expect, it } from 'vitest';
import { compactFilter, guessFilter } from './quick-search';

describe('guessFilter', () => {
  it('guesses the identifier kind from what was typed', () => {
    expect(guessFilter('@example.com')).toEqual({ filter: { loginIdentifier: '@example.com' }, kind: 'email domain' });
    expect(guessFilter(' ada@example.com ')).toEqual({ filter: { email: 'ada@example.com' }, kind: 'email' });
    expect(guessFilter('3aa88817-5577-4fd2-9792-f2dccb08a2d5')!.kind).toBe('account id');
    expect(guessFilter('+36 30 123 4567')).toEqual({ filter: { loginIdentifier: '+36301234567' }, kind: 'phone' });
    expect(guessFilter('ghopper')).toEqual({ filter: { loginIdentifier: 'ghopper' }, kind: 'login identifier' });
    expect(guessFilter('   ')).toBeNull();
  });
});

describe('compactFilter', () => {
  it('keeps only what was set', () => {
    expect(
      compactFilter({
        loginIdentifier: '',
        enabled: false,
        attributes: { a: '', b: 'x' },
        dates: { createdAt: { from: '-P7D' }, updatedAt: {} },
        groups: { ids: [], mode: 'include' },
        roles: { pairs: [{ organization: 'o', role: 'r' }], mode: 'exclude' },
      }),
    ).toEqual({
      enabled: false,
      attributes: { b: 'x' },
      dates: { createdAt: { from: '-P7D' } },
      roles: { pairs: [{ organization: 'o', role: 'r' }], mode: 'exclude' },
    });
  });
});
