import { describe, expect, it } from 'vitest';
import { accountsToCsv, csvCell } from './accounts-csv';

describe('CSV export', () => {
  it('quotes cells that need it and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('+36301234567')).toBe("'+36301234567");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one line per account', () => {
    const csv = accountsToCsv([
      {
        id: '1',
        store: 'consumers',
        displayName: '<script>x</script>, Jr.',
        username: null,
        email: 'a@example.com',
        emailVerified: false,
        phone: null,
        phoneVerified: null,
        enabled: false,
        locked: true,
        externalIdentity: false,
        organization: null,
        lastLoginAt: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: null,
      },
    ]);
    const [header, line] = csv.trim().split('\r\n');
    expect(header).toBe('id,store,name,username,email,phone,status,organization,lastLoginAt,createdAt');
    expect(line).toBe(
      '1,consumers,"<script>x</script>, Jr.",,a@example.com,,disabled; unverified email; locked,,,2026-01-01T00:00:00.000Z',
    );
  });
});
