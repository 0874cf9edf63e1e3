import { z } from 'zod';
import { secretMatches } from '../auth/clients';
import { TokenResponse } from '../api/schemas';
import type { SandboxContext } from '../context';
import type { TypedApp } from './common';

const TokenRequest = z.looseObject({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  audience: z.string().optional(),
  scope: z.string().optional(),
});

/** POST /oauth2/token: the client-credentials grant, with client_secret_basic or client_secret_post. */
export function registerAuthRoutes(app: TypedApp, ctx: SandboxContext): void {
  app.post(
    '/oauth2/token',
    {
      schema: {
        operationId: 'token',
        tags: ['OAuth 2.0'],
        description:
          'Client-credentials grant, as tokenpost in the published document: grant_type, audience (the tenant URL) and scope (space-separated) are required. Send client_id and client_secret with HTTP Basic or in the form body. Grants exactly the scopes asked for, all of which the client must be allowed.',
        body: TokenRequest,
        response: {
          200: TokenResponse,
          400: z.object({ error: z.string(), error_description: z.string() }),
          401: z.object({ error: z.string(), error_description: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      let clientId = body.client_id;
      let clientSecret = body.client_secret;
      const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (basic) {
        const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        clientId = decodeURIComponent(decoded.slice(0, colon));
        clientSecret = decodeURIComponent(decoded.slice(colon + 1));
      }
      const fail = (status: 400 | 401, error: string, description: string) => {
        if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="sandbox"');
        return reply.code(status).header('Cache-Control', 'no-store').send({ error, error_description: description });
      };
      if (body.grant_type !== 'client_credentials')
        return fail(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.');
      const client = ctx.clients.find((candidate) => candidate.clientId === clientId);
      if (!client || !clientSecret || !secretMatches(client, clientSecret))
        return fail(401, 'invalid_client', 'Unknown client or wrong secret.');
      if (client.revoked) return fail(401, 'invalid_client', 'This client has been revoked.');
      const tenant = [ctx.baseUrl(), `http://${request.headers.host ?? ''}`];
      const audience = body.audience?.replace(/\/+$/, '');
      if (!audience) return fail(400, 'invalid_request', 'The audience is required: the tenant URL.');
      if (!tenant.includes(audience))
        return fail(400, 'invalid_request', `Unknown audience ${audience.slice(0, 200)}: use the tenant URL.`);
      const requested = [...new Set(body.scope?.split(/\s+/).filter(Boolean) ?? [])];
      if (requested.length === 0) return fail(400, 'invalid_scope', 'The scope is required (space-separated).');
      const refused = requested.filter((scope) => !client.scopes.includes(scope));
      if (refused.length > 0) return fail(400, 'invalid_scope', `This client may not have: ${refused.join(' ')}`);
      const scopes = requested;
      const { token, expiresIn } = ctx.tokens.issue(client, scopes);
      return reply
        .header('Cache-Control', 'no-store')
        .send({ access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn, scope: scopes.join(' ') });
    },
  );
}
