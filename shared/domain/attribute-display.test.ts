import { describe, expect, it } from 'vitest';
import { displayValue } from './attribute-values';
import type { ChildAttribute } from './identity-store';

const child = (name: string, type: string, options: Array<[string, string]> = []): ChildAttribute => ({
  name,
  type,
  displayName: name,
  required: false,
  options: options.map(([value, label]) => ({ value, label })),
});

describe('a value as the console shows it', () => {
  it('names a select value as the schema does, in a field and inside a complex list', () => {
    expect(displayValue({ type: 'SELECT', options: [{ value: 'de', label: 'German' }] }, 'de')).toBe('German');
    expect(
      displayValue(
        {
          type: 'SELECT_LIST',
          options: [
            { value: 'emea', label: 'Europe, Middle East and Africa' },
            { value: 'apac', label: 'Asia Pacific' },
          ],
        },
        ['apac', 'emea'],
      ),
    ).toBe('Asia Pacific, Europe, Middle East and Africa');
    const addresses = {
      type: 'COMPLEX_LIST',
      options: [],
      children: [
        child('street', 'STRING'),
        child('city', 'STRING'),
        child('postalCode', 'STRING'),
        child('country', 'SELECT', [
          ['ES', 'Spain'],
          ['GB', 'United Kingdom'],
        ]),
      ],
    };
    expect(
      displayValue(addresses, [
        { street: '12 Calle Mayor', city: 'Madrid', postalCode: '28012', country: 'ES' },
        { city: 'London', country: 'GB', floor: '3' },
      ]),
    ).toBe('12 Calle Mayor, Madrid, 28012, Spain; London, United Kingdom, 3');
  });

  it('says empty in the caller’s words, dates as days, checkboxes as Yes/No, unknown values as they are', () => {
    expect(displayValue({ type: 'STRING', options: [] }, '', '(empty)')).toBe('(empty)');
    expect(displayValue({ type: 'DATE', options: [] }, '2026-03-09')).toBe('9 Mar 2026');
    expect(displayValue({ type: 'CHECKBOX', options: [] }, false)).toBe('No');
    expect(displayValue({ type: 'SELECT', options: [{ value: 'de', label: 'German' }] }, 'xx')).toBe('xx');
  });
});
