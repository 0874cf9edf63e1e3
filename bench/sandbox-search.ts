/**
 * listAccounts latency per filter kind through HTTP, at 10,000 and 1,000,000 accounts, the sandbox in a process of
 * its own. Usage: npm run build && tsx bench/sandbox-search.ts [sizes=10000,1000000] [samples=300]
 * Each kind cycles through many distinct values (bench/cases.ts) at the console's page size; every answer is
 * checked against the number of accounts its search must match, so a misread filter fails the run.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { checkAnswer, PAGE_SIZE, searchCases, type SearchCase } from './cases';
import { rawAdminApi, sandboxProcess, statedTotal } from './platform';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles, timeIt } from './stats';

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
  const results: Record<string, Record<string, ReturnType<typeof percentiles> & { values: number }>> = {};
  const platforms: Array<{
    size: number;
    sandbox: Awaited<ReturnType<typeof sandboxProcess>>;
    api: Awaited<ReturnType<typeof rawAdminApi>>;
    cases: ReturnType<typeof searchCases>;
  }> = [];
  for (const size of sizes) {
    const { file } = ensureBenchDatabase(size);
    const cases = searchCases(file);
    warmFile(file);
    const sandbox = await sandboxProcess(file);
    platforms.push({ size, sandbox, api: await rawAdminApi(sandbox.url, 'viewer'), cases });
    results[size] = {};
  }
  const search = async (platform: (typeof platforms)[number], item: SearchCase) => {
    const answer = await platform.api.get(
      `/admin/api/v1/identityStores/${item.store}/accounts?size=${PAGE_SIZE}&${item.query}`,
    );
    if (answer.status !== 200) throw new Error(`${item.kind}: ${item.query} answered ${answer.status}`);
    checkAnswer(item, { rows: (answer.body as unknown[]).length, ...statedTotal(answer.headers) });
  };
  for (const kind of platforms[0]!.cases.keys()) {
    const times = new Map<number, number[]>(platforms.map((platform) => [platform.size, []]));
    // Every value once first: checked, and the warm-up.
    for (const platform of platforms) for (const item of platform.cases.get(kind)!) await search(platform, item);
    for (let i = 0; i < samples; i++)
      for (const platform of platforms) {
        const items = platform.cases.get(kind)!;
        times.get(platform.size)!.push((await timeIt(() => search(platform, items[i % items.length]!)))[0]);
      }
    for (const platform of platforms) {
      const figures = { ...percentiles(times.get(platform.size)!), values: platform.cases.get(kind)!.length };
      results[platform.size]![kind] = figures;
      console.log(
        `${platform.size.toLocaleString('en')} accounts  ${kind.padEnd(22)} p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms  (${figures.values} values)`,
      );
    }
  }
  for (const platform of platforms) await platform.sandbox.stop();
  return results;
}

if (process.argv[1]?.endsWith('sandbox-search.ts')) {
  const sizes = (process.argv[2] ?? '10000,1000000').split(',').map(Number);
  const samples = Number(process.argv[3] ?? 300);
  const results = await benchSandboxSearch(sizes, samples);
  recordResults('sandboxSearch', { sizes, samples, pageSize: PAGE_SIZE, listAccounts: results });
}
