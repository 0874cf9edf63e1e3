/**
 * `npm run sandbox`: the sandbox identity platform.
 *   --port N (4100)  --host ADDRESS (127.0.0.1; another address needs non-default client secrets)
 *   --data FILE (.sandbox/sandbox.db)  --seed N (start from a fresh database with N accounts; default on first start: 5,000)
 *   --token-ttl SECONDS (3600)  --latency MS  --fail-rate R  --fail-status 429|500|503  --fault-route REGEX
 *   --quiet (no seeding progress)  --exit-with-stdin (stop when standard input closes: for embedding)
 *   --no-extensions (no X-Total-Count, no notification client: exactly the published document)
 *   --strict (refuse query parameters an operation does not declare)  --sparse (only the fields the document requires)
 *   --list-stories (print an example account of each kind of demo customer, seeding the database first if new; exit)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSecrets } from './auth/clients';
import type { FaultRule } from './faults';
import { openDatabase } from './db/database';
import { isSeeded, SEED_PASSWORD, seedDatabase, storyExamples } from './seed/seed';
import { startSandbox } from './start';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.sandbox/sandbox.db' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
      latency: { type: 'string' },
      'fail-rate': { type: 'string' },
      'fail-status': { type: 'string' },
      'fault-route': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'exit-with-stdin': { type: 'boolean', default: false },
      'no-extensions': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      sparse: { type: 'boolean', default: false },
      'list-stories': { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string | undefined, min: number, max: number) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max)
      throw new Error(`--${name} must be a number from ${min} to ${max}, not ${value}`);
    return parsed;
  };
  const port = number('port', values.port, 0, 65535)!;
  const seedAccounts = number('seed', values.seed, 0, 5_000_000);
  const latencyMs = number('latency', values.latency, 0, 60_000);
  const failureRate = number('fail-rate', values['fail-rate'], 0, 1);
  const faults: FaultRule[] =
    latencyMs || failureRate
      ? [
          {
            route: values['fault-route'] ?? '.*/admin/api/.*',
            latencyMs: latencyMs ?? 0,
            failureRate: failureRate ?? 0,
            status: (number('fail-status', values['fail-status'], 429, 504) ?? 503) as FaultRule['status'],
            retryAfter: 1,
          },
        ]
      : [];
  const dataFile = resolve(values.data!);
  const accountsForNew =
    seedAccounts ?? number('SANDBOX_SEED_ACCOUNTS', process.env.SANDBOX_SEED_ACCOUNTS, 0, 5_000_000) ?? 5000;
  if (values['list-stories']) return listStories(dataFile, accountsForNew);
  let lastReport = 0;
  const sandbox = await startSandbox({
    dataFile,
    port,
    host: values.host!,
    fresh: seedAccounts !== undefined,
    // SANDBOX_SEED_ACCOUNTS sets the size of a new database when --seed is not given (tests use a small one).
    seedAccounts: accountsForNew,
    faults,
    answers: { extensions: !values['no-extensions'], strict: values.strict!, sparse: values.sparse! },
    ...(values['token-ttl'] ? { tokenTtlSeconds: number('token-ttl', values['token-ttl'], 1, 86_400)! } : {}),
    onSeedProgress: (done, total) => {
      if (values.quiet || (Date.now() - lastReport < 2000 && done < total)) return;
      lastReport = Date.now();
      console.log(`sandbox: seeded ${done.toLocaleString('en')} of ${total.toLocaleString('en')} accounts`);
    },
  });
  console.log(`Sandbox identity platform: ${sandbox.url}`);
  console.log(
    `  data: ${dataFile}${sandbox.seeded ? ` (new: ${sandbox.seeded.accounts.toLocaleString('en')} accounts, ${sandbox.seeded.events.toLocaleString('en')} events)` : ''}`,
  );
  if (sandbox.seeded?.shortened) console.log(`  seed: ${sandbox.seeded.shortened}`);
  if (sandbox.seeded) console.log('  demo customers: npm run sandbox -- --list-stories');
  console.log(`  token endpoint: ${sandbox.url}/oauth2/token (client_credentials)`);
  for (const client of sandbox.clients) {
    const secret =
      client.secret === defaultSecrets[client.tier]
        ? client.secret
        : '(from SANDBOX_' + client.tier.toUpperCase() + '_SECRET)';
    console.log(`  ${client.tier.padEnd(10)} client_id=${client.clientId}  client_secret=${secret}`);
  }
  console.log(`  customer logins: every seeded account's password is ${SEED_PASSWORD}`);
  if (faults.length > 0) console.log(`  fault flags: ${JSON.stringify(faults)}`);
  const modes = [
    values['no-extensions'] ? 'no extensions' : 'extensions on (X-Total-Count, notification client)',
    ...(values.strict ? ['strict query parameters'] : []),
    ...(values.sparse ? ['sparse answers'] : []),
  ];
  console.log(`  answers: lean (empty fields left out), ${modes.join(', ')}`);

  const stop = async (signal: string) => {
    console.log(`sandbox: ${signal}, shutting down`);
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  // Embedded in Deskside: when Deskside goes away (its end of stdin closes), so does the sandbox.
  if (values['exit-with-stdin']) {
    process.stdin.on('end', () => void stop('parent gone'));
    process.stdin.resume();
  }
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** `--list-stories`: where a trainer finds each kind of demo customer. */
function listStories(dataFile: string, accountsForNew: number): void {
  const db = openDatabase(dataFile);
  if (!isSeeded(db)) seedDatabase(db, { accounts: accountsForNew });
  console.log(`Demo customers in ${dataFile} (open one in Deskside by its id, or search for it):`);
  for (const story of storyExamples(db)) {
    console.log(`  ${story.title}`);
    if (story.accounts.length === 0) console.log('    (none in a database this small)');
    for (const account of story.accounts) console.log(`    ${account.store.padEnd(10)} ${account.id}`);
  }
  db.close();
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
