import { z } from 'zod';
import { AccountId, StoreName } from '../domain/account';
import { defineContract, defineEvent } from './define';

export const BulkActionKind = z.enum(['enable', 'disable', 'delete', 'addToGroup', 'removeFromGroup']);
export type BulkActionKind = z.infer<typeof BulkActionKind>;

export const BulkRequest = z
  .strictObject({
    action: BulkActionKind,
    store: StoreName,
    accountIds: z.array(AccountId).min(1).max(10_000),
    groupId: z.string().min(1).max(64).optional(),
    /** Delete only: the number of accounts, typed by the agent. */
    confirmation: z.string().max(16).optional(),
    /**
     * Retries: read each account first and count it done, without acting again, when the change is already there
     * (it may have landed just before the platform stopped answering).
     */
    checkFirst: z.boolean().optional(),
  })
  .refine((request) => !['addToGroup', 'removeFromGroup'].includes(request.action) || request.groupId, {
    message: 'a group is required',
    path: ['groupId'],
  })
  .refine((request) => request.action !== 'delete' || request.confirmation === String(request.accountIds.length), {
    message: 'type the number of accounts to confirm the deletion',
    path: ['confirmation'],
  });
export type BulkRequest = z.infer<typeof BulkRequest>;

export const AccountOutcome = z.object({
  accountId: z.string(),
  /** skipped: nothing to do (e.g. removing from a group an account is not in), with the reason; not retried. */
  outcome: z.enum(['done', 'skipped', 'failed', 'not attempted']),
  reason: z.string().optional(),
});
export type AccountOutcome = z.infer<typeof AccountOutcome>;

export const BulkProgress = z.object({
  jobId: z.string(),
  action: BulkActionKind,
  total: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  finished: z.boolean(),
  cancelled: z.boolean(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

export const BulkResult = BulkProgress.extend({ results: z.array(AccountOutcome) });
export type BulkResult = z.infer<typeof BulkResult>;

const JobRef = z.strictObject({ jobId: z.string().min(1).max(64) });

export const bulkContracts = {
  start: defineContract({ channel: 'bulk:start', input: BulkRequest, output: BulkProgress }),
  cancel: defineContract({ channel: 'bulk:cancel', input: JobRef, output: BulkProgress }),
  result: defineContract({ channel: 'bulk:result', input: JobRef, output: BulkResult }),
};

export const bulkEvents = {
  progress: defineEvent({ channel: 'bulk:progress', payload: BulkProgress }),
};
