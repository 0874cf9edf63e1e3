import { describe, expect, it } from 'vitest';
import { summary } from '../../tests/fixtures/account-summaries';
import type { AccountEvent, AccountProfile } from './profile';
import { signInCheck, signInRules, type SignInFacts } from './sign-in-check';

const none = { locked: false, until: null, failedAttempts: 0 };
const healthy: AccountProfile = {
  summary: summary({
    id: 'acc-1',
    email: 'ada@example.com',
    lastLoginAt: '2026-12-02T09:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
  }),
  language: 'en-US',
  disabledAt: null,
  numberOfLogins: 12,
  lastLogin: { at: '2026-12-02T09:00:00.000Z', ip: null, location: null },
  lastAuthenticationActivity: null,
  attributes: {},
  externalIdentities: [],
  passwordLock: none,
  passcodeLock: none,
  authenticators: [
    {
      id: 'em',
      type: 'email',
      subType: null,
      target: 'ada@example.com',
      methods: ['passcode'],
      createdAt: null,
      lastUsedAt: null,
    },
  ],
  sessions: [],
  groups: [],
  roles: [],
  proofings: [],
  consents: [],
  notificationPreferences: {},
  events: [],
  moreEvents: false,
  notifications: [],
  invitations: [],
};

const event = (name: string, outcome: AccountEvent['outcome'], at: string, actor: Partial<AccountEvent> = {}) =>
  ({
    id: `${name}-${at}`,
    at,
    type: 'customerFlow',
    name,
    outcome,
    application: null,
    client: null,
    actorKind: 'customer',
    actor: null,
    ip: null,
    location: null,
    userAgent: null,
    ...actor,
  }) satisfies AccountEvent;

/** Dates read as their ISO day and minute, so the expected texts are plain to write. */
const facts = (profile: Partial<AccountProfile>, lastFailureReason: string | null = null): SignInFacts => ({
  profile: { ...healthy, ...profile },
  lastFailureReason,
  format: { day: (iso) => iso.slice(0, 10), time: (iso) => iso.slice(0, 16).replace('T', ' ') },
  now: Date.parse('2026-12-03T12:00:00.000Z'),
});
const rulesOf = (input: SignInFacts) => signInCheck(input).verdicts.map((verdict) => verdict.rule);

