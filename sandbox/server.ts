import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiClient } from './auth/clients';
import { TokenIssuer } from './auth/tokens';
import type { SandboxContext } from './context';
import type { Db } from './db/database';
import { ApiProblem } from './domain/problems';
import { FaultInjector } from './faults';
import { registerAnswerModes, type AnswerModes } from './http/answers';
import { registerAuditTrail } from './http/audit-trail';
import { registerAccountRoutes } from './routes/accounts';
import { registerInvitationRoutes } from './routes/invitations';
import { registerAccountActionRoutes } from './routes/account-actions';
import { registerAuthRoutes } from './routes/auth';
import { registerConfigurationRoutes } from './routes/configuration';
import { registerControlRoutes } from './routes/control';
import { registerCustomerRoutes } from './routes/customer';
import { registerEventRoutes } from './routes/events';

export interface ServerOptions {
  db: Db;
  clients: ApiClient[];
  now?: () => number;
  tokenTtlSeconds?: number;
  faults?: FaultInjector;
  /** Lean answers always; extensions, strict query checks and sparse answers as asked. */
  answers?: AnswerModes;
}

/** The sandbox identity platform: Admin API, token endpoint, customer flows and control hooks on one server. */
export async function buildServer(options: ServerOptions): Promise<{ app: FastifyInstance; ctx: SandboxContext }> {
  // forceCloseConnections: a stop (Ctrl-C, Deskside quitting) must not wait on clients' keep-alive connections.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: false, forceCloseConnections: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const now = options.now ?? Date.now;
  const ctx: SandboxContext = {
    db: options.db,
    now,
    clients: options.clients,
    tokens: new TokenIssuer(options.tokenTtlSeconds ?? 3600, now),
    faults: options.faults ?? new FaultInjector(),
    baseUrl: () => {
      const address = app.server.address();
      if (!address || typeof address !== 'object') return 'http://127.0.0.1';
      return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    },
  };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Deskside sandbox identity platform — Admin API',
        version: '1.0.0',
        description:
          "The Admin API paths, parameters and fields that Deskside uses, shaped like Strivacity's Admin API. " +
          'Extensions are marked: the X-Total-Count and X-Total-Count-Capped response headers of listAccounts and listGroupMembers, ' +
          "a notification event's clientId, policySource, brandId and applicationId, " +
          'fields described as "Sandbox extension", and everything under /sandbox/. `--no-extensions` switches them off. ' +
          'As the published document says, fields with empty values are left out of every answer.',
      },
      components: { securitySchemes: { securityScheme: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/sandbox/control')) return;
    const decision = ctx.faults.decide(request.method, path);
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
    if (decision.failure) {
      const { status, retryAfter } = decision.failure;
      if (status === 429 || status === 503) reply.header('Retry-After', String(retryAfter));
      return sendProblem(
        reply,
        new ApiProblem(
          status,
          status === 429 ? 'Too Many Requests' : 'Service Unavailable',
          'Injected by the sandbox fault flags.',
        ),
        path,
      );
    }
  });

  app.setErrorHandler(
    (
      error: Error & {
        validation?: Array<{ instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } }>;
        validationContext?: string;
        statusCode?: number;
      },
      request,
      reply,
    ) => {
      const path = request.url.split('?')[0]!;
      if (error instanceof ApiProblem) return sendProblem(reply, error, path);
      if (error.validation) {
        const objectName = error.validationContext ?? 'request';
        const fieldErrors = error.validation.map((issue) => {
          const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || objectName;
          // Header names arrive lower-cased; report them as the API spells them (X-Notification-By-Application).
          const field =
            objectName === 'headers'
              ? path.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase())
              : path;
          return { objectName, field, message: issue.message ?? 'is invalid' };
        });
        return sendProblem(
          reply,
          new ApiProblem(
            400,
            'Bad Request',
            `The ${objectName} is invalid: ${fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ')}`,
            fieldErrors,
          ),
          path,
        );
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendProblem(
          reply,
          new ApiProblem(error.statusCode, error.name === 'FastifyError' ? 'Bad Request' : error.name, error.message),
          path,
        );
      }
      request.log.error(error);
      return sendProblem(
        reply,
        new ApiProblem(500, 'Internal Server Error', 'The sandbox failed to handle the request.'),
        path,
      );
    },
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new ApiProblem(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}.`),
      request.url,
    ),
  );

  registerAnswerModes(app, options.answers ?? {});
  registerAuditTrail(app, ctx);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerAuthRoutes(typed, ctx);
  registerConfigurationRoutes(typed, ctx);
  registerAccountRoutes(typed, ctx);
  registerAccountActionRoutes(typed, ctx);
  registerInvitationRoutes(typed, ctx);
  registerEventRoutes(typed, ctx);
  registerCustomerRoutes(typed, ctx);
  registerControlRoutes(typed, ctx);
  await app.ready();
  return { app, ctx };
}

export function sendProblem(reply: FastifyReply, problem: ApiProblem, path: string) {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        path: path.split('?')[0],
        message: `error.${problem.title.toLowerCase().replace(/\s+/g, '')}`,
        ...(problem.fieldErrors ? { fieldErrors: problem.fieldErrors } : {}),
        ...problem.extra,
      }),
    );
}
