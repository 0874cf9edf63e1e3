import { z } from 'zod';
import type { ProfileActionKind } from './profile';

/**
 * What an agent can do to an account, in the console's own words: each change of the account view, deleting it and
 * downloading its personal data. The bulk actions are the same actions applied to a selection.
 */
export const ConsoleAction = z.enum([
  'updateAttributes',
  'enable',
  'disable',
  'lock',
  'liftLock',
  'deleteSessions',
  'deleteSession',
  'addGroups',
  'removeGroup',
  'assignRoles',
  'removeRole',
  'addAuthenticator',
  'deleteAuthenticator',
  'sendPasswordReset',
  'changePassword',
  'verifyManually',
  'revokeProofing',
  'clearProofingAttempts',
  'deleteAccount',
  'download',
  'impersonate',
  'changeIdentifier',
  'unlinkIdentity',
  'resendInvitation',
  'revokeInvitation',
]);
export type ConsoleAction = z.infer<typeof ConsoleAction>;

// Every change of the account view is a console action (the compiler says which one is missing).
const everyProfileAction: Exclude<ProfileActionKind, ConsoleAction> extends never ? true : never = true;
void everyProfileAction;

/** Whether the connection may do an action, and, when it may not, why (shown as the disabled button's tooltip). */
export const ActionPermission = z.discriminatedUnion('allowed', [
  z.strictObject({ allowed: z.literal(true) }),
  z.strictObject({ allowed: z.literal(false), reason: z.string() }),
]);
export type ActionPermission = z.infer<typeof ActionPermission>;

/** The answer of the platform port's allowedActions(): one entry per console action. */
export const AllowedActions = z.record(ConsoleAction, ActionPermission);
export type AllowedActions = z.infer<typeof AllowedActions>;
