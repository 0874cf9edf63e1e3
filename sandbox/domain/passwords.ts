import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Cost kept modest: the sandbox is a training and test platform, not a vault.
const SCRYPT_N = 1 << 14;
const KEY_LENGTH = 32;

export function hashPassword(password: string, salt = randomBytes(16)): string {
  const key = scryptSync(password, salt, KEY_LENGTH, { N: SCRYPT_N });
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: SCRYPT_N });
  return timingSafeEqual(expected, actual);
}

export interface PasswordPolicy {
  id: string;
  minLength: number;
  requireDigit: boolean;
  requireLetter: boolean;
  requireSymbol: boolean;
}

/** What is wrong with a password under the store's policy; empty when it is acceptable. */
export function passwordPolicyViolations(
  password: string,
  policy: PasswordPolicy,
  identifiers: Array<string | null>,
): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`must be at least ${policy.minLength} characters long`);
  if (policy.requireDigit && !/\d/.test(password)) problems.push('must contain a digit');
  if (policy.requireLetter && !/\p{L}/u.test(password)) problems.push('must contain a letter');
  if (policy.requireSymbol && !/[^\p{L}\d]/u.test(password)) problems.push('must contain a symbol');
  const lowered = password.toLowerCase();
  if (
    identifiers.some(
      (identifier) => identifier && identifier.length >= 3 && lowered.includes(identifier.toLowerCase().split('@')[0]!),
    )
  ) {
    problems.push('must not contain the username or email');
  }
  return problems;
}
