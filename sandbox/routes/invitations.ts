import { z } from 'zod';
import * as S from '../api/schemas';
import type { SandboxContext } from '../context';
import { assertStore } from '../domain/accounts';
import {
  createInvitation,
  findInvitations,
  getInvitation,
  invitationDetails,
  invitationListItem,
  resendInvitation,
  revokeInvitation,
} from '../domain/invitations';
import { operation } from '../http/operation';
import { Paging, problems, StoreParams, type TypedApp } from './common';

const InvitationParams = StoreParams.extend({ invitationId: z.string().min(1) });
const flag = z.enum(['true', 'false']).optional();

/** Account invitations (tag Account Invitation): invite a customer by email, list, resend and revoke. */
export function registerInvitationRoutes(app: TypedApp, ctx: SandboxContext): void {
  const { db } = ctx;
  const base = '/admin/api/v1/identityStores/:identityStoreName/invite';
  const tag = 'Account Invitation';

  app.get(
    base,
    operation(ctx, 'getAccountInvitations', tag, ['read:account'], {
      params: StoreParams,
      querystring: Paging.extend({
        accepted: flag,
        email: z.string().optional(),
        organization: z.string().optional(),
        organizationScope: z.string().optional().describe('Accepted; the sandbox does not filter by it.'),
      }),
      response: { 200: z.array(S.AccountInvitationListItem), ...problems(401, 403, 404) },
    }),
    async (request) => {
      const store = request.params.identityStoreName;
      assertStore(db, store);
      const q = request.query;
      return findInvitations(db, store, {
        accepted: q.accepted === undefined ? null : q.accepted === 'true',
        email: q.email ?? null,
        organization: q.organization ?? null,
        page: q.page,
        size: q.size,
      }).map(invitationListItem);
    },
  );
  app.post(
    base,
    operation(ctx, 'createInvitation', tag, ['write:account'], {
      params: StoreParams,
      headers: z.looseObject({
        'x-skip-email-verification': flag,
        'x-skip-phone-verification': flag,
      }),
      body: S.AccountInvitationInsertRequest,
      response: {
        201: S.AccountInvitationResponse,
        ...problems(400, 401, 403, 404),
        409: S.InvitationConflictProblemJson,
      },
    }),
    async (request, reply) => {
      const store = request.params.identityStoreName;
      assertStore(db, store);
      const skip = request.headers['x-skip-email-verification'] === 'true';
      const invitation = createInvitation(ctx, request, store, request.body, skip);
      reply.code(201);
      return invitationDetails(invitation);
    },
  );
  app.get(
    `${base}/:invitationId`,
    operation(ctx, 'getAccountInvitation', tag, ['read:account'], {
      params: InvitationParams,
      response: { 200: S.AccountInvitationResponse, ...problems(401, 403, 404) },
    }),
    async (request) =>
      invitationDetails(getInvitation(db, request.params.identityStoreName, request.params.invitationId)),
  );
  app.delete(
    `${base}/:invitationId`,
    operation(ctx, 'deleteAccountInvitation', tag, ['write:account'], {
      params: InvitationParams,
      response: { 204: z.null(), ...problems(401, 403, 404) },
    }),
    async (request, reply) => {
      const invitation = getInvitation(db, request.params.identityStoreName, request.params.invitationId);
      revokeInvitation(ctx, request, invitation);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/:invitationId/resend`,
    operation(ctx, 'resendInvitation', tag, ['write:account'], {
      params: InvitationParams,
      response: { 200: S.AccountInvitationResponse, ...problems(400, 401, 403, 404) },
    }),
    async (request) => {
      const invitation = getInvitation(db, request.params.identityStoreName, request.params.invitationId);
      return invitationDetails(resendInvitation(ctx, request, invitation));
    },
  );
}
