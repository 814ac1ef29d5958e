import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import { GetClaimForStaff, RestrictClaim, type CaseFileView } from '@redress/application';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { ClaimViewQuery, ClaimViewResponse, RestrictionBody } from './claims.dto.js';
import { etagOf } from './claim-version.js';
import { actorOf } from './staff-command.js';

function toView(file: CaseFileView, now: Date): ClaimViewResponse {
  const { claim } = file;
  const snapshot = claim.snapshot;
  return {
    claim: {
      reference: snapshot.reference,
      status: snapshot.status,
      version: snapshot.version,
      submittedAt: snapshot.submittedAt,
      statusChangedAt: snapshot.statusChangedAt,
      team: claim.team,
      priority: claim.priority,
      assignedStaffId: claim.assignedStaffId,
      restricted: claim.restricted,
      namedStaff: claim.namedStaff,
      pendingDecision: snapshot.pendingDecision,
      decision: snapshot.decision,
      serviceLevel: {
        dueAt: claim.serviceLevelDueAt,
        pausedSince: claim.serviceLevelPausedSince,
        breached:
          claim.serviceLevelDueAt !== null &&
          claim.serviceLevelPausedSince === null &&
          claim.serviceLevelDueAt.getTime() < now.getTime(),
        pauses: file.servicePauses,
      },
    },
    application: file.answers,
    eligibility: file.eligibility as unknown as Record<string, unknown>,
    eligibilitySource: file.eligibilitySource,
    timeline: file.events.map((event) => ({
      type: event.type,
      version: event.version,
      from: event.fromStatus,
      to: event.toStatus,
      actor: event.actor,
      occurredAt: event.occurredAt,
      data: event.data,
    })),
    documents: file.informationRequests.flatMap((request) =>
      request.documentIds.map((id) => ({ id, informationRequestId: request.id, receivedAt: request.answeredAt })),
    ),
    tasks: [
      ...file.informationRequests
        .filter((request) => request.status === 'open')
        .map((request) => ({
          kind: 'await-information',
          informationRequestId: request.id,
          recipient: request.recipient,
          dueOn: request.dueOn,
        })),
      ...file.decisions
        .filter((decision) => decision.status === 'pending-approval')
        .map((decision) => ({
          kind: 'approve-decision',
          decisionId: decision.id,
          reasons: decision.approvalReasons,
          // A review decision waits with the claim under review; its approver must be independent of the original.
          onReview: decision.onReview,
          proposedBy: decision.proposedBy,
          proposedAt: decision.proposedAt,
        })),
    ],
    informationRequests: [...file.informationRequests],
    notes: [...file.notes],
    judgements: [...file.judgements],
    awardCalculations: [...file.awardCalculations],
    decisions: [...file.decisions],
    reviews: [...file.reviews],
    appeals: [...file.appeals],
    payments: [...file.payments],
    referrals: [...file.referrals],
  };
}

@ApiTags('claims')
@StaffController()
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly getClaim: GetClaimForStaff,
    private readonly restrictClaim: RestrictClaim,
  ) {}

  @Get(':reference')
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({
    summary: 'The whole claim: application (special-category answers decrypted), eligibility trace, timeline, work.',
    description:
      'Every read is written to the audit log with its purpose. A claim not assigned to you or your team opens ' +
      'only with `purpose` and an `Access-Reason` header (10 to 500 characters, no personal details): break the ' +
      'glass, reported to the claim’s team leaders; without them, 403 claim.reason-required. ETag is the claim ' +
      'version, for If-Match.',
  })
  @ApiHeader({ name: 'access-reason', required: false, description: 'Why you open a claim outside your work.' })
  @ApiOkResponse({ type: ClaimViewResponse, headers: { ETag: { description: 'The claim’s version' } } })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  async view(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query() query: ClaimViewQuery,
    @Headers('access-reason') accessReason: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimViewResponse> {
    const file = await this.getClaim.execute({
      actor: actorOf(staff),
      reference,
      purpose: query.purpose,
      reason: accessReason,
    });
    void reply.header('etag', etagOf(file.claim.snapshot.version));
    return toView(file, new Date());
  }

  @Put(':reference/restriction')
  @Roles('team-leader')
  @ApiOperation({ summary: 'Restrict a claim to named staff, or lift the restriction.' })
  @ApiView(200, 'ClaimRestriction', { description: 'The named staff and the new version.' })
  restrict(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: RestrictionBody,
  ): Promise<{ version: number; staffIds: string[] }> {
    return this.restrictClaim.execute({
      actor: actorOf(staff),
      reference,
      restricted: body.restricted,
      staffIds: body.staffIds,
      reasonCode: body.reasonCode,
    });
  }
}
