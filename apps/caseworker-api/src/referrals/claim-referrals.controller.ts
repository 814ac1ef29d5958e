import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListClaimReferrals, ReferOnBehalf, WithdrawConsentOnBehalf } from '@redress/application';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { actorOf } from '../casework/staff-command.js';
import {
  ClaimReferralsQuery,
  ConsentWithdrawnOnBehalfDto,
  ReferOnBehalfDto,
  ReferredOnBehalfDto,
  StaffClaimReferralDto,
  WithdrawConsentOnBehalfDto,
} from './claim-referrals.dto.js';

@ApiTags('referrals')
@StaffController()
@Controller('v1/claims/:reference/referrals')
export class ClaimReferralsController {
  constructor(
    private readonly listClaimReferrals: ListClaimReferrals,
    private readonly referOnBehalf: ReferOnBehalf,
    private readonly withdrawConsentOnBehalf: WithdrawConsentOnBehalf,
  ) {}

  @Get()
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({
    summary: 'The claim’s support referrals: status, organisation, consent and the right 4 clock.',
    description:
      'The read is written to the audit log with its purpose before anything is returned. Outside your own work ' +
      '(not assigned to you or your team), `purpose` and an `Access-Reason` header are required, as for the claim.',
  })
  @ApiHeader({ name: 'access-reason', required: false, description: 'Why you open a claim outside your work.' })
  @ApiOkResponse({ type: [StaffClaimReferralDto] })
  @ApiBadRequestResponse({ description: 'Unknown purpose' })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query() query: ClaimReferralsQuery,
    @Headers('access-reason') accessReason: string | undefined,
  ): Promise<StaffClaimReferralDto[]> {
    const referrals = await this.listClaimReferrals.execute({
      actor: actorOf(staff),
      reference,
      purpose: query.purpose,
      reason: accessReason,
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

  @Post(':referralId/consent-withdrawal')
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({
    summary: 'Record the victim’s withdrawal of consent to share with the referral’s organisation, on their behalf.',
    description:
      'For a withdrawal the victim gave you by phone, in person or in writing. Exactly as when they withdraw online: ' +
      'the organisation loses access at once, every open referral of the victim with it is withdrawn (and the ' +
      'organisation told by webhook of those it was sent), and the consent ledger gets a `withdrawn` entry with how ' +
      'and when the victim said it and you as recorder. Consent already withdrawn: 200 with `recorded: false` and ' +
      'the withdrawal that stands, nothing written. Like referring on the victim’s behalf, it takes no claim version: ' +
      'it changes the victim’s consent and referrals, not the claim.',
  })
  @ApiCreatedResponse({ type: ConsentWithdrawnOnBehalfDto, description: 'Recorded' })
  @ApiOkResponse({ type: ConsentWithdrawnOnBehalfDto, description: 'Already withdrawn: nothing written' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a time in the future; nothing is written' })
  @ApiForbiddenResponse({ description: 'Your role may not record consent' })
  @ApiNotFoundResponse({
    description: 'No such claim, a restricted claim you are not named on, or no such referral of this claim',
  })
  @ApiConflictResponse({
    description: 'The victim never consented to this organisation, or consented again after the time given',
  })
  async withdraw(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('referralId', new ParseUUIDPipe({ version: '4' })) referralId: string,
    @Body() body: WithdrawConsentOnBehalfDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentWithdrawnOnBehalfDto> {
    const result = await this.withdrawConsentOnBehalf.execute({
      actor: actorOf(staff),
      reference,
      referralId,
      withdrawal: {
        method: body.method,
        withdrawnAt: new Date(body.withdrawnAt),
        reasonCode: body.reasonCode ?? null,
      },
    });
    void reply.status(result.recorded ? 201 : 200);
    return ConsentWithdrawnOnBehalfDto.from(result);
  }
}
