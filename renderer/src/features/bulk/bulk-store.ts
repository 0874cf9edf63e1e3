import { create } from 'zustand';
import { events } from '@shared/contracts';
import type { BulkActionKind, BulkProgress, BulkResult } from '@shared/contracts/bulk';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';

interface BulkState {
  progress: BulkProgress | null;
  result: BulkResult | null;
  error: string | null;
  last: { action: BulkActionKind; store: string; groupId?: string } | null;
  start(request: {
    action: BulkActionKind;
    store: string;
    accountIds: string[];
    groupId?: string;
    confirmation?: string;
    checkFirst?: boolean;
  }): Promise<void>;
  cancel(): Promise<void>;
  retryFailed(): Promise<void>;
  dismiss(): void;
}

/**
 * A job's progress can reach the page before the answer to its start does (a one-account retry on a fast platform
 * is over by then). While a start is awaited, progress of jobs the store does not show yet is kept here, so the
 * answer is matched with it instead of the store staying on its first "not attempted" forever.
 */
const early = new Map<string, BulkProgress>();
let starting = 0;

export const useBulkStore = create<BulkState>((set, get) => ({
  progress: null,
  result: null,
  error: null,
  last: null,
  async start(request) {
    set({
      error: null,
      result: null,
      last: { action: request.action, store: request.store, ...(request.groupId ? { groupId: request.groupId } : {}) },
    });
    starting++;
    try {
      const initial = await deskside.bulk.start(request);
      // Its own events may have come first: they are further along than the answer, which is taken at the start.
      const progress = early.get(initial.jobId) ?? initial;
      set({ progress });
      if (progress.finished && !get().result) set({ result: await deskside.bulk.result({ jobId: progress.jobId }) });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      if (--starting === 0) early.clear();
    }
  },
  async cancel() {
    const progress = get().progress;
    if (progress) set({ progress: await deskside.bulk.cancel({ jobId: progress.jobId }) });
  },
  async retryFailed() {
    const { result, last } = get();
    if (!result || !last) return;
    const accountIds = result.results
      .filter((entry) => entry.outcome === 'failed' || entry.outcome === 'not attempted')
      .map((entry) => entry.accountId);
    if (accountIds.length === 0) return;
    // A failure may hide a change that landed before the platform stopped answering: check before acting again.
    await get().start({
      ...last,
      accountIds,
      checkFirst: true,
      ...(last.action === 'delete' ? { confirmation: String(accountIds.length) } : {}),
    });
  },
  dismiss: () => set({ progress: null, result: null, error: null }),
}));

deskside.on(events.bulkProgress, (progress) => {
  const current = useBulkStore.getState().progress;
  if (current?.jobId !== progress.jobId && starting > 0) {
    early.set(progress.jobId, progress);
    return;
  }
  if (current && current.jobId !== progress.jobId) return;
  useBulkStore.setState({ progress });
  if (progress.finished) {
    void deskside.bulk.result({ jobId: progress.jobId }).then((result) => useBulkStore.setState({ result }));
  }
});
