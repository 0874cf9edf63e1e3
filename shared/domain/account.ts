import { z } from 'zod';

/** An identity store's name, as every call that names one takes it. */
export const StoreName = z.string().min(1).max(64);
/** An account's id, as every call that names one takes it. */
export const AccountId = z.string().min(1).max(128);
/** One account: its store and its id. */
export const AccountRef = z.strictObject({ store: StoreName, accountId: AccountId });
export type AccountRef = z.infer<typeof AccountRef>;

/** What the result list and the cache know of an account, in the console's vocabulary. */
export const AccountSummary = z.object({
  id: z.string(),
  store: z.string(),
  displayName: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean().nullable(),
  phone: z.string().nullable(),
  /** Null when there is no phone or the platform left it out (summaries cached before it was kept too). */
  phoneVerified: z.boolean().nullable().default(null),
  enabled: z.boolean(),
  locked: z.boolean(),
  externalIdentity: z.boolean(),
  organization: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** Null when the platform left it out. */
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

/** The status labels of the result list and the overview. */
export type StatusLabel =
  'enabled' | 'disabled' | 'verified email' | 'unverified email' | 'external identity' | 'locked';

/** What each status label means, for the labels' tooltips and the account report. */
export const statusMeanings: Record<StatusLabel, string> = {
  enabled: 'The customer can sign in.',
  disabled: 'The customer cannot sign in until an agent enables the account.',
  'verified email': 'The email address was confirmed: it can be used to sign in and to receive notifications.',
  'unverified email':
    'The email address was not confirmed yet: an activation or invitation may be pending, and notifications are not sent to it.',
  'external identity': 'The customer signs in through a linked social or enterprise identity.',
  locked: 'Sign-in is blocked by a password or passcode lock until it expires or an agent lifts it.',
};

export function statusLabels(
  account: Pick<AccountSummary, 'enabled' | 'emailVerified' | 'externalIdentity' | 'locked'>,
): StatusLabel[] {
  const labels: StatusLabel[] = [account.enabled ? 'enabled' : 'disabled'];
  if (account.emailVerified !== null) labels.push(account.emailVerified ? 'verified email' : 'unverified email');
  if (account.externalIdentity) labels.push('external identity');
  if (account.locked) labels.push('locked');
  return labels;
}

/** How the platform can reach a customer: messages go only to a verified email, else to a verified phone by SMS. */
export type NotificationReach =
  | { channel: 'email'; target: string }
  | { channel: 'sms'; target: string; why: string }
  | { channel: null; why: string };

/**
 * The console's reading of the platform's rule, so the agent knows before sending. A verification the platform
 * left out (null) counts as verified: the platform has the last word and says so if it refuses.
 */
export function notificationReach(
  account: Pick<AccountSummary, 'email' | 'emailVerified' | 'phone' | 'phoneVerified'>,
): NotificationReach {
  if (account.email && account.emailVerified !== false) return { channel: 'email', target: account.email };
  const emailWhy = account.email
    ? `the email ${account.email} is not verified (an activation or invitation may be pending)`
    : 'the account has no email';
  if (account.phone && account.phoneVerified !== false)
    return {
      channel: 'sms',
      target: account.phone,
      why: `${emailWhy}: the message goes by SMS to the verified phone ${account.phone}`,
    };
  const phoneWhy = account.phone ? `the phone ${account.phone} is not verified either` : 'there is no phone';
  return { channel: null, why: `The customer cannot be reached: ${emailWhy}, and ${phoneWhy}.` };
}
