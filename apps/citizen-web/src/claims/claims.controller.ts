import { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isValidClaimReference, withdrawalReasons } from '@redress/domain';
import { ApiUnavailableError, PageNotFoundError, expectOk, field, formErrors, type FormBody } from '@redress/web';
import type { TFunction } from 'i18next';
import { CitizenSession } from '../auth/citizen-session.js';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';
import { UUID, type ClaimDetailView, type ClaimSummaryView } from './claim-views.js';

declare module 'fastify' {
  interface Session {
    /** What the claim page says once after an action on it ("You have asked for a review"). */
    claimNotice?: { reference: string; key: string };
  }
}

export const ANSWER_MAX = 5000;
export const REVIEW_MIN = 10;
export const REVIEW_MAX = 5000;

function t(reply: FastifyReply): TFunction {
  return reply.locals.t as TFunction;
}

/** A reference from the URL: anything that is not a reference is nobody's claim (404, nothing asked of the API). */
function referenceOf(reference: string): string {
  if (!isValidClaimReference(reference)) throw new PageNotFoundError();
  return reference.toUpperCase();
}

/**
 * Your claims and your claim: status, timeline, information requests and their answers, decisions with reasons
 * and letters, accepting an award, asking for a review, withdrawing. Every claim page has Exit this page. A
 * reference that is not the signed-in person's is page not found (the API answers 404 and nothing more).
 */
