import { describe, expect, it } from 'vitest';
import { attributeProblem, changeProblems, nestChanges } from './attribute-values';
import type { AttributeDefinition } from './identity-store';
import { parseUserAgent, placeName } from './user-agent';

const attribute = (overrides: Partial<AttributeDefinition>): AttributeDefinition => ({
  id: 'a',
  key: 'a',
  type: 'STRING',
  displayName: 'A',
  visible: true,
  editable: true,
  required: false,
  searchable: false,
  options: [],
  ...overrides,
});

describe('attribute values', () => {
  it('checks each type the way the platform does', () => {
    expect(attributeProblem(attribute({ type: 'PHONE_NUMBER' }), '+36301234567')).toBeNull();
    expect(attributeProblem(attribute({ type: 'PHONE_NUMBER' }), '06301234567')).toMatch(/international/);
    expect(attributeProblem(attribute({ type: 'EMAIL' }), 'a@b')).toMatch(/email/);
    expect(attributeProblem(attribute({ type: 'DATE' }), '2024-02-30x')).toMatch(/YYYY-MM-DD/);
    expect(attributeProblem(attribute({ type: 'CHECKBOX' }), 'yes')).toMatch(/true or false/);
    const select = attribute({ type: 'SELECT', options: [{ value: 'gold', label: 'Gold' }] });
    expect(attributeProblem(select, 'gold')).toBeNull();
    expect(attributeProblem(select, 'tin')).toBe('must be one of Gold');
    const coded = attribute({ validator: { regex: '^CC-\\d{4}$', errorMessage: 'must look like CC-1234', max: 7 } });
    expect(attributeProblem(coded, 'CC-12')).toBe('must look like CC-1234');
    expect(attributeProblem(coded, 'CC-12345')).toBe('must be at most 7 characters');
    expect(attributeProblem(attribute({ required: true }), '')).toBe('is required');
    expect(attributeProblem(attribute({ required: false }), '')).toBeNull();
  });

  it('checks lists and complex lists item by item', () => {
    const emails = attribute({ type: 'EMAIL_LIST', listLimits: { max: 2 } });
    expect(attributeProblem(emails, ['a@b.c', 'nope'])).toBe('item 2 must be an email address');
    expect(attributeProblem(emails, ['a@b.c', 'd@e.f', 'g@h.i'])).toMatch(/between 0 and 2/);
    const addresses = attribute({
      type: 'COMPLEX_LIST',
      children: [
        { name: 'city', type: 'STRING', displayName: 'City', required: true, options: [] },
        {
          name: 'country',
          type: 'SELECT',
          displayName: 'Country',
          required: false,
          options: [{ value: 'HU', label: 'Hungary' }],
        },
      ],
    });
    expect(attributeProblem(addresses, [{ city: 'Budapest', country: 'HU' }])).toBeNull();
    expect(attributeProblem(addresses, [{ country: 'HU' }])).toBe('item 1: City is required');
    expect(attributeProblem(addresses, [{ city: 'X', country: 'XX' }])).toBe('item 1: Country must be one of Hungary');
  });

  it('refuses keys that are not editable attributes, and nests dotted keys without touching prototypes', () => {
    const schema = [attribute({ key: 'name.givenName' }), attribute({ key: 'score', editable: false })];
    expect(changeProblems(schema, { 'name.givenName': 'Ada', score: '1', nope: 1 })).toEqual({
      score: 'cannot be edited from the admin console',
      nope: 'is not an attribute of this identity store',
    });
    expect(nestChanges({ 'name.givenName': 'Ada', 'name.familyName': '', tags: [] })).toEqual({
      name: { givenName: 'Ada', familyName: null },
      tags: null,
    });
    const polluted = nestChanges(JSON.parse('{"__proto__.polluted": "yes"}') as Record<string, unknown>);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(polluted)).toEqual(['__proto__']);
  });
});

describe('user agents', () => {
  it('names browser and system', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
      ),
    ).toEqual({ browser: 'Edge 142', os: 'Windows 10/11' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari 18.1', os: 'iOS 18.1' });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toEqual({
      browser: 'Firefox 133',
      os: 'Linux',
    });
    expect(parseUserAgent('')).toEqual({ browser: 'Unknown browser', os: 'Unknown system' });
    expect(placeName({ city: 'Budapest', country: 'Hungary' })).toBe('Budapest, Hungary');
    expect(placeName(null)).toBe('Unknown');
  });
});
