import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, fieldList, formErrors, problemOf, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CASEWORKER_API, type CaseworkerApiClient } from '../caseworker-api.js';
import { StaffSession } from '../auth/staff-session.js';
import { loadClaim } from './claim-file.js';
import { claimContext, type ClaimTab } from './claim.controller.js';

type FieldError = { field: string; text: string };
const RECIPIENTS = ['applicant', 'police', 'gp', 'hospital'] as const;
const TOPICS = ['medical-evidence', 'police-evidence', 'financial-loss', 'identity', 'residence', 'other'] as const;
const KINDS = ['award', 'reduced', 'refusal', 'withheld'] as const;
const REJECTIONS = ['more-evidence-needed', 'amount-wrong', 'grounds-wrong', 'reasons-unclear', 'other'] as const;
const UUID = /^[0-9a-f-]{36}$/;

function versionOf(body: FormBody): number | undefined {
  const value = field(body, 'version');
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * The claim's write actions. Each posts to the caseworker API, which decides who may do what: a role without the
 * right gets the API's 403 as the forbidden page. A refused form comes back with an error summary and everything
 * typed; a stale version (412) is explained and keeps what was typed too. Irreversible actions ask first.
 */
@Controller('claims/:reference')
export class ClaimActionsController {
  constructor(
    @Inject(CASEWORKER_API) private readonly api: CaseworkerApiClient,
    private readonly session: StaffSession,
  ) {}

  /** Shows the tab again with the form as typed and its errors (400), or the stale-version message (409). */
  private async again(
    request: FastifyRequest,
    reply: FastifyReply,
    reference: string,
    tab: ClaimTab,
    form: Record<string, unknown>,
    errors: FieldError[],
    status = 400,
  ) {
    const file = await loadClaim(this.api, this.session, request, reference);
    return reply
      .status(status)
      .view(`claims/${tab}.njk`, { ...claimContext(file, tab), form, errors: formErrors(errors), q: '', matches: [] });
  }

  /** An API refusal as form errors: 412/409 say someone else changed the claim; 400/422 name the fields. */
  private refusal(t: TFunction, error: unknown, response: Response, fallbackField: string): FieldError[] {
    const problem = problemOf(error, response);
    // Shown at the form's main field, which keeps what was typed; the form now carries the claim's new version.
    if (problem.status === 412 || problem.status === 428)
      return [{ field: fallbackField, text: t('claim.errors.stale') }];
    if (problem.status === 409) return [{ field: fallbackField, text: t('claim.errors.conflict') }];
    const fields = (problem.errors ?? []).map((item) => ({ field: fallbackField, text: item.message }));
    return fields.length ? fields : [{ field: fallbackField, text: problem.detail ?? t('claim.errors.refused') }];
  }

  @Post('information-requests')
  async requestInformation(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const form = {
      recipient: field(body, 'recipient'),
      topic: field(body, 'topic'),
      question: field(body, 'question'),
      workingDays: field(body, 'workingDays'),
    };
    const errors: FieldError[] = [];
    if (!(RECIPIENTS as readonly string[]).includes(form.recipient))
      errors.push({ field: 'recipient', text: t('informationRequests.errors.recipient') });
    if (!(TOPICS as readonly string[]).includes(form.topic))
      errors.push({ field: 'topic', text: t('informationRequests.errors.topic') });
    if (!form.question) errors.push({ field: 'question', text: t('informationRequests.errors.question') });
    else if (form.question.length > 4000)
      errors.push({ field: 'question', text: t('informationRequests.errors.questionLength') });
    if (!/^\d{1,2}$/.test(form.workingDays) || Number(form.workingDays) < 1 || Number(form.workingDays) > 60) {
      errors.push({ field: 'workingDays', text: t('informationRequests.errors.workingDays') });
    }
    if (errors.length) return this.again(request, reply, reference, 'information-requests', form, errors);
    const { error, response } = await this.api.POST('/v1/claims/{reference}/information-requests', {
      params: { path: { reference } },
      headers: this.session.headers(request),
      body: {
        version: versionOf(body),
        recipient: form.recipient as (typeof RECIPIENTS)[number],
        topic: form.topic as (typeof TOPICS)[number],
        question: form.question,
        workingDays: Number(form.workingDays),
      },
    });
    if (!response.ok) {
      return this.again(
        request,
        reply,
        reference,
        'information-requests',
        form,
        this.refusal(t, error, response, 'question'),
        response.status === 412 ? 409 : 400,
      );
    }
    return reply.redirect(`/claims/${reference}/information-requests`, 303);
  }

  @Post('information-requests/:requestId/reply')
  async recordReply(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const summary = field(body, 'summary');
    const form = { replyTo: requestId, summary };
    const fieldName = `summary-${requestId}`;
    if (!UUID.test(requestId))
      return this.again(request, reply, reference, 'information-requests', form, [
        { field: fieldName, text: t('claim.errors.refused') },
      ]);
    if (!summary || summary.length > 4000) {
      return this.again(request, reply, reference, 'information-requests', form, [
        { field: fieldName, text: t('informationRequests.errors.summary') },
      ]);
    }
    const { error, response } = await this.api.POST(
      '/v1/claims/{reference}/information-requests/{requestId}/response',
      {
        params: { path: { reference, requestId } },
        headers: this.session.headers(request),
        body: { version: versionOf(body), summary },
      },
    );
    if (!response.ok) {
      return this.again(
        request,
        reply,
        reference,
        'information-requests',
        form,
        this.refusal(t, error, response, fieldName),
        response.status === 412 ? 409 : 400,
      );
    }
    return reply.redirect(`/claims/${reference}/information-requests`, 303);
  }

  @Post('notes')
  async addNote(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const form = { note: field(body, 'note') };
    if (!form.note || form.note.length > 4000) {
      return this.again(request, reply, reference, 'notes', form, [{ field: 'note', text: t('notes.errors.note') }]);
    }
    const { error, response } = await this.api.POST('/v1/claims/{reference}/notes', {
      params: { path: { reference } },
      headers: this.session.headers(request),
      body: { version: versionOf(body), body: form.note },
    });
    if (!response.ok)
      return this.again(
        request,
        reply,
        reference,
        'notes',
        form,
        this.refusal(t, error, response, 'note'),
        response.status === 412 ? 409 : 400,
      );
    return reply.redirect(`/claims/${reference}/notes`, 303);
  }

  @Post('award')
  async calculate(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('reference') reference: string) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const injuries = fieldList(body, 'injury').filter((code) => /^[A-Z0-9-]{1,60}$/.test(code));
    const reduction = field(body, 'reductionPercent');
    const form = { injuries, reductionPercent: reduction };
    const errors: FieldError[] = [];
    if (!injuries.length) errors.push({ field: 'injury', text: t('award.errors.injury') });
    if (reduction && (!/^\d{1,3}$/.test(reduction) || Number(reduction) > 100)) {
      errors.push({ field: 'reductionPercent', text: t('award.errors.reduction') });
    }
    if (errors.length) return this.again(request, reply, reference, 'award', form, errors);
    const { error, response } = await this.api.POST('/v1/claims/{reference}/award-calculations', {
      params: { path: { reference } },
      headers: this.session.headers(request),
      body: {
        decidedOn: new Date().toISOString().slice(0, 10),
        injuries: injuries.map((code) => ({ code })),
        ...(reduction ? { reductionPercent: Number(reduction) } : {}),
      },
    });
    if (!response.ok)
      return this.again(request, reply, reference, 'award', form, this.refusal(t, error, response, 'injury'));
    return reply.redirect(`/claims/${reference}/award`, 303);
  }

  /** Proposing a decision: checked, then the confirm-an-action page before anything is sent. */
  @Post('decision')
  async checkDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const form = {
      kind: field(body, 'kind'),
      awardCalculationId: field(body, 'awardCalculationId'),
      grounds: field(body, 'grounds'),
      reasons: field(body, 'reasons'),
      version: field(body, 'version'),
    };
    const errors: FieldError[] = [];
    if (!(KINDS as readonly string[]).includes(form.kind))
      errors.push({ field: 'kind', text: t('decision.errors.kind') });
    const needsCalculation = form.kind === 'award' || form.kind === 'reduced';
    if (needsCalculation && !UUID.test(form.awardCalculationId))
      errors.push({ field: 'awardCalculationId', text: t('decision.errors.calculation') });
    if ((form.kind === 'refusal' || form.kind === 'withheld') && !form.grounds)
      errors.push({ field: 'grounds', text: t('decision.errors.grounds') });
    if (!form.reasons || form.reasons.length > 4000)
      errors.push({ field: 'reasons', text: t('decision.errors.reasons') });
    if (errors.length) return this.again(request, reply, reference, 'decision', form, errors);
    const file = await loadClaim(this.api, this.session, request, reference);
    const calculation = file.awardCalculations.find((item) => item.id === form.awardCalculationId);
    return reply.view('claims/decision-confirm.njk', { ...claimContext(file, 'decision'), form, calculation });
  }

  @Post('decision/confirm')
  async proposeDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const form = {
      kind: field(body, 'kind'),
      awardCalculationId: field(body, 'awardCalculationId'),
      grounds: field(body, 'grounds'),
      reasons: field(body, 'reasons'),
    };
    const needsCalculation = form.kind === 'award' || form.kind === 'reduced';
    const { error, response } = await this.api.POST('/v1/claims/{reference}/decisions', {
      params: { path: { reference } },
      headers: this.session.headers(request),
      body: {
        version: versionOf(body),
        kind: form.kind as (typeof KINDS)[number],
        ...(needsCalculation ? { awardCalculationId: form.awardCalculationId } : {}),
        ...(form.grounds && !needsCalculation ? { grounds: [form.grounds] as never } : {}),
        reasons: form.reasons,
      },
    });
    if (!response.ok)
      return this.again(
        request,
        reply,
        reference,
        'decision',
        form,
        this.refusal(t, error, response, 'reasons'),
        response.status === 412 ? 409 : 400,
      );
    return reply.redirect(`/claims/${reference}/decision`, 303);
  }

  @Get('decision/:decisionId/approve')
  async confirmApproval(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ) {
    const file = await loadClaim(this.api, this.session, request, reference);
    return reply.view('claims/approve-confirm.njk', { ...claimContext(file, 'decision') });
  }

  @Post('decision/:decisionId/approve')
  async approve(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('decisionId') decisionId: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    if (!UUID.test(decisionId))
      return this.again(request, reply, reference, 'decision', {}, [
        { field: 'approve', text: t('claim.errors.refused') },
      ]);
    const { error, response } = await this.api.POST('/v1/claims/{reference}/decisions/{decisionId}/approval', {
      params: { path: { reference, decisionId } },
      headers: this.session.headers(request),
      body: { version: versionOf(body) },
    } as never);
    if (!response.ok)
      return this.again(
        request,
        reply,
        reference,
        'decision',
        {},
        this.refusal(t, error, response, 'approve'),
        response.status === 412 ? 409 : 400,
      );
    return reply.redirect(`/claims/${reference}/decision`, 303);
  }

  @Post('decision/:decisionId/return')
  async returnDecision(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
    @Param('decisionId') decisionId: string,
  ) {
    const t = reply.locals.t as TFunction;
    const body = request.body as FormBody;
    const reasonCode = field(body, 'reasonCode');
    const form = { reasonCode };
    if (!UUID.test(decisionId) || !(REJECTIONS as readonly string[]).includes(reasonCode)) {
      return this.again(request, reply, reference, 'decision', form, [
        { field: 'reasonCode', text: t('decision.errors.returnReason') },
      ]);
    }
    const { error, response } = await this.api.POST('/v1/claims/{reference}/decisions/{decisionId}/rejection', {
      params: { path: { reference, decisionId } },
      headers: this.session.headers(request),
      body: { version: versionOf(body), reasonCode: reasonCode as (typeof REJECTIONS)[number] },
    });
    if (!response.ok)
      return this.again(
        request,
        reply,
        reference,
        'decision',
        form,
        this.refusal(t, error, response, 'reasonCode'),
        response.status === 412 ? 409 : 400,
      );
    return reply.redirect(`/claims/${reference}/decision`, 303);
  }
}