@Controller('claims')
export class ClaimsController {
  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly session: CitizenSession,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const headers = await this.session.headers(request);
    const { claims } = expectOk(await this.api.GET('/v1/claims', { headers })) as unknown as {
      claims: ClaimSummaryView[];
    };
    return reply.view('claims/list.njk', { claims });
  }

  @Get(':reference')
  async claim(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    const notice = request.session.claimNotice?.reference === claim.reference ? request.session.claimNotice : null;
    if (notice) request.session.claimNotice = undefined;
    return reply.view('claims/claim.njk', { claim, notice });
  }

  @Get(':reference/letters/:letterId')
  async letter(
    @Param('reference') reference: string,
    @Param('letterId') letterId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ref = referenceOf(reference);
    if (!UUID.test(letterId)) throw new PageNotFoundError();
    const result = await this.api.GET('/v1/claims/{reference}/letters/{letterId}', {
      params: { path: { reference: ref, letterId } },
      headers: await this.session.headers(request),
      parseAs: 'stream',
    });
    if (result.response.status === 404) throw new PageNotFoundError();
    if (!result.response.ok || !result.data) throw new ApiUnavailableError(result.response.status);
    const contentType = result.response.headers.get('content-type') ?? 'application/pdf';
    const length = result.response.headers.get('content-length');
    void reply
      .header('content-type', contentType)
      .header('content-disposition', `attachment; filename="decision-letter-${ref}.pdf"`)
      .header('x-content-type-options', 'nosniff');
    if (length) void reply.header('content-length', length);
    return reply.send(Readable.fromWeb(result.data));
  }

  @Get(':reference/information-requests/:requestId')
  async answerPage(
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const claim = await this.load(request, reference);
    const informationRequest = this.openRequest(claim, requestId);
    return reply.view('claims/answer.njk', { claim, informationRequest, answer: '', maxLength: ANSWER_MAX });
  }

  @Post(':reference/information-requests/:requestId')
  async answer(
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const claim = await this.load(request, reference);
    const informationRequest = this.openRequest(claim, requestId);
    const answer = field(request.body as FormBody, 'answer');
    const problem = !answer ? 'required' : answer.length > ANSWER_MAX ? 'tooLong' : undefined;
    if (problem) {
      return reply.status(400).view('claims/answer.njk', {
        claim,
        informationRequest,
        answer,
        maxLength: ANSWER_MAX,
        errors: formErrors([
          { field: 'answer', text: t(reply)(`claim.answer.errors.${problem}`, { max: ANSWER_MAX }) },
        ]),
      });
    }
    const result = await this.api.POST('/v1/claims/{reference}/information-requests/{requestId}/answer', {
      params: { path: { reference: claim.reference, requestId } },
      body: { answer },
      headers: await this.session.headers(request),
    });
    expectOk(result);
    return this.done(request, reply, claim.reference, 'answered');
  }

  @Get(':reference/accept')
  async acceptPage(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    if (!claim.canAcceptAward) throw new PageNotFoundError();
    return reply.view('claims/accept.njk', { claim });
  }

  @Post(':reference/accept')
  async accept(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    if (!claim.canAcceptAward) return reply.redirect(`/claims/${claim.reference}`, 303);
    const result = await this.api.POST('/v1/claims/{reference}/acceptance', {
      params: { path: { reference: claim.reference } },
      headers: await this.session.headers(request),
    });
    // 409: accepted already (a second click): the claim page says where it stands.
    if (result.response.status !== 409) expectOk(result);
    return this.done(request, reply, claim.reference, 'accepted');
  }

  @Get(':reference/review')
  async reviewPage(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    if (!claim.canRequestReview) throw new PageNotFoundError();
    return reply.view('claims/review.njk', { claim, reasons: '', maxLength: REVIEW_MAX });
  }

  @Post(':reference/review')
  async review(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    if (!claim.canRequestReview) throw new PageNotFoundError();
    const reasons = field(request.body as FormBody, 'reasons');
    const problem = !reasons
      ? 'required'
      : reasons.length < REVIEW_MIN
        ? 'tooShort'
        : reasons.length > REVIEW_MAX
          ? 'tooLong'
          : undefined;
    const refuse = (key: string) =>
      reply.status(400).view('claims/review.njk', {
        claim,
        reasons,
        maxLength: REVIEW_MAX,
        errors: formErrors([
          { field: 'reasons', text: t(reply)(`claim.review.errors.${key}`, { min: REVIEW_MIN, max: REVIEW_MAX }) },
        ]),
      });
    if (problem) return refuse(problem);
    const result = await this.api.POST('/v1/claims/{reference}/review-request', {
      params: { path: { reference: claim.reference } },
      body: { reasons },
      headers: await this.session.headers(request),
    });
    if (result.response.status === 400) return refuse('required');
    if (result.response.status === 409 || result.response.status === 422) return refuse('closed');
    expectOk(result);
    return this.done(request, reply, claim.reference, 'reviewRequested');
  }

  @Get(':reference/withdraw')
  async withdrawPage(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const claim = await this.load(request, reference);
    if (!claim.canWithdraw) throw new PageNotFoundError();
    return reply.view('claims/withdraw.njk', { claim, reasons: withdrawalReasons, reason: '' });
  }

  @Post(':reference/withdraw')
  async withdraw(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.load(request, reference);
    if (!claim.canWithdraw) throw new PageNotFoundError();
    const reason = field(request.body as FormBody, 'reason');
    const refuse = (key: string) =>
      reply.status(400).view('claims/withdraw.njk', {
        claim,
        reasons: withdrawalReasons,
        reason,
        errors: formErrors([{ field: 'reason', text: t(reply)(`claim.withdraw.errors.${key}`) }]),
      });
    if (!(withdrawalReasons as readonly string[]).includes(reason)) return refuse('required');
    const result = await this.api.POST('/v1/claims/{reference}/withdrawal', {
      params: { path: { reference: claim.reference } },
      body: { reason: reason as (typeof withdrawalReasons)[number] },
      headers: await this.session.headers(request),
    });
    if (result.response.status === 409) return refuse('closed');
    expectOk(result);
    return this.done(request, reply, claim.reference, 'withdrawn');
  }

  private async load(request: FastifyRequest, reference: string): Promise<ClaimDetailView> {
    const ref = referenceOf(reference);
    const result = await this.api.GET('/v1/claims/{reference}', {
      params: { path: { reference: ref } },
      headers: await this.session.headers(request),
    });
    return expectOk(result);
  }

  private openRequest(claim: ClaimDetailView, requestId: string) {
    const found = claim.openInformationRequests.find((item) => item.id === requestId);
    if (!found) throw new PageNotFoundError();
    return found;
  }

  private done(request: FastifyRequest, reply: FastifyReply, reference: string, key: string) {
    request.session.claimNotice = { reference, key };
    return reply.redirect(`/claims/${reference}`, 303);
  }
}
