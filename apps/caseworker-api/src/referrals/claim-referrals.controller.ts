import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListClaimReferrals, ReferOnBehalf } from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { actorOf } from '../casework/staff-command.js';
import {
  ClaimReferralsQuery,
  ReferOnBehalfDto,
  ReferredOnBehalfDto,
  StaffClaimReferralDto,
} from './claim-referrals.dto.js';

@ApiTags('referrals')
@StaffController()
@Controller('v1/claims/:reference/referrals')
export class ClaimReferralsController {
  constructor(
    private readonly listClaimReferrals: ListClaimReferrals,
    private readonly referOnBehalf: ReferOnBehalf,
  ) {}

  @Get()
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({
    summary: 'The claim’s support referrals: status, organisation, consent and the right 4 clock.',
    description: 'The read is written to the audit log with its purpose before anything is returned.',
  })
  @ApiOkResponse({ type: [StaffClaimReferralDto] })
  @ApiBadRequestResponse({ description: 'Unknown purpose' })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query() query: ClaimReferralsQuery,
  ): Promise<StaffClaimReferralDto[]> {
    const referrals = await this.listClaimReferrals.execute({
      actor: actorOf(staff),
      reference,
      purpose: query.purpose ?? 'casework',
    });
    return referrals.map((referral) => StaffClaimReferralDto.from(referral));
  }

  @Post()
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({
    summary: 'Refer the victim to a support organisation on their behalf, with the consent they gave you.',
    description:
      'Needs and safe contact come from the claim’s application. The consent (how, when, which words, which ' +
      'organisation) is written to the consent ledger with you as recorder; the referral is then sent within 2 ' +
      'working days of the consent and the organisation is told by webhook.',
  })
  @ApiCreatedResponse({ type: ReferredOnBehalfDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json listing each); nothing is written' })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  @ApiConflictResponse({ description: 'The consent words changed since the version given' })
  @ApiUnprocessableEntityResponse({
    description:
      'No consent; no needs or no safe contact on the application; the service does not fit or is of another ' +
      'organisation than the one consented to',
  })
  async refer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: ReferOnBehalfDto,
  ): Promise<ReferredOnBehalfDto> {
    const result = await this.referOnBehalf.execute({
      actor: actorOf(staff),
      reference,
      serviceId: body.serviceId ?? null,
      needs: body.needs ?? null,
      circumstances: body.circumstances ?? null,
      summary: body.summary ?? null,
      consent: body.consent
        ? {
            given: body.consent.given,
            method: body.consent.method,
            wordingVersion: body.consent.wordingVersion,
            givenAt: new Date(body.consent.givenAt),
            organisationId: body.consent.organisationId,
          }
        : null,
    });
    return ReferredOnBehalfDto.from(result);
  }
}
