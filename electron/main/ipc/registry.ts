import {
  DesksideError,
  validationEnvelope,
  type CallResult,
  type Contract,
  type ErrorEnvelope,
} from '@shared/contracts';
import type { z } from 'zod';
import type { Logger } from '../services/logger';

/** Who is calling; adapters fill it in after their own checks. */
export interface CallContext {
  /** Which transport delivered the call, for logs. */
  transport: 'electron' | 'web' | 'test';
}

/** A handler gets the parsed input and answers something its output schema accepts. */
export type Handler<C extends Contract> = (
  input: z.output<C['input']>,
  ctx: CallContext,
) => Promise<z.input<C['output']>> | z.input<C['output']>;

interface Registration {
  contract: Contract;
  handler: (input: unknown, ctx: CallContext) => unknown;
}

/**
 * The one place handlers are registered. Every call is checked against its contract on the way in
 * (invalid input never reaches a handler) and on the way out (a handler bug never reaches the renderer).
 */
export class IpcRegistry {
  private readonly registrations = new Map<string, Registration>();

  constructor(private readonly logger: Logger) {}

  register<C extends Contract>(contract: C, handler: Handler<C>): void {
    if (this.registrations.has(contract.channel)) throw new Error(`channel ${contract.channel} is registered twice`);
    this.registrations.set(contract.channel, { contract, handler: handler as Registration['handler'] });
  }

  channels(): string[] {
    return [...this.registrations.keys()];
  }

  has(channel: string): boolean {
    return this.registrations.has(channel);
  }

  /** Fails at start-up when a declared call has no handler, rather than at the agent's first click. */
  assertComplete(contracts: readonly Contract[]): void {
    const missing = contracts.filter((contract) => !this.registrations.has(contract.channel)).map((c) => c.channel);
    if (missing.length > 0) throw new Error(`no handler registered for: ${missing.join(', ')}`);
  }

  async dispatch(channel: unknown, rawInput: unknown, ctx: CallContext): Promise<CallResult<unknown>> {
    const registration = typeof channel === 'string' ? this.registrations.get(channel) : undefined;
    if (!registration) {
      return failure({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` });
    }
    const { contract, handler } = registration;
    const input = contract.input.safeParse(rawInput);
    if (!input.success) return failure(validationEnvelope(input.error));

    let value: unknown;
    try {
      value = await handler(input.data, ctx);
    } catch (error) {
      if (error instanceof DesksideError) return failure(error.envelope);
      this.logger.error(`handler for ${contract.channel} failed`, error);
      return failure({ code: 'INTERNAL', message: `Deskside could not complete ${contract.channel}.` });
    }
    const output = contract.output.safeParse(value);
    if (!output.success) {
      this.logger.error(
        `handler for ${contract.channel} returned output that breaks its contract`,
        output.error.issues,
      );
      return failure({ code: 'INTERNAL', message: `Deskside produced an invalid answer for ${contract.channel}.` });
    }
    return { ok: true, value: output.data };
  }
}

function failure(error: ErrorEnvelope): CallResult<never> {
  return { ok: false, error };
}
