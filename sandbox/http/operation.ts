import type { FastifyRequest } from 'fastify';
import type { AdminActor, SandboxContext } from '../context';
import { ApiProblem } from '../domain/problems';

/** The API client an Admin API request came from, once its token has been checked. */
declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminActor;
  }
}

/** Bearer token check and scope enforcement for one Admin API route. */
export function requireScopes(ctx: SandboxContext, scopes: readonly string[]) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const unauthorized = (detail: string, error: string) =>
      new ApiProblem(401, 'Unauthorized', detail, undefined, {
        'WWW-Authenticate': `Bearer realm="sandbox", error="${error}", error_description="${detail}"`,
      });
    if (!match) throw unauthorized('A bearer token is required.', 'invalid_request');
    const grant = ctx.tokens.verify(match[1]!);
    if (grant === 'expired') throw unauthorized('The access token has expired.', 'invalid_token');
    if (grant === 'invalid') throw unauthorized('The access token is not valid.', 'invalid_token');
    const missing = scopes.filter((scope) => !grant.scopes.includes(scope));
    if (missing.length > 0)
      throw new ApiProblem(403, 'Forbidden', `This API client lacks the permission ${missing.join(' and ')}.`);
    request.admin = {
      client: grant.client,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      method: request.method,
      url: request.url.split('?')[0]!,
    };
  };
}

/**
 * The options of one Admin API operation: its name, tag and permissions in the OpenAPI document, and the
 * bearer-token and scope check at run time.
 */
export function operation<S extends object>(
  ctx: SandboxContext,
  operationId: string,
  tag: string,
  scopes: readonly string[],
  schema: S,
) {
  return {
    // onRequest, not preHandler: permissions are checked before the body is parsed or validated.
    onRequest: requireScopes(ctx, scopes),
    schema: { operationId, tags: [tag], security: [{ securityScheme: [...scopes] }], ...schema },
  };
}
