import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import {
  ApproveDecision,
  DecideReview,
  MakeDecision,
  RecordAppeal,
  RecordAppealOutcome,
  RecordReviewRequest,
  ReturnDecision,
} from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { claimVersionFrom } from '../casework/claim-version.js';
import { actorOf } from '../casework/staff-command.js';
import {
  AppealBody,
  AppealOutcomeBody,
  ApprovalResponse,
  DecisionBody,
  DecisionResponse,
  RejectionBody,
  ReviewDecisionResponse,
  ReviewRequestBody,
} from './outcomes.dto.js';
import { VersionBody } from '../casework/work.dto.js';

const PROBLEM = { description: 'problem+json' };
const uuid = new ParseUUIDPipe({ version: '4' });

/** Decisions with four eyes, reviews and tribunal appeals (payments: payments.controller.ts). Every write needs If-Match or `version`. */
@ApiTags('decisions, reviews, appeals and payments')
@StaffController()
@ApiResponse({ status: 404, ...PROBLEM })
@ApiResponse({ status: 409, description: 'Not possible in the claim’s state' })
@ApiResponse({ status: 412, description: 'Stale version' })
@ApiResponse({ status: 428, description: 'Version missing' })
@Controller('v1/claims/:reference')
export class OutcomesController {
  constructor(
    private readonly makeDecision: MakeDecision,
    private readonly approveDecision: ApproveDecision,
    private readonly returnDecision: ReturnDecision,
    private readonly recordReviewRequest: RecordReviewRequest,
    private readonly decideReview: DecideReview,
    private readonly recordAppeal: RecordAppeal,
    private readonly recordAppealOutcome: RecordAppealOutcome,
  ) {}

  @Post('decisions')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Decide: award or reduced award (from a stored calculation), withheld award, or refusal with grounds.',
    description:
      'Takes effect at once (letter and notification through the outbox), unless four eyes apply: an award above ' +
      'FOUR_EYES_AWARD_THRESHOLD_PENCE, or a refusal or reduction on conduct (para 25) or character (para 26).',
  })
  @ApiCreatedResponse({ type: DecisionResponse })
  decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DecisionBody,
  ) {
    return this.makeDecision.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      kind: body.kind,
      awardCalculationId: body.awardCalculationId ?? null,
      grounds: body.grounds ?? [],
      reasons: body.reasons,
    });
  }

  @Post('decisions/:decisionId/approval')
  @HttpCode(200)
  @Roles('senior-caseworker')
  @ApiOperation({
    summary: 'Approve a proposed decision (a senior caseworker who did not propose it).',
    description:
      'A first decision or a review decision. A review decision’s approver must also have taken no part in the ' +
      'original decision (403 claim.same-reviewer); approved, it supersedes the original and its letter goes out.',
  })
  @ApiOkResponse({ type: ApprovalResponse, description: 'The decision is made; the claim’s new version.' })
  approve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('decisionId', uuid) decisionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: VersionBody,
  ) {
    return this.approveDecision.execute({
      actor: actorOf(staff),
      reference,
      decisionId,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
    });
  }

  @Post('decisions/:decisionId/rejection')
  @HttpCode(200)
  @Roles('senior-caseworker')
  @ApiOperation({ summary: 'Send a proposed decision back to the caseworker or reviewer, with a reason code.' })
  @ApiView(200, 'DecisionReturned', {
    description: 'The decision is returned; the claim is in assessment again (a review decision: still under review).',
  })
  reject(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('decisionId', uuid) decisionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RejectionBody,
  ) {
    return this.returnDecision.execute({
      actor: actorOf(staff),
      reference,
      decisionId,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      reasonCode: body.reasonCode,
    });
  }

  @Post('reviews')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Record a review request received by post, phone or email.',
    description: 'More than 56 days after the decision it needs the exceptional circumstances (para 118): 422 without.',
  })
  @ApiView(201, 'ReviewRecorded', { description: 'The review’s id, whether it was late, and the claim’s new version.' })
  @ApiResponse({ status: 422, description: 'Late without exceptional circumstances' })
  reviewRequest(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReviewRequestBody,
  ) {
    return this.recordReviewRequest.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      requestedOn: body.requestedOn,
      extensionReason: body.extensionReason ?? null,
    });
  }

  @Post('review-decision')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Decide the review: raise, lower or uphold (someone who took no part in the original decision).',
    description:
      'Takes effect at once (supersedes the original; letter and notification through the outbox), unless four ' +
      'eyes apply as to first decisions: then it is proposed (status pending-approval), the claim stays under review, ' +
      'and it takes effect when approved through decisions/{id}/approval.',
  })
  @ApiCreatedResponse({ type: ReviewDecisionResponse })
  reviewDecision(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DecisionBody,
  ) {
    return this.decideReview.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      kind: body.kind,
      awardCalculationId: body.awardCalculationId ?? null,
      grounds: body.grounds ?? [],
      reasons: body.reasons,
    });
  }

  @Post('appeals')
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({ summary: 'Record a First-tier Tribunal appeal against the review decision (within 90 days).' })
  @ApiView(201, 'AppealRecorded', { description: 'The appeal’s id and the claim’s new version.' })
  @ApiResponse({ status: 422, description: 'Lodged more than 90 days after the review decision' })
  appeal(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AppealBody,
  ) {
    return this.recordAppeal.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      lodgedOn: body.lodgedOn,
      tribunalReference: body.tribunalReference ?? null,
    });
  }

  @Post('appeals/:appealId/outcome')
  @HttpCode(200)
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({ summary: 'Record the tribunal’s outcome: upheld, varied, remitted or dismissed.' })
  @ApiView(200, 'AppealRecorded', { description: 'The appeal’s id and the claim’s new version.' })
  appealOutcome(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('appealId', uuid) appealId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AppealOutcomeBody,
  ) {
    return this.recordAppealOutcome.execute({
      actor: actorOf(staff),
      reference,
      appealId,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      outcome: body.outcome,
      outcomeOn: body.outcomeOn,
    });
  }
}
