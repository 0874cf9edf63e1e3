import { existsSync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { demoClients, usesDefaultSecrets, type ApiClient } from './auth/clients';
import type { SandboxContext } from './context';
import { openDatabase, type Db } from './db/database';
import { FaultInjector, type FaultRule } from './faults';
import type { AnswerModes } from './http/answers';
import { isSeeded, seedDatabase, type SeedSummary } from './seed/seed';
import { buildServer } from './server';

export interface SandboxOptions {
  /** SQLite file; ':memory:' for throwaway platforms in tests. */
  dataFile: string;
  port?: number;
  host?: string;
  /** Accounts to seed when the database is empty. */
  seedAccounts?: number;
  /** Delete the database first (the CLI's --seed). */
  fresh?: boolean;
  clients?: ApiClient[];
  tokenTtlSeconds?: number;
  faults?: FaultRule[];
  /** Extensions off, strict query checks, sparse answers (default: extensions on, lenient, lean). */
  answers?: AnswerModes;
  now?: () => number;
  onSeedProgress?: (done: number, total: number) => void;
}

export interface RunningSandbox {
  url: string;
  app: FastifyInstance;
  db: Db;
  ctx: SandboxContext;
  clients: ApiClient[];
  seeded: SeedSummary | null;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Opens (seeding if empty) the database and serves the platform. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const clients = options.clients ?? demoClients();
  if (!LOOPBACK.has(host) && usesDefaultSecrets(clients)) {
    throw new Error(
      `Refusing to listen on ${host} with the documented demo secrets: set SANDBOX_VIEWER_SECRET, SANDBOX_AGENT_SECRET and SANDBOX_SUPERVISOR_SECRET.`,
    );
  }
  if (options.fresh && options.dataFile !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(options.dataFile + suffix)) rmSync(options.dataFile + suffix);
  }
  const db = openDatabase(options.dataFile);
  const seeded = isSeeded(db)
    ? null
    : seedDatabase(db, {
        accounts: options.seedAccounts ?? 5000,
        onProgress: options.onSeedProgress,
        ...(options.now ? { now: options.now() } : {}),
      });
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const { app, ctx } = await buildServer({
    db,
    clients,
    faults,
    ...(options.answers ? { answers: options.answers } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.tokenTtlSeconds ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}),
  });
  await app.listen({ port: options.port ?? 4100, host });
  const url = ctx.baseUrl();
  return {
    url,
    app,
    db,
    ctx,
    clients,
    seeded,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}
