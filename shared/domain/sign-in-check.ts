import { notificationReach } from './account';
import type { ConsoleAction } from './console-actions';
import type { AccountEvent, AccountProfile, ProfileAction } from './profile';

/** What fixes a verdict: an action run as it is, or one whose dialog must ask the agent first. */
export interface SignInFix {
  action: ConsoleAction;
  label: string;
  /** Run at once (gated like every action); null when the action's dialog asks first. */
  run: ProfileAction | null;
}

export interface SignInVerdict {
  rule: string;
  /** "blocks": the customer cannot sign in this way at all; "warns": they may, but something is wrong. */
  severity: 'blocks' | 'warns';
  text: string;
  fix: SignInFix | null;
}

export interface SignInCheck {
  verdicts: SignInVerdict[];
  /** One line for an account no rule finds anything wrong with, else null. */
  healthy: string | null;
}

/**
 * "Why can't this customer sign in?" answered from what the console already has: one table of rules, each a
 * condition over the account's facts, the verdict in plain words, and the one action that fixes it. The overview
 * panel and the account report show the same verdicts.
 */

export interface SignInFacts {
  profile: AccountProfile;
  /** The newest failed sign-in's reason as the platform recorded it (invalid_credentials, ...), when known. */
  lastFailureReason: string | null;
  /** How the agent reads dates and times (the renderer's or the report's formatter). */
  format: { day(iso: string): string; time(iso: string): string };
  /** The time the facts are read at (when the account was fetched), for what has expired. */
  now: number;
}

interface SignInRule {
  id: string;
  severity: SignInVerdict['severity'];
  /** The verdict when the rule applies to these facts, else null. */
  check(facts: SignInFacts): Omit<SignInVerdict, 'rule' | 'severity'> | null;
}

const failureWords: Record<string, string> = {
  invalid_credentials: 'wrong password',
  account_locked: 'the password was locked',
  account_disabled: 'the account was disabled',
  totp_required: 'no one-time code given',
  invalid_totp: 'wrong one-time code',
  activation_pending: 'the email was not activated yet',
  invitation_pending: 'the invitation was not accepted yet',
  passcode_locked: 'one-time codes were locked',
  invalid_passcode: 'wrong one-time code',
};
const reasonInWords = (reason: string) => failureWords[reason] ?? reason.replace(/_/g, ' ');

/** The run of failed sign-ins since the last successful one, newest first (events come newest first). */
export function failedSignIns(events: AccountEvent[]): AccountEvent[] {
  const run: AccountEvent[] = [];
  for (const event of events) {
    if (event.name !== 'login') continue;
    if (event.outcome !== 'failure') break;
    run.push(event);
  }
  return run;
}

