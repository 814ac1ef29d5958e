import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiBinary, ApiView } from '@redress/platform';
import {
  AcceptAward,
  AnswerInformationRequest,
  GetClaimWithDecisions,
  GetDecisionLetter,
  GivePaymentDetails,
  ListClaims,
  RequestReview,
  WithdrawClaim,
  type ClaimWithDecisionsView,
} from '@redress/application';
import type { FastifyReply } from 'fastify';
import type { Language } from '@redress/platform';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import { AnswerLanguage, claimStatusIn, claimViewIn, nextStepIn } from '../language/citizen-words.js';
import { AnswerInformationRequestDto, PaymentDetailsDto, RequestReviewDto, WithdrawClaimDto } from './claims.dto.js';

const PROBLEM = { description: 'problem+json' };

@ApiTags('claims')
@ApiBearerAuth()
@ApiResponse({ status: 401, ...PROBLEM })
@UseGuards(CitizenAuthGuard)
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly listClaims: ListClaims,
    private readonly getClaim: GetClaimWithDecisions,
    private readonly getDecisionLetter: GetDecisionLetter,
    private readonly acceptAward: AcceptAward,
    private readonly givePaymentDetails: GivePaymentDetails,
    private readonly withdrawClaim: WithdrawClaim,
    private readonly requestReview: RequestReview,
    private readonly answerInformationRequest: AnswerInformationRequest,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your claims, newest first, each with its status and what happens next' })
  @ApiView(200, 'ClaimList', {
    description: 'Your claims, newest first.',
    example: {
      claims: [
        {
          reference: '26-000123-8',
          status: 'in_assessment',
          submittedAt: '2026-11-02T10:15:00.000Z',
          statusChangedAt: '2026-11-04T09:00:00.000Z',
          openInformationRequests: 0,
          statusText: 'Being assessed',
          nextStep: 'A caseworker is looking at your claim.',
        },
      ],
    },
  })
  async list(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @AnswerLanguage() language: Language,
  ): Promise<{ claims: unknown[] }> {
    const claims = await this.listClaims.execute({ citizenId: citizen.citizenId });
    return {
      claims: claims.map((claim) => ({
        ...claim,
        statusText: claimStatusIn(language, claim.status),
        nextStep: nextStepIn(language, claim.status, claim.openInformationRequests),
      })),
    };
  }

  @Get(':reference')
  @ApiOperation({
    summary:
      'One claim: status, timeline in plain words, your open information requests with due dates, documents, ' +
      'decisions with their reasons, paragraphs and letters, payments, next step',
  })
  @ApiView(200, 'CitizenClaim', { description: 'The claim, as you see it.' })
  @ApiResponse({ status: 404, ...PROBLEM })
  async get(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @AnswerLanguage() language: Language,
  ): Promise<ClaimWithDecisionsView> {
    return claimViewIn(language, await this.getClaim.execute({ citizenId: citizen.citizenId, reference }));
  }

  @Get(':reference/letters/:letterId')
  @ApiOperation({ summary: 'A decision letter (PDF)' })
  @ApiBinary(200, 'application/pdf', 'The decision letter (PDF).')
  @ApiResponse({ status: 404, ...PROBLEM })
  async letter(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @Param('letterId', new ParseUUIDPipe()) letterId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const letter = await this.getDecisionLetter.execute({ citizenId: citizen.citizenId, reference, letterId });
    void reply
      .header('content-type', letter.contentType)
      .header('content-disposition', 'attachment; filename="decision-letter.pdf"');
    return letter.content;
  }

  @Post(':reference/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the award, so that it can be paid' })
  @ApiView(200, 'ClaimStatusChange', { description: 'The award is accepted; the claim’s new status.' })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'No award to accept in the claim’s state' })
  async accept(@CurrentCitizen() citizen: CitizenPrincipal, @Param('reference') reference: string): Promise<unknown> {
    return this.acceptAward.execute({ citizenId: citizen.citizenId, reference });
  }

  @Post(':reference/payment-details')
  @ApiOperation({
    summary: 'Give the account your award is to be paid into',
    description:
      'Stored encrypted. Each new account is on the claim’s timeline; staff cannot pay one you did not give.',
  })
  @ApiResponse({
    status: 201,
    description: 'The payee’s id.',
    schema: { type: 'object', required: ['payeeId'], properties: { payeeId: { type: 'string', format: 'uuid' } } },
  })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  async paymentDetails(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @Body() body: PaymentDetailsDto,
  ): Promise<{ payeeId: string }> {
    return this.givePaymentDetails.execute({
      citizenId: citizen.citizenId,
      reference,
      payeeKind: body.payeeKind,
      account: body.account,
    });
  }

  @Post(':reference/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the claim (any time before a decision)' })
  @ApiView(200, 'ClaimStatusChange', {
    description: 'The claim is withdrawn.',
    example: { reference: '26-000123-8', status: 'withdrawn' },
  })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: "Not possible in the claim's state" })
  async withdraw(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @Body() body: WithdrawClaimDto,
  ): Promise<unknown> {
    return this.withdrawClaim.execute({ citizenId: citizen.citizenId, reference, reason: body.reason });
  }

  @Post(':reference/review-request')
  @ApiOperation({ summary: 'Ask for a review of the decision, with your reasons, within 56 days of it' })
  @ApiView(201, 'ReviewRequested', {
    description: 'The review is asked for.',
    example: {
      reference: '26-000123-8',
      status: 'review_requested',
      reviewRequestId: '0b6f3c9e-8a41-4d1b-9a55-2f7e1c3d4b60',
    },
  })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'No decision to review, or already reviewed' })
  @ApiResponse({ status: 422, description: 'More than 56 days after the decision' })
  async review(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @Body() body: RequestReviewDto,
  ): Promise<unknown> {
    return this.requestReview.execute({ citizenId: citizen.citizenId, reference, reasons: body.reasons });
  }

  @Post(':reference/information-requests/:requestId/answer')
  @ApiOperation({ summary: 'Answer an information request' })
  @ApiView(201, 'ClaimStatusChange', { description: 'The answer is recorded; the claim’s status.' })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  async answer(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('reference') reference: string,
    @Param('requestId') requestId: string,
    @Body() body: AnswerInformationRequestDto,
  ): Promise<unknown> {
    return this.answerInformationRequest.execute({
      citizenId: citizen.citizenId,
      reference,
      informationRequestId: requestId,
      answer: body.answer,
    });
  }
}
