import type { AdminActor, SandboxContext } from '../context';
import type { Db } from '../db/database';
import { touchAccount } from './account-writes';
import { accountUserName, type AccountRow } from './accounts';
import { recordAdminEvent } from './events';

/** Puts an account in groups (those it is in already stay), recording nothing: call inside a transaction. */
export function joinGroups(db: Db, row: Pick<AccountRow, 'id' | 'created_at'>, groupIds: string[]): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO account_groups (account_id, group_id, account_created_at) VALUES (?, ?, ?)',
  );
  for (const groupId of groupIds) insert.run(row.id, groupId, row.created_at);
}

/** Adds an account to groups (those it is in already stay), as one administrative change. */
export function addToGroups(
  ctx: SandboxContext,
  admin: AdminActor,
  row: AccountRow,
  groups: Array<{ id: string; name: string }>,
): void {
  ctx.db.transaction(() => {
    joinGroups(
      ctx.db,
      row,
      groups.map((group) => group.id),
    );
    touchAccount(ctx, row.id);
    recordAdminEvent(
      ctx,
      admin,
      { id: row.id, store: row.store, userName: accountUserName(row) },
      'groupAssign',
      { groups: groups.map((group) => group.name) },
      undefined,
      204,
    );
  })();
}

/** Takes an account out of a group; false when it was not in it. */
export function removeFromGroup(ctx: SandboxContext, accountId: string, groupId: string): boolean {
  const removed = ctx.db
    .prepare('DELETE FROM account_groups WHERE account_id = ? AND group_id = ?')
    .run(accountId, groupId);
  if (removed.changes > 0) touchAccount(ctx, accountId);
  return removed.changes > 0;
}