/** Whether the customer has ever signed in, as far as the account and its latest events say. */
const signedInEver = (profile: AccountProfile) =>
  profile.lastLogin !== null ||
  (profile.numberOfLogins ?? 0) > 0 ||
  profile.events.some((event) => event.name === 'login' && event.outcome === 'success');

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const signInRules: readonly SignInRule[] = [
  {
    id: 'disabled',
    severity: 'blocks',
    check: ({ profile, format }) => {
      if (profile.summary.enabled) return null;
      const by = profile.events.find((event) => event.name === 'accountDisable' && event.outcome === 'success');
      const when = profile.disabledAt ?? by?.at ?? null;
      const who = by ? (by.actorKind === 'admin' ? ` by ${by.actor ?? 'an administrator'}` : '') : '';
      return {
        text: `Disabled${when ? ` on ${format.day(when)}` : ''}${who}: the customer cannot sign in at all.`,
        fix: { action: 'enable', label: 'Enable the account', run: { kind: 'enable' } },
      };
    },
  },
  {
    id: 'passwordLock',
    severity: 'blocks',
    check: ({ profile, format }) => {
      const lock = profile.passwordLock;
      if (lock.locked !== true) return null;
      const after = lock.failedAttempts > 0 ? ` after ${plural(lock.failedAttempts, 'failed attempt')}` : '';
      return {
        text: `Password locked${after} ${lock.until ? `until ${format.time(lock.until)}` : 'until an agent lifts it'}.`,
        fix: { action: 'liftLock', label: 'Lift the password lock', run: { kind: 'liftLock', lock: 'password' } },
      };
    },
  },
  {
    id: 'passcodeLock',
    severity: 'blocks',
    check: ({ profile, format }) => {
      const lock = profile.passcodeLock;
      if (lock.locked !== true) return null;
      const after = lock.failedAttempts > 0 ? ` after ${plural(lock.failedAttempts, 'wrong code')}` : '';
      return {
        text: `One-time codes locked${after} ${lock.until ? `until ${format.time(lock.until)}` : 'until an agent lifts it'}.`,
        fix: { action: 'liftLock', label: 'Lift the passcode lock', run: { kind: 'liftLock', lock: 'passcode' } },
      };
    },
  },
  {
    // An invited customer signs in for the first time by accepting (the link lets them choose a password); one who
    // has signed in before is not kept out by a pending invitation.
    id: 'invitationPending',
    severity: 'blocks',
    check: ({ profile, format, now }) => {
      const invitation = profile.invitations[0];
      if (!invitation || signedInEver(profile)) return null;
      const sent = `Invited${invitation.sentAt ? ` on ${format.day(invitation.sentAt)}` : ''}${
        invitation.clientName ? ` through ${invitation.clientName}` : ''
      }`;
      const until = invitation.validUntil;
      const expired = until !== null && Date.parse(until) <= now;
      return {
        text: expired
          ? `${sent}; the invitation expired on ${format.day(until)} without being accepted, so the customer has no way in.`
          : `${sent}, not accepted yet: the customer signs in for the first time by following its link${
              until ? ` (valid until ${format.day(until)})` : ''
            }.`,
        fix: {
          action: 'resendInvitation',
          label: 'Resend the invitation',
          run: { kind: 'resendInvitation', invitationId: invitation.id },
        },
      };
    },
  },
  {
    // The Admin API lists no password among authenticators (its types are phone, email, softToken, webAuthn...,
    // passkey, custom), so "no way in" is only said of an account with none of those, no linked identity, and no
    // sign-in ever: it may have a password nobody has used.
    id: 'noAuthenticator',
    severity: 'warns',
    check: ({ profile }) => {
      if (profile.authenticators.length > 0 || profile.externalIdentities.length > 0) return null;
      // A pending invitation says why (and how to fix it) already.
      if (signedInEver(profile) || profile.invitations.length > 0) return null;
      // A reset link lets the customer choose a password, if a message can reach them; else give them a way first.
      const reachable = notificationReach(profile.summary).channel !== null;
      return {
        text: 'No sign-in method seen: no authenticator or linked identity, and never signed in (the platform does not say whether a password is set).',
        fix: reachable
          ? { action: 'sendPasswordReset', label: 'Send a password reset', run: null }
          : { action: 'addAuthenticator', label: 'Add an email or phone', run: null },
      };
    },
  },
  {
    id: 'emailUnverified',
    severity: 'warns',
    check: ({ profile, format }) => {
      const { summary } = profile;
      // An invitation's link verifies the email when accepted: the invitation's verdict covers it.
      if (!summary.email || summary.emailVerified !== false || profile.invitations.length > 0) return null;
      const activation = profile.notifications.find((item) => /activation/i.test(item.template));
      const pending = activation?.at ? `activation sent ${format.day(activation.at)}, not completed` : null;
      const reach = notificationReach(summary);
      return {
        text: `Email not verified: ${pending ?? 'the customer has not confirmed it'}${reach.channel === null ? '; no message can reach the customer' : ''}.`,
        // Setting the same email again sends a new confirmation link; the dialog also lets the agent mark it proved.
        fix: { action: 'changeIdentifier', label: 'Confirm the email', run: null },
      };
    },
  },
  {
    id: 'failedSignIns',
    severity: 'warns',
    check: ({ profile, lastFailureReason }) => {
      const run = failedSignIns(profile.events);
      if (run.length === 0) return null;
      const reason = lastFailureReason ? `: ${reasonInWords(lastFailureReason)}` : '';
      const text =
        run.length === 1 ? `The last sign-in failed${reason}.` : `The last ${run.length} sign-ins failed${reason}.`;
      const wrongPassword = lastFailureReason === 'invalid_credentials';
      return {
        text,
        fix:
          wrongPassword && notificationReach(profile.summary).channel !== null
            ? { action: 'sendPasswordReset', label: 'Send a password reset', run: null }
            : null,
      };
    },
  },
  {
    id: 'proofingFailed',
    severity: 'warns',
    check: ({ profile }) => {
      const failing = profile.proofings.find((proofing) => !proofing.proofedAt && proofing.attempts > 0);
      if (!failing) return null;
      return {
        text: `Identity verification under ${failing.policyName} failed ${plural(failing.attempts, 'time')} and is not complete.`,
        fix: {
          action: 'clearProofingAttempts',
          label: 'Clear the failed attempts',
          run: { kind: 'clearProofingAttempts', proofingId: failing.id },
        },
      };
    },
  },
];

/** Every rule that applies, blockers first; a healthy account gets one line saying so. */
export function signInCheck(facts: SignInFacts): SignInCheck {
  const verdicts: SignInVerdict[] = [];
  for (const rule of signInRules) {
    const verdict = rule.check(facts);
    if (verdict) verdicts.push({ rule: rule.id, severity: rule.severity, ...verdict });
  }
  verdicts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocks' ? -1 : 1));
  if (verdicts.length > 0) return { verdicts, healthy: null };
  const last = facts.profile.lastLogin?.at;
  return {
    verdicts,
    healthy: `Nothing stops this customer from signing in${last ? `; last signed in ${facts.format.day(last)}` : ''}.`,
  };
}
