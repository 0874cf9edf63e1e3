/**
 * listAccounts latency per filter kind through HTTP, at 10,000 and 1,000,000 accounts.
 * Usage: tsx bench/sandbox-search.ts [sizes=10000,1000000] [samples=200]
 * Seeds bench/.data/sandbox-N.db once (and reports how long that took), then measures each filter kind with
 * varied values, sequentially, after a warm-up.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { openDatabase } from '../sandbox/db/database';
import { startSandbox } from '../sandbox/start';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles, timeIt } from './stats';
import { recordResults } from './results';

interface Kind {
  name: string;
  store: string;
  /** Query strings to cycle through. */
  queries: string[];
}

function kindsFor(file: string): Kind[] {
  const db = openDatabase(file);
  const sample = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).all(...args) as Array<{ v: string }>).map((row) => row.v);
  // Identifiers spread over the whole table (by rowid), so the cache is not favoured.
  const total = (db.prepare('SELECT MAX(rowid) AS n FROM accounts').get() as { n: number }).n;
  const step = Math.max(1, Math.floor(total / 200));
  const emails = sample("SELECT email AS v FROM accounts WHERE store = 'consumers' AND rowid % ? = 0 LIMIT 200", step);
  const usernames = sample(
    "SELECT username AS v FROM accounts WHERE store = 'business' AND rowid % ? = 0 LIMIT 200",
    step,
  );
  const familyNames = sample(
    "SELECT DISTINCT value AS v FROM account_attribute_values WHERE store = 'consumers' AND path = 'name.familyName' LIMIT 50",
  );
  db.close();
  const enc = encodeURIComponent;
  return [
    { name: 'identifier (email)', store: 'consumers', queries: emails.map((email) => `loginIdentifier=${enc(email)}`) },
    {
      name: 'identifier (username)',
      store: 'business',
      queries: usernames.map((name) => `loginIdentifier=${enc(name)}`),
    },
    {
      name: 'email domain',
      store: 'consumers',
      queries: [
        '@inbox.example',
        '@example.com',
        '@students.uni.example',
        '@eu.inbox.example',
        '@fastmail.example',
      ].map((d) => `loginIdentifier=${enc(d)}`),
    },
    {
      name: 'indexed attribute',
      store: 'consumers',
      queries: [
        ...familyNames.map((n) => `attribute_name.familyName=${enc(n)}`),
        'attribute_loyaltyTier=platinum',
        'attribute_loyaltyTier=gold',
      ],
    },
    { name: 'status', store: 'consumers', queries: ['enabled=false', 'enabled=true', 'neverLoggedIn=true'] },
    {
      name: 'date range',
      store: 'consumers',
      queries: [
        'createdAtStartDate=-P30D',
        'lastLoginAtStartDate=-P7D',
        'createdAtStartDate=-P400D&createdAtEndDate=-P300D',
        'updatedAtStartDate=-P1D',
      ],
    },
    {
      name: 'membership',
      store: 'business',
      queries: [
        'groups=business-finance-approvers',
        'groups=business-contractors',
        'roles=acme:business-editor',
        'groups=business-engineering&groupsFilter=include',
      ],
    },
  ];
}

/**
 * Reads the database file once, so the OS holds it in memory as it would for a platform that has been serving for
 * a while; otherwise the first touch of each page (disk reads) is measured rather than the search.
 */
function warmFile(file: string): void {
  const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0) {
      // reading is the point
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Both sizes run side by side and their requests alternate, so whatever else the machine does weighs on both
 * alike: the ratio between them is what one of the targets is about.
 */
export async function benchSandboxSearch(sizes: number[], samples: number) {
  const results: Record<string, Record<string, ReturnType<typeof percentiles>>> = {};
  const seeding: Record<string, number | null> = {};
  const platforms: Array<{
    size: number;
    sandbox: Awaited<ReturnType<typeof startSandbox>>;
    token: string;
    kinds: Kind[];
  }> = [];
  for (const size of sizes) {
    const { file, seedSeconds } = ensureBenchDatabase(size);
    seeding[size] = seedSeconds;
    warmFile(file);
    const sandbox = await startSandbox({ dataFile: file, port: 0 });
    const client = sandbox.clients.find((candidate) => candidate.tier === 'viewer')!;
    const tokenResponse = await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.secret,
        audience: sandbox.url,
        scope: client.scopes.join(' '),
      }),
    });
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
    platforms.push({ size, sandbox, token, kinds: kindsFor(file) });
    results[size] = {};
  }
  const kindNames = platforms[0]!.kinds.map((kind) => kind.name);
  for (const [kindIndex, name] of kindNames.entries()) {
    const times = new Map<number, number[]>(platforms.map((platform) => [platform.size, []]));
    const run = async (platform: (typeof platforms)[number], i: number) => {
      const kind = platform.kinds[kindIndex]!;
      const query = kind.queries[i % kind.queries.length]!;
      const response = await fetch(
        `${platform.sandbox.url}/admin/api/v1/identityStores/${kind.store}/accounts?size=20&${query}`,
        { headers: { Authorization: `Bearer ${platform.token}` } },
      );
      if (response.status !== 200) throw new Error(`${kind.name}: ${query} answered ${response.status}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 10; i++) for (const platform of platforms) await run(platform, i);
    for (let i = 0; i < samples; i++) {
      for (const platform of platforms) times.get(platform.size)!.push((await timeIt(() => run(platform, i)))[0]);
    }
    for (const platform of platforms) {
      const figures = percentiles(times.get(platform.size)!);
      results[platform.size]![name] = figures;
      console.log(
        `${platform.size.toLocaleString('en')} accounts  ${name.padEnd(22)} p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms`,
      );
    }
  }
  for (const platform of platforms) await platform.sandbox.close();
  return { results, seeding };
}

if (process.argv[1]?.endsWith('sandbox-search.ts')) {
  const sizes = (process.argv[2] ?? '10000,1000000').split(',').map(Number);
  const samples = Number(process.argv[3] ?? 200);
  const { results, seeding } = await benchSandboxSearch(sizes, samples);
  await recordResults('sandboxSearch', { sizes, samples, seedSeconds: seeding, listAccounts: results });
}
