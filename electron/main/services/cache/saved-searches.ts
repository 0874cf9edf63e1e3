import { randomUUID } from 'node:crypto';
import { AccountFilter, SearchPage } from '@shared/domain/search';
import type { CacheDb } from './cache-database';

export interface SavedSearchRow {
  id: string;
  connectionId: string;
  store: string;
  name: string;
  filter: AccountFilter;
  pinned: boolean;
  createdAt: number;
  lastRunAt: number | null;
}

/**
 * Named searches an agent reruns in one click, with the last page of results kept for offline use. Bound to one
 * connection: another connection's search is as good as absent, for reading, changing and removing alike.
 */
export class SavedSearches {
  constructor(
    private readonly db: CacheDb,
    private readonly connectionId: string,
    private readonly now: () => number,
  ) {}

  list(): SavedSearchRow[] {
    return this.rows('', []);
  }

  get(id: string): SavedSearchRow | null {
    return this.rows('AND id = ?', [id])[0] ?? null;
  }

  private rows(condition: string, args: unknown[]): SavedSearchRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM saved_searches WHERE connection_id = ? ${condition} ORDER BY pinned DESC, name COLLATE NOCASE`,
      )
      .all(this.connectionId, ...args) as Array<Record<string, string | number | null>>;
    return rows.map((row) => ({
      id: String(row.id),
      connectionId: String(row.connection_id),
      store: String(row.store),
      name: String(row.name),
      filter: AccountFilter.parse(JSON.parse(String(row.filter))),
      pinned: row.pinned === 1,
      createdAt: Number(row.created_at),
      lastRunAt: row.last_run_at === null ? null : Number(row.last_run_at),
    }));
  }

  /** Creates a search, or changes one of this connection's (an id of another connection's is refused). */
  save(input: { store: string; name: string; filter: AccountFilter; pinned: boolean; id?: string }): SavedSearchRow {
    const id = input.id ?? randomUUID();
    if (input.id && !this.get(input.id)) throw new Error(`No saved search ${input.id} on this connection.`);
    this.db
      .prepare(
        `INSERT INTO saved_searches (id, connection_id, store, name, filter, pinned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, filter = excluded.filter, pinned = excluded.pinned, store = excluded.store`,
      )
      .run(
        id,
        this.connectionId,
        input.store,
        input.name,
        JSON.stringify(input.filter),
        input.pinned ? 1 : 0,
        this.now(),
      );
    return this.get(id)!;
  }

  /** False when this connection has no such search. */
  remove(id: string): boolean {
    return (
      this.db.prepare('DELETE FROM saved_searches WHERE id = ? AND connection_id = ?').run(id, this.connectionId)
        .changes > 0
    );
  }

  storeResults(id: string, page: SearchPage): void {
    if (!this.get(id)) return;
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE saved_searches SET last_run_at = ? WHERE id = ?').run(now, id);
      this.db
        .prepare(
          'INSERT INTO saved_search_results (search_id, page, fetched_at) VALUES (?, ?, ?) ON CONFLICT(search_id) DO UPDATE SET page = excluded.page, fetched_at = excluded.fetched_at',
        )
        .run(id, JSON.stringify(page), now);
    })();
  }

  lastResults(id: string): { page: SearchPage; fetchedAt: number } | null {
    if (!this.get(id)) return null;
    const row = this.db.prepare('SELECT page, fetched_at FROM saved_search_results WHERE search_id = ?').get(id) as
      { page: string; fetched_at: number } | undefined;
    if (!row) return null;
    const parsed = SearchPage.safeParse(JSON.parse(row.page));
    return parsed.success ? { page: parsed.data, fetchedAt: row.fetched_at } : null;
  }
}
