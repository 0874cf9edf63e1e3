import type { CacheDb } from './cache-database';

export interface JournalResult {
  accountId: string;
  outcome: 'done' | 'skipped' | 'failed' | 'not attempted';
  reason?: string;
}

/** One connection's part of the journal: the agent's own bulk actions and their per-account results, for "what did I do" and for retries. */
export class ActionJournal {
  constructor(
    private readonly db: CacheDb,
    private readonly connectionId: string,
    private readonly now: () => number,
  ) {}

  start(entry: { id: string; store: string; action: string; total: number; detail?: string }): void {
    this.db
      .prepare(
        'INSERT INTO action_journal (id, connection_id, store, action, started_at, total, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(entry.id, this.connectionId, entry.store, entry.action, this.now(), entry.total, entry.detail ?? null);
  }

  finish(id: string, results: JournalResult[]): void {
    this.db
      .prepare('UPDATE action_journal SET finished_at = ?, results = ? WHERE id = ? AND connection_id = ?')
      .run(this.now(), JSON.stringify(results), id, this.connectionId);
  }

  list(limit = 50) {
    const rows = this.db
      .prepare('SELECT * FROM action_journal WHERE connection_id = ? ORDER BY started_at DESC LIMIT ?')
      .all(this.connectionId, limit) as Array<Record<string, string | number | null>>;
    return rows.map((row) => ({
      id: String(row.id),
      store: String(row.store),
      action: String(row.action),
      startedAt: Number(row.started_at),
      finishedAt: row.finished_at === null ? null : Number(row.finished_at),
      total: Number(row.total),
      /** What the agent said the action was for, where it had to (an impersonation's client and reason). */
      detail: row.detail === null || row.detail === undefined ? null : String(row.detail),
      results: JSON.parse(String(row.results)) as JournalResult[],
    }));
  }
}
