import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, PageNotFoundError, problemOf, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';
import { loadClaim } from './claim-file.js';
import { claimContext } from './claim.controller.js';

const UUID = /^[0-9a-f-]{36}$/;

/** Cancelling an information request cannot be undone: the confirm-an-action page asks first, with the reason. */
@Controller('claims/:reference/information-requests/:requestId/cancel')
export class CancelRequestController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  private async confirmPage(
    request: FastifyRequest,
    reply: FastifyReply,
    reference: string,
    requestId: string,
    form: { reason: string },
    errors?: Array<{ field: string; text: string }>,
  ) {
    const file = await loadClaim(this.api, this.session, request, reference);
    const item = file.informationRequests.find(
      (candidate) => candidate.id === requestId && candidate.status === 'open',
    );
    if (!UUID.test(requestId) || !item) throw new PageNotFoundError();
    return reply.status(errors ? 400 : 200).view('claims/cancel-request.njk', {
      ...claimContext(file, 'information-requests'),
      item,
      form,
      errors: errors ? formErrors(errors) : undefined,
    });
  }

  @Get()
  confirm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
  ) {
    return this.confirmPage(request, reply, reference, requestId, { reason: '' });
  }

  @Post()
  async cancel(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const reason = field(body, 'reason');
    if (!reason || reason.length > 2000) {
      return this.confirmPage(request, reply, reference, requestId, { reason }, [
        { field: 'reason', text: t('informationRequests.errors.cancelReason') },
      ]);
    }
    const version = field(body, 'version');
    const { error, response } = await this.api.POST(
      '/v1/claims/{reference}/information-requests/{requestId}/cancellation',
      {
        params: { path: { reference, requestId } },
        headers: this.session.headers(request),
        body: { ...(/^\d{1,9}$/.test(version) ? { version: Number(version) } : {}), reason },
      },
    );
    if (!response.ok) {
      const problem = problemOf(error, response);
      const text = [409, 412, 428].includes(problem.status)
        ? t('claim.errors.stale')
        : (problem.errors?.[0]?.message ?? t('claim.errors.refused'));
      return this.confirmPage(request, reply, reference, requestId, { reason }, [{ field: 'reason', text }]);
    }
    return reply.redirect(`/claims/${reference}/information-requests`, 303);
  }
}
