import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  GetPartnerReferral,
  ListPartnerReferrals,
  RespondToReferral,
  type PartnerPrincipal,
  type PartnerResponse,
} from '@redress/application';
import { CurrentPartner, PartnerAuthGuard } from './partner-auth.guard.js';
import {
  CloseReferralDto,
  DeclineReferralDto,
  PartnerListQueryDto,
  PartnerReferralDto,
  PartnerReferralStatusDto,
  UpdateReferralDto,
} from './partner.dto.js';

@ApiTags('partner')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Api-Key', required: false, description: 'Instead of Authorization: <key id>.<secret>' })
@ApiUnauthorizedResponse({ description: 'No valid partner API key' })
@UseGuards(PartnerAuthGuard)
@Controller('v1/partner/referrals')
export class PartnerReferralsController {
  constructor(
    private readonly listReferrals: ListPartnerReferrals,
    private readonly getReferral: GetPartnerReferral,
    private readonly respond: RespondToReferral,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Referrals sent to your organisation',
    description:
      'Only referrals whose person’s consent stands: a withdrawn consent removes them at once. Every read is ' +
      'written to the audit log (your key, your organisation and the referrals returned) before anything is returned.',
  })
  @ApiOkResponse({ type: [PartnerReferralDto] })
  async list(@CurrentPartner() partner: PartnerPrincipal, @Query() query: PartnerListQueryDto) {
    const referrals = await this.listReferrals.execute({ partner, limit: query.limit ?? 100 });
    return referrals.map((referral) => PartnerReferralDto.from(referral));
  }

  @Get(':referralId')
  @ApiOperation({
    summary: 'One referral: the minimum needed to contact the person safely',
    description: 'Every read, and every refused one, is written to the audit log before anything is returned.',
  })
  @ApiOkResponse({ type: PartnerReferralDto })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  async get(@CurrentPartner() partner: PartnerPrincipal, @Param('referralId', ParseUUIDPipe) referralId: string) {
    return PartnerReferralDto.from(await this.getReferral.execute({ partner, referralId }));
  }

  private async answer(
    partner: PartnerPrincipal,
    referralId: string,
    response: PartnerResponse,
    note: string | null = null,
  ) {
    const result = await this.respond.execute({
      organisationId: partner.organisationId,
      credentialId: partner.credentialId,
      referralId,
      response,
      note,
    });
    return { id: referralId, status: result.status };
  }

  @Post(':referralId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Say you have received the referral (stops its expiry clock)' })
  @ApiOkResponse({ type: PartnerReferralStatusDto })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  @ApiConflictResponse({ description: 'Not possible in the referral’s current state' })
  acknowledge(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: UpdateReferralDto,
  ) {
    return this.answer(partner, referralId, { kind: 'acknowledge' }, body.note ?? null);
  }

  @Post(':referralId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the referral on' })
  @ApiOkResponse({ type: PartnerReferralStatusDto })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  @ApiConflictResponse({ description: 'Not possible in the referral’s current state' })
  accept(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: UpdateReferralDto,
  ) {
    return this.answer(partner, referralId, { kind: 'accept' }, body.note ?? null);
  }

  @Post(':referralId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the referral, with a reason code (the person is offered another service)' })
  @ApiOkResponse({ type: PartnerReferralStatusDto })
  @ApiBadRequestResponse({ description: 'Unknown reason code' })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  @ApiConflictResponse({ description: 'Not possible in the referral’s current state' })
  decline(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: DeclineReferralDto,
  ) {
    return this.answer(partner, referralId, { kind: 'decline', reason: body.reason }, body.note ?? null);
  }

  @Post(':referralId/updates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record progress (the first update marks the support as started)' })
  @ApiOkResponse({ type: PartnerReferralStatusDto })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  @ApiConflictResponse({ description: 'Not possible in the referral’s current state' })
  update(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: UpdateReferralDto,
  ) {
    return this.answer(partner, referralId, { kind: 'update' }, body.note ?? null);
  }

  @Post(':referralId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the referral with its outcome' })
  @ApiOkResponse({ type: PartnerReferralStatusDto })
  @ApiBadRequestResponse({ description: 'Unknown outcome code' })
  @ApiNotFoundResponse({ description: 'Not a referral sent to you, or consent was withdrawn' })
  @ApiConflictResponse({ description: 'Not possible in the referral’s current state' })
  close(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: CloseReferralDto,
  ) {
    return this.answer(partner, referralId, { kind: 'close', outcome: body.outcome }, body.note ?? null);
  }
}
