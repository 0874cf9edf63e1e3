import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { renameConfiguration } from '../domain/configuration';
import { FaultRules } from '../faults';
import { ApiProblem, notFound } from '../domain/problems';
import type { TypedApp } from './common';

function loopbackOnly(request: FastifyRequest): void {
  const peer = request.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(peer))
    throw new ApiProblem(403, 'Forbidden', 'Control hooks answer loopback callers only.');
}

/** Hooks for the console's tests: fault flags, client revocation, renaming configuration. Loopback callers only. */
export function registerControlRoutes(app: TypedApp, ctx: SandboxContext): void {
  const tags = ['Sandbox control'];
  app.get('/sandbox/control/faults', { schema: { tags, response: { 200: FaultRules } } }, async (request) => {
    loopbackOnly(request);
    return { rules: ctx.faults.list() };
  });
  app.put(
    '/sandbox/control/faults',
    { schema: { tags, body: FaultRules, response: { 200: FaultRules } } },
    async (request) => {
      loopbackOnly(request);
      ctx.faults.set(request.body.rules);
      return { rules: ctx.faults.list() };
    },
  );
  app.delete('/sandbox/control/faults', { schema: { tags } }, async (request, reply) => {
    loopbackOnly(request);
    ctx.faults.set([]);
    return reply.code(204).send(null);
  });
  app.post(
    '/sandbox/control/clients/:clientId/revoke',
    {
      schema: {
        tags,
        params: z.object({ clientId: z.string() }),
        body: z.object({ revoked: z.boolean().default(true) }).optional(),
      },
    },
    async (request, reply) => {
      loopbackOnly(request);
      const client = ctx.clients.find((candidate) => candidate.clientId === request.params.clientId);
      if (!client) throw notFound('API client', request.params.clientId);
      client.revoked = request.body?.revoked ?? true;
      if (client.revoked) ctx.tokens.revokeClient(client.clientId);
      return reply.code(204).send(null);
    },
  );
  // Renames a piece of configuration, so tests can put hostile strings where only configuration goes (consent,
  // group, role, organization, policy, application and client names) and see every screen show them as text.
  const renameable = {
    consent: 'consents',
    group: 'groups',
    role: 'roles',
    organization: 'organizations',
    proofingPolicy: 'proofing_policies',
    notificationPolicy: 'notification_policies',
    application: 'applications',
    client: 'clients',
  } as const;
  app.put(
    '/sandbox/control/names',
    {
      schema: {
        tags,
        body: z.object({
          kind: z.enum(Object.keys(renameable) as [keyof typeof renameable, ...Array<keyof typeof renameable>]),
          id: z.string().min(1),
          name: z.string().min(1).max(2000),
        }),
      },
    },
    async (request, reply) => {
      loopbackOnly(request);
      const { kind, id, name } = request.body;
      if (!renameConfiguration(ctx.db, renameable[kind], id, name)) throw notFound(kind, id);
      return reply.code(204).send(null);
    },
  );
  app.get('/sandbox/health', { schema: { tags } }, async () => ({ status: 'ok' }));
}
