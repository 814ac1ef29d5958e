import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, formErrors, problemOf, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';
import { loadClaim } from './claim-file.js';
import { claimContext } from './claim.controller.js';

const UUID = /^[0-9a-f-]{36}$/;

/** Moving an information request's due date: a number of working days from today, and why. */
@Controller('claims/:reference/information-requests/:requestId/due-date')
export class DueDateController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  @Post()
  async move(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const form = { moveFor: requestId, moveDays: field(body, 'workingDays'), moveReason: field(body, 'reason') };
    const errors: Array<{ field: string; text: string }> = [];
    const days = Number(form.moveDays);
    if (!/^\d{1,2}$/.test(form.moveDays) || days < 1 || days > 60) {
      errors.push({ field: `workingDays-${requestId}`, text: t('informationRequests.errors.workingDays') });
    }
    if (!form.moveReason || form.moveReason.length > 2000) {
      errors.push({ field: `reason-${requestId}`, text: t('informationRequests.errors.moveReason') });
    }
    if (!errors.length && UUID.test(requestId)) {
      const version = field(body, 'version');
      const { error, response } = await this.api.POST(
        '/v1/claims/{reference}/information-requests/{requestId}/due-date',
        {
          params: { path: { reference, requestId } },
          headers: this.session.headers(request),
          body: {
            ...(/^\d{1,9}$/.test(version) ? { version: Number(version) } : {}),
            workingDays: days,
            reason: form.moveReason,
          },
        },
      );
      if (response.ok) return reply.redirect(`/claims/${reference}/information-requests`, 303);
      const problem = problemOf(error, response);
      errors.push({
        field: `reason-${requestId}`,
        text: [409, 412, 428].includes(problem.status)
          ? t('claim.errors.stale')
          : (problem.errors?.[0]?.message ?? t('claim.errors.refused')),
      });
    }
    const file = await loadClaim(this.api, this.session, request, reference);
    return reply.status(400).view('claims/information-requests.njk', {
      ...claimContext(file, 'information-requests'),
      form,
      errors: formErrors(errors.length ? errors : [{ field: `reason-${requestId}`, text: t('claim.errors.refused') }]),
    });
  }
}
