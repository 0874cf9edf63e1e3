import { describe, expect, it } from 'vitest';
import type { CacheDb } from './cache-database';
import { writePending, writeSoon } from './deferred-writes';

// The queue only keys on the database; its writes here note their order instead of writing.
const database = () => ({}) as CacheDb;

describe('deferred cache writes', () => {
  it('run in the order they were asked for, once the current task is over', async () => {
    const db = database();
    const order: string[] = [];
    writeSoon(db, () => order.push('page 1'));
    writeSoon(db, () => order.push('page 2'));
    expect(order).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['page 1', 'page 2']);
  });

  it('a write that itself uses the cache does not let the writes asked for after it go first', () => {
    // A profile's save keeps its summary through the account cache, which runs what is pending before it
    // writes: the search page queued after the profile must still land after it, or the older copy would win.
    const db = database();
    const order: string[] = [];
    writeSoon(db, () => {
      writePending(db);
      order.push('profile');
    });
    writeSoon(db, () => order.push('newer page'));
    writePending(db);
    expect(order).toEqual(['profile', 'newer page']);
  });

  it('a use of the cache in the same task runs what is pending first, each write once', async () => {
    const db = database();
    const order: string[] = [];
    writeSoon(db, () => order.push('page'));
    writePending(db);
    order.push('read');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['page', 'read']);
  });
});
