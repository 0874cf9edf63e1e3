import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { recordAudit } from '../domain/audit';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The platform's administrative audit: every change an API client makes through the Admin API that succeeds is
 * kept (operation, URL, client, address, the request body without secrets), whichever route made it.
 */
export function registerAuditTrail(app: FastifyInstance, ctx: SandboxContext): void {
  app.addHook('onResponse', async (request, reply) => {
    const admin = request.admin;
    if (!admin || !CHANGES.has(request.method) || reply.statusCode >= 400) return;
    const schema = (request.routeOptions.schema ?? {}) as { operationId?: string; tags?: string[] };
    recordAudit(ctx, {
      action: request.method === 'DELETE' ? 'Delete' : reply.statusCode === 201 ? 'Create' : 'Update',
      entityType: schema.tags?.[0] ?? 'Unknown',
      name: schema.operationId ?? `${request.method} ${admin.url}`,
      method: request.method,
      url: admin.url,
      client: admin.client,
      ip: admin.ip,
      body: request.body,
      status: reply.statusCode,
    });
  });
}
