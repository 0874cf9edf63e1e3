/**
 * One agent of the load test, in a process of its own (bench/load.ts starts twenty): its own main side and cache,
 * searches (50%), account opens (30%) and writes (20%) without pause until the time is up; its writes change one
 * attribute of its own on accounts other agents write at the same moment. Prints one JSON line: its timings, its
 * errors, and the last value it saw saved on each account.
 * Usage (from bench/load.ts): tsx bench/load-agent.ts <plan JSON>
 */
import { connectToSandbox } from '../tests/unit/sandbox-services';
import { PAGE_SIZE, type SearchCase } from './cases';

export interface AgentPlan {
  url: string;
  number: number;
  stopAt: number;
  /** The attribute this agent writes (one per agent of a group), and how its value is made. */
  attribute: { path: string; kind: 'string' | 'list' | 'date' };
  /** Accounts this agent's group writes at once, each agent its own attribute. */
  writes: string[];
  opens: Array<{ store: string; id: string }>;
  searches: SearchCase[];
}

export interface AgentReport {
  number: number;
  times: Record<'search' | 'open' | 'write', number[]>;
  errors: string[];
  /** account id → the last value this agent saw saved (as the profile shows it). */
  saved: Record<string, unknown>;
}

export function valueFor(kind: AgentPlan['attribute']['kind'], agent: number, step: number): unknown {
  if (kind === 'list') return [`Load ${agent}-${step}`];
  // A day of its own for every write of this agent (1900 onwards, always in the past).
  if (kind === 'date')
    return new Date(Date.UTC(1900, 0, 1) + (agent * 1000 + step) * 86_400_000).toISOString().slice(0, 10);
  return `Load ${agent}-${step}`;
}

async function run(plan: AgentPlan): Promise<AgentReport> {
  const services = connectToSandbox(plan.url, { productionClient: true });
  const report: AgentReport = {
    number: plan.number,
    times: { search: [], open: [], write: [] },
    errors: [],
    saved: {},
  };
  let step = 0;
  while (Date.now() < plan.stopAt) {
    const roll = (step * 7 + plan.number * 13) % 10;
    const started = performance.now();
    try {
      if (roll < 5) {
        const item = plan.searches[(step + plan.number * 17) % plan.searches.length]!;
        await services.accounts.search({ store: item.store, filter: item.filter, page: 0, size: PAGE_SIZE });
        report.times.search.push(performance.now() - started);
      } else if (roll < 8) {
        const account = plan.opens[(step * 31 + plan.number * 101) % plan.opens.length]!;
        await services.profiles.open(account.store, account.id);
        report.times.open.push(performance.now() - started);
      } else {
        const accountId = plan.writes[step % plan.writes.length]!;
        const value = valueFor(plan.attribute.kind, plan.number, step);
        await services.profiles.act('consumers', accountId, {
          kind: 'updateAttributes',
          changes: { [plan.attribute.path]: value },
        });
        report.saved[accountId] = value;
        report.times.write.push(performance.now() - started);
      }
    } catch (error) {
      report.errors.push(`agent ${plan.number}: ${(error as Error).message}`);
    }
    step++;
  }
  services.connectivity.dispose();
  return report;
}

if (process.argv[1]?.endsWith('load-agent.ts')) {
  const report = await run(JSON.parse(process.argv[2]!) as AgentPlan);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}
