import { z } from 'zod';

/** One resilience rule: on matching requests, add latency and/or fail (at a rate, or on a fixed schedule) with 429 or a 5xx. */
export const FaultRule = z.object({
  /** A regular expression tested against "METHOD /path" (e.g. "GET /admin/api/v1/identityStores/.*\/accounts$"). */
  route: z.string().default('.*'),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  failureRate: z.number().min(0).max(1).default(0),
  /** A fixed schedule instead of a rate: every n-th matching request fails (1: all of them). */
  failEvery: z.number().int().min(1).max(1000).optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
  /** Seconds, sent with 429 and 503 as Retry-After. */
  retryAfter: z.number().int().min(0).max(3600).default(1),
});
export type FaultRule = z.infer<typeof FaultRule>;
export const FaultRules = z.object({ rules: z.array(FaultRule) });

export type FaultDecision = { latencyMs: number; failure?: { status: number; retryAfter: number } };

/**
 * The sandbox's fault flags, so the console's handling of latency, rate limits and server errors is tested
 * against real HTTP responses. Decisions come from a seeded generator, so a run can be repeated.
 */
export class FaultInjector {
  private rules: Array<FaultRule & { pattern: RegExp; seen: number }> = [];
  private state: number;

  constructor(seed = 0x5eed) {
    this.state = seed >>> 0 || 1;
  }

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule, pattern: new RegExp(`^(?:${rule.route})$`), seen: 0 }));
  }

  list(): FaultRule[] {
    return this.rules.map(({ pattern: _pattern, seen: _seen, ...rule }) => rule);
  }

  decide(method: string, path: string): FaultDecision {
    const key = `${method} ${path}`;
    let latencyMs = 0;
    for (const rule of this.rules) {
      if (!rule.pattern.test(key) && !rule.pattern.test(path)) continue;
      latencyMs = Math.max(latencyMs, rule.latencyMs);
      rule.seen++;
      const fails =
        rule.failEvery !== undefined
          ? rule.seen % rule.failEvery === 0
          : rule.failureRate > 0 && this.next() < rule.failureRate;
      if (fails) return { latencyMs, failure: { status: rule.status, retryAfter: rule.retryAfter } };
    }
    return { latencyMs };
  }

  /** xorshift32: small, seeded, good enough for fault decisions. */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
