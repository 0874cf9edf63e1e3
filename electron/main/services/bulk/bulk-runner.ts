import { randomUUID } from 'node:crypto';
import { DesksideError, events } from '@shared/contracts';
import type { AccountOutcome, BulkProgress, BulkRequest, BulkResult } from '@shared/contracts/bulk';
import type { EventBus } from '../../ipc/event-bus';
import type { ActionJournal } from '../cache/action-journal';
import type { AccountCache } from '../cache/account-cache';
import { isUnreachable } from '../identity-platform/connectivity';
import type { IdentityPlatform } from '../identity-platform/identity-platform';

interface Job {
  request: BulkRequest;
  results: Map<string, AccountOutcome>;
  cancelled: boolean;
  /** The platform stopped answering: the rest of the queue waits for a retry instead of failing one by one. */
  halted: boolean;
  finished: boolean;
}

/** How many accounts are acted on at once: fast, without tripping the platform's rate limits. */
export const BULK_CONCURRENCY = 8;
/** Progress events at most this often, so a thousand accounts do not mean a thousand renders. */
const PROGRESS_INTERVAL_MS = 100;

/** The platform stopped answering (or is known not to): the rest of the queue is not sent. */
const halts = (error: unknown) => isUnreachable(error) || (error instanceof DesksideError && error.code === 'OFFLINE');

function reasonOf(error: unknown): string {
  if (isUnreachable(error))
    return `${(error as DesksideError).message} The change may or may not have been applied; a retry checks first.`;
  if (error instanceof DesksideError)
    return error.code === 'NOT_FOUND' ? 'Not found: the account no longer exists.' : error.message;
  return 'Unexpected error.';
}

type AccountState = Awaited<ReturnType<IdentityPlatform['accountState']>>;

/** Whether the account already is as the action would leave it. */
function alreadyDone(request: BulkRequest, state: AccountState): boolean {
  switch (request.action) {
    case 'enable':
      return state?.enabled === true;
    case 'disable':
      return state?.enabled === false;
    case 'delete':
      return state === null;
    case 'addToGroup':
      return Boolean(state?.groupIds.includes(request.groupId!));
    case 'removeFromGroup':
      return state !== null && !state.groupIds.includes(request.groupId!);
  }
}

/**
 * Quick actions on a selection: bounded concurrency, progress pushed to the renderer, cancellable, and a result
 * per account (done, failed with the reason, not attempted) from which failures can be retried. Each run is
 * recorded in the local action journal. Jobs belong to the workspace: switching connections cancels what is left.
 */
export class BulkRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(
    /** The workspace's platform: it records reachability and refuses changes while offline. */
    private readonly platform: IdentityPlatform,
    private readonly journal: ActionJournal,
    private readonly cache: AccountCache,
    private readonly bus: EventBus,
    /** Whether the platform is known to be unreachable: a job is then refused before it starts. */
    private readonly offline: () => boolean,
  ) {}

  async start(request: BulkRequest): Promise<BulkProgress> {
    if (this.offline())
      throw new DesksideError({
        code: 'OFFLINE',
        message: 'The platform cannot be reached: actions are disabled until it is back.',
      });
    const jobId = randomUUID();
    const accountIds = [...new Set(request.accountIds)];
    const job: Job = {
      request: { ...request, accountIds },
      results: new Map(),
      cancelled: false,
      halted: false,
      finished: false,
    };
    this.jobs.set(jobId, job);
    this.journal.start({ id: jobId, store: request.store, action: request.action, total: accountIds.length });
    void this.run(jobId, job);
    return this.progress(jobId, job);
  }

  /** The workspace is closing (another connection was chosen): running jobs stop after the accounts in flight. */
  dispose(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
  }

  cancel(jobId: string): BulkProgress {
    const job = this.job(jobId);
    job.cancelled = true;
    return this.progress(jobId, job);
  }

  result(jobId: string): BulkResult {
    const job = this.job(jobId);
    const results = job.request.accountIds.map(
      (accountId) => job.results.get(accountId) ?? { accountId, outcome: 'not attempted' as const },
    );
    return { ...this.progress(jobId, job), results };
  }

  /** Resolves when the job has finished (tests and benchmarks). */
  async settled(jobId: string): Promise<BulkResult> {
    while (!this.job(jobId).finished) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.result(jobId);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new DesksideError({ code: 'NOT_FOUND', message: `No bulk action ${jobId}.` });
    return job;
  }

  private progress(jobId: string, job: Job): BulkProgress {
    let done = 0;
    let skipped = 0;
    let failed = 0;
    for (const result of job.results.values()) {
      if (result.outcome === 'done') done++;
      else if (result.outcome === 'skipped') skipped++;
      else if (result.outcome === 'failed') failed++;
    }
    return {
      jobId,
      action: job.request.action,
      total: job.request.accountIds.length,
      done,
      skipped,
      failed,
      finished: job.finished,
      cancelled: job.cancelled,
    };
  }

  private async run(jobId: string, job: Job): Promise<void> {
    const { request } = job;
    const queue = [...request.accountIds];
    let lastEmit = 0;
    const emit = (force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      this.bus.emit(events.bulkProgress, this.progress(jobId, job));
    };
    const worker = async () => {
      for (
        let accountId = queue.shift();
        accountId !== undefined && !job.cancelled && !job.halted;
        accountId = queue.shift()
      ) {
        try {
          const skipped =
            request.checkFirst && alreadyDone(request, await this.platform.accountState(request.store, accountId));
          if (!skipped) await this.act(request, accountId);
          job.results.set(
            accountId,
            skipped
              ? { accountId, outcome: 'done', reason: 'Already done: the platform had applied it; not sent again.' }
              : { accountId, outcome: 'done' },
          );
          if (request.action === 'delete') this.cache.remove(request.store, accountId);
        } catch (error) {
          if (halts(error)) job.halted = true;
          const notMember = await this.notAMember(request, accountId, error);
          job.results.set(
            accountId,
            notMember
              ? { accountId, outcome: 'skipped', reason: 'Not a member of this group: nothing to remove.' }
              : { accountId, outcome: 'failed', reason: reasonOf(error) },
          );
        }
        emit();
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, queue.length) }, worker));
    job.finished = true;
    this.journal.finish(jobId, this.result(jobId).results);
    emit(true);
  }

  /**
   * Whether a "not found" removing an account from a group means it was not in the group (the account still exists)
   * rather than that the account is gone: one read tells them apart.
   */
  private async notAMember(request: BulkRequest, accountId: string, error: unknown): Promise<boolean> {
    if (request.action !== 'removeFromGroup' || !(error instanceof DesksideError) || error.code !== 'NOT_FOUND')
      return false;
    const state = await this.platform.accountState(request.store, accountId).catch(() => undefined);
    return Boolean(state && !state.groupIds.includes(request.groupId!));
  }

  private act(request: BulkRequest, accountId: string): Promise<void> {
    const platform = this.platform;
    switch (request.action) {
      case 'enable':
        return platform.enableAccount(request.store, accountId);
      case 'disable':
        return platform.disableAccount(request.store, accountId);
      case 'delete':
        return platform.deleteAccount(request.store, accountId);
      case 'addToGroup':
        return platform.addToGroup(request.store, accountId, request.groupId!);
      case 'removeFromGroup':
        return platform.removeFromGroup(request.store, accountId, request.groupId!);
    }
  }
}
