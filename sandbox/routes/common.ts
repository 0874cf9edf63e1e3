import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemJson } from '../api/schemas';

/** The server with zod-typed routes. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const Paging = z.object({
  page: z.coerce.number().int().min(0).default(0),
  size: z.coerce.number().int().min(1).max(1000).default(20),
});

export function paged<T>(items: T[], page: number, size: number) {
  return {
    content: items.slice(page * size, page * size + size),
    page: { number: page, size, totalElements: items.length, totalPages: Math.ceil(items.length / size) },
  };
}

export const StoreParams = z.object({ identityStoreName: z.string() });
export const AccountParams = StoreParams.extend({ accountId: z.string().min(1) });

/** Optional on writes that may notify the customer; the client *object* id of an application client. */
export const NotifyHeaders = z.looseObject({ 'x-notification-by-application': z.string().min(1).optional() });

/** The error responses every Admin API operation may give. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ProblemJson]));
}
