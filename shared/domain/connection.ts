import { z } from 'zod';
import { AllowedActions } from './console-actions';

export const Environment = z.enum(['production', 'staging', 'sandbox']);
export type Environment = z.infer<typeof Environment>;

/** A connection as the renderer sees it: never the secret, only whether one is stored. */
export const ConnectionView = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  clientId: z.string(),
  /** The token's audience when it is not the tenant URL. */
  audience: z.string().optional(),
  environment: Environment,
  /** The sandbox Deskside starts itself when nothing else is configured. */
  embedded: z.boolean(),
  hasSecret: z.boolean(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Admin API base URLs: https, or http on this machine only (the sandbox). */
export const BaseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https:// URL (http:// only for this machine)')
  .transform((value) => value.replace(/\/+$/, ''));

export const ConnectionInput = z.strictObject({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(80),
  baseUrl: BaseUrl,
  clientId: z.string().trim().min(1).max(200),
  /** Omitted when editing a profile whose stored secret stays. */
  clientSecret: z.string().min(1).max(1000).optional(),
  /**
   * Where the secret goes when the OS has no keychain for it (Linux without a keyring): the agent's choice,
   * asked for only then.
   */
  secretStorage: z.enum(['session', 'plainText']).optional(),
  /** Advanced: the token's audience, when the tenant wants another than its URL. Empty means the tenant URL. */
  audience: z.union([z.literal(''), BaseUrl]).optional(),
  environment: Environment,
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  stores: z.number().int().optional(),
  scopes: z.array(z.string()).optional(),
  /** Permissions the console uses that the tenant did not grant this client. */
  missingScopes: z.array(z.string()).optional(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const Connectivity = z.object({
  state: z.enum(['online', 'offline', 'connecting']),
  /** When the current state began (ISO). */
  since: z.string(),
  reason: z.string().optional(),
});
export type Connectivity = z.infer<typeof Connectivity>;

export const ConnectionStatus = z.object({
  active: ConnectionView.nullable(),
  connectivity: Connectivity,
  scopes: z.array(z.string()),
  /** Permissions the console uses that the connection was not granted (the actions they gate say so). */
  missingScopes: z.array(z.string()).default([]),
  /** What the agent may do through this connection, with the reason for each refusal: the UI gates by this. */
  allowedActions: AllowedActions,
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;
