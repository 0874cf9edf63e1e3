import { describe, expect, it } from 'vitest';
import { notificationReach } from './account';
import { proofingStepsInWords } from './identity-store';

describe('notificationReach: messages go to a verified email, else a verified phone', () => {
  const account = { email: 'ada@example.com', emailVerified: true, phone: '+441632960961', phoneVerified: true };

  it('writes to a verified email', () => {
    expect(notificationReach(account)).toEqual({ channel: 'email', target: 'ada@example.com' });
  });

  it('falls back to a verified phone, saying why', () => {
    expect(notificationReach({ ...account, emailVerified: false })).toEqual({
      channel: 'sms',
      target: '+441632960961',
      why: 'the email ada@example.com is not verified (an activation or invitation may be pending): the message goes by SMS to the verified phone +441632960961',
    });
    expect(notificationReach({ ...account, email: null, emailVerified: null })).toMatchObject({
      channel: 'sms',
      why: 'the account has no email: the message goes by SMS to the verified phone +441632960961',
    });
  });

  it('reaches nobody when neither is verified, or there is nothing to write to', () => {
    expect(notificationReach({ ...account, emailVerified: false, phoneVerified: false })).toEqual({
      channel: null,
      why: 'The customer cannot be reached: the email ada@example.com is not verified (an activation or invitation may be pending), and the phone +441632960961 is not verified either.',
    });
    expect(notificationReach({ email: null, emailVerified: null, phone: null, phoneVerified: null })).toEqual({
      channel: null,
      why: 'The customer cannot be reached: the account has no email, and there is no phone.',
    });
  });

  it('leaves a verification the platform did not report to the platform', () => {
    expect(notificationReach({ ...account, emailVerified: null })).toEqual({
      channel: 'email',
      target: 'ada@example.com',
    });
  });
});

describe('proofingStepsInWords', () => {
  it('reads the steps in order, in plain words, and keeps a step type it does not know', () => {
    expect(
      proofingStepsInWords({ id: 'p', name: 'P', steps: ['proofingData', 'documentVerification', 'selfieMatch'] }),
    ).toBe('Asks the customer to confirm their personal details, photograph an identity document, then selfieMatch.');
    expect(proofingStepsInWords({ id: 'p', name: 'P', steps: ['knowledgeBasedVerification'] })).toBe(
      'Asks the customer to answer questions only they should know.',
    );
    expect(proofingStepsInWords({ id: 'p', name: 'P', steps: [] })).toBe('');
  });
});