describe('the sign-in check, rule by rule', () => {
  it('a healthy account gets one line, with its last sign-in', () => {
    expect(signInCheck(facts({}))).toEqual({
      verdicts: [],
      healthy: 'Nothing stops this customer from signing in; last signed in 2026-12-02.',
    });
  });

  it('disabled: when and by whom, fixed by enabling', () => {
    const check = signInCheck(
      facts({
        summary: { ...healthy.summary, enabled: false },
        disabledAt: '2026-12-01T10:00:00.000Z',
        events: [
          event('accountDisable', 'success', '2026-12-01T10:00:00.000Z', {
            actorKind: 'admin',
            actor: 'Deskside supervisor',
          }),
        ],
      }),
    );
    expect(check.healthy).toBeNull();
    expect(check.verdicts).toEqual([
      {
        rule: 'disabled',
        severity: 'blocks',
        text: 'Disabled on 2026-12-01 by Deskside supervisor: the customer cannot sign in at all.',
        fix: { action: 'enable', label: 'Enable the account', run: { kind: 'enable' } },
      },
    ]);
  });

  it('password lock: after how many attempts, until when (or until lifted), fixed by lifting it', () => {
    const temporary = signInCheck(
      facts({ passwordLock: { locked: true, until: '2026-12-03T14:05:00.000Z', failedAttempts: 5 } }),
    ).verdicts[0]!;
    expect(temporary.text).toBe('Password locked after 5 failed attempts until 2026-12-03 14:05.');
    expect(temporary.fix).toEqual({
      action: 'liftLock',
      label: 'Lift the password lock',
      run: { kind: 'liftLock', lock: 'password' },
    });
    expect(
      signInCheck(facts({ passwordLock: { locked: true, until: null, failedAttempts: 0 } })).verdicts[0]!.text,
    ).toBe('Password locked until an agent lifts it.');
    // "Not said" by the platform is not a lock.
    expect(rulesOf(facts({ passwordLock: { locked: null, until: null, failedAttempts: 0 } }))).toEqual([]);
  });

  it('passcode lock, fixed by lifting it', () => {
    const verdict = signInCheck(facts({ passcodeLock: { locked: true, until: null, failedAttempts: 3 } })).verdicts[0]!;
    expect(verdict.text).toBe('One-time codes locked after 3 wrong codes until an agent lifts it.');
    expect(verdict.fix?.run).toEqual({ kind: 'liftLock', lock: 'passcode' });
  });

  it('no authenticator, no linked identity, never signed in: offers a password reset (through its dialog)', () => {
    const never = { authenticators: [], lastLogin: null, numberOfLogins: 0 };
    expect(signInCheck(facts(never)).verdicts).toEqual([
      {
        rule: 'noAuthenticator',
        severity: 'warns',
        text: 'No sign-in method seen: no authenticator or linked identity, and never signed in (the platform does not say whether a password is set).',
        fix: { action: 'sendPasswordReset', label: 'Send a password reset', run: null },
      },
    ]);
    expect(rulesOf(facts({ ...never, externalIdentities: [{ id: 'g', display: 'ada', provider: 'Google' }] }))).toEqual(
      [],
    );
    // A password the platform does not list has been used: that is a way in.
    expect(rulesOf(facts({ authenticators: [] }))).toEqual([]);
    expect(rulesOf(facts({ ...never, events: [event('login', 'success', '2026-12-01T09:00:00.000Z')] }))).toEqual([]);
    // Nothing can reach a customer with no email or phone: give them one first.
    const unreachable = { ...healthy.summary, email: null, emailVerified: null };
    expect(signInCheck(facts({ ...never, summary: unreachable })).verdicts[0]!.fix).toEqual({
      action: 'addAuthenticator',
      label: 'Add an email or phone',
      run: null,
    });
  });

  it('unverified email: says when the activation was sent, when nothing can reach the customer; fixed by confirming it', () => {
    const unverified = { ...healthy.summary, emailVerified: false };
    expect(
      signInCheck(
        facts({
          summary: unverified,
          notifications: [
            {
              id: 'n1',
              at: '2026-11-28T08:00:00.000Z',
              template: 'Account activation',
              channel: 'email',
              target: 'ada@example.com',
              success: true,
              policyId: null,
              policyName: null,
              policySource: null,
              clientName: null,
              eventId: null,
            },
          ],
        }),
      ).verdicts[0]!.text,
    ).toBe('Email not verified: activation sent 2026-11-28, not completed; no message can reach the customer.');
    expect(
      signInCheck(facts({ summary: { ...unverified, phone: '+441632960961', phoneVerified: true } })).verdicts[0]!.text,
    ).toBe('Email not verified: the customer has not confirmed it.');
    // Fixed through the email's dialog: a new confirmation link, or marked verified on the agent's word.
    expect(signInCheck(facts({ summary: unverified })).verdicts[0]!.fix).toEqual({
      action: 'changeIdentifier',
      label: 'Confirm the email',
      run: null,
    });
  });

  it('failed sign-ins: counts the run since the last success, names the reason, offers a reset for a wrong password', () => {
    const events = [
      event('login', 'failure', '2026-12-03T11:00:00.000Z'),
      event('consentOptIn', 'success', '2026-12-03T10:59:00.000Z'),
      event('login', 'failure', '2026-12-03T10:58:00.000Z'),
      event('login', 'failure', '2026-12-03T10:57:00.000Z'),
      event('login', 'success', '2026-12-02T09:00:00.000Z'),
      event('login', 'failure', '2026-12-01T09:00:00.000Z'),
    ];
    const verdict = signInCheck(facts({ events }, 'invalid_credentials')).verdicts[0]!;
    expect(verdict.text).toBe('The last 3 sign-ins failed: wrong password.');
    expect(verdict.fix).toEqual({ action: 'sendPasswordReset', label: 'Send a password reset', run: null });
    expect(signInCheck(facts({ events: events.slice(0, 1) }, 'invalid_totp')).verdicts[0]).toMatchObject({
      text: 'The last sign-in failed: wrong one-time code.',
      fix: null,
    });
    expect(signInCheck(facts({ events }, null)).verdicts[0]!.text).toBe('The last 3 sign-ins failed.');
    expect(rulesOf(facts({ events: events.slice(4) }))).toEqual([]);
  });

  it('identity verification failing and unfinished: fixed by clearing the attempts', () => {
    const verdict = signInCheck(
      facts({
        proofings: [
          {
            id: 'p1',
            policyId: 'kbv',
            policyName: 'Knowledge check',
            attempts: 2,
            proofedAt: null,
            invalidatedAt: null,
          },
        ],
      }),
    ).verdicts[0]!;
    expect(verdict.text).toBe('Identity verification under Knowledge check failed 2 times and is not complete.');
    expect(verdict.fix?.run).toEqual({ kind: 'clearProofingAttempts', proofingId: 'p1' });
  });

  it('pending invitation of a customer who never signed in: when, through which client, until when; fixed by resending', () => {
    const invited = {
      lastLogin: null,
      numberOfLogins: 0,
      authenticators: [],
      summary: { ...healthy.summary, emailVerified: false },
      invitations: [
        {
          id: 'inv-1',
          email: 'ada@example.com',
          clientId: 'client-shop-web',
          clientName: 'Shop web',
          sentAt: '2026-11-28T08:00:00.000Z',
          validUntil: '2026-12-05T08:00:00.000Z',
        },
      ],
    };
    // The invitation says it all: no "no sign-in method" or "email not verified" beside it.
    expect(signInCheck(facts(invited)).verdicts).toEqual([
      {
        rule: 'invitationPending',
        severity: 'blocks',
        text: 'Invited on 2026-11-28 through Shop web, not accepted yet: the customer signs in for the first time by following its link (valid until 2026-12-05).',
        fix: {
          action: 'resendInvitation',
          label: 'Resend the invitation',
          run: { kind: 'resendInvitation', invitationId: 'inv-1' },
        },
      },
    ]);
    const expired = { ...invited.invitations[0]!, validUntil: '2026-12-01T08:00:00.000Z' };
    expect(signInCheck(facts({ ...invited, invitations: [expired] })).verdicts[0]!.text).toBe(
      'Invited on 2026-11-28 through Shop web; the invitation expired on 2026-12-01 without being accepted, so the customer has no way in.',
    );
    // A customer who has signed in before is not kept out by an invitation.
    expect(rulesOf(facts({ invitations: invited.invitations }))).toEqual([]);
  });

  it('puts what blocks before what warns, and every rule is tested above', () => {
    const check = signInCheck(
      facts(
        {
          summary: { ...healthy.summary, emailVerified: false, enabled: false },
          events: [event('login', 'failure', '2026-12-03T11:00:00.000Z')],
          passwordLock: { locked: true, until: null, failedAttempts: 5 },
        },
        'account_locked',
      ),
    );
    expect(check.verdicts.map((verdict) => [verdict.rule, verdict.severity])).toEqual([
      ['disabled', 'blocks'],
      ['passwordLock', 'blocks'],
      ['emailUnverified', 'warns'],
      ['failedSignIns', 'warns'],
    ]);
    expect(signInRules.map((rule) => rule.id)).toEqual([
      'disabled',
      'passwordLock',
      'passcodeLock',
      'invitationPending',
      'noAuthenticator',
      'emailUnverified',
      'failedSignIns',
      'proofingFailed',
    ]);
  });
});
