import { actionScopes } from '@shared/domain/profile';

/** The permissions of the Admin API calls the console reads with (the account view, search, catalog). */
export const READ_SCOPES = [
  'read:account',
  'read:account_identity',
  'read:event_account',
  'read:config_identity_store',
  'read:config_identity_proofing',
  'read:config_consent',
  'read:config_application',
  'read:config_notification_policy',
  'read:config_brand',
] as const;

/**
 * Every permission the console uses, asked for in the token request: what the tenant grants of these (the token's
 * `scope`) decides what the UI allows. Nothing the console never calls is asked for.
 */
export const CONSOLE_SCOPES: readonly string[] = [
  ...new Set([...READ_SCOPES, ...Object.values(actionScopes).flat()]),
].sort();
