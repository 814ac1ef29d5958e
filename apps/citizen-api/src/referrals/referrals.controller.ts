import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { GetMyReferral, GiveConsent, ListMyReferrals, ProposeReferrals } from '@redress/application';
import { RateLimit } from '@redress/platform';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import type { Language } from '@redress/platform';
import { AnswerLanguage } from '../language/citizen-words.js';
import { CitizenReferralDto, GiveConsentDto, ProposeReferralsDto, ReferralProposalsDto } from './referrals.dto.js';

@ApiTags('referrals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@UseGuards(CitizenAuthGuard)
@Controller('v1/referrals')
export class ReferralsController {
  constructor(
    private readonly proposeReferrals: ProposeReferrals,
    private readonly listMyReferrals: ListMyReferrals,
    private readonly getMyReferral: GetMyReferral,
    private readonly giveConsent: GiveConsent,
  ) {}

  @Post('proposals')
  @RateLimit({ name: 'referral-proposals', max: 20, timeWindow: 3_600_000 })
  @ApiOperation({
    summary: 'Find support services that fit your needs',
    description:
      'Matches your needs, circumstances, age and area against the support directory and suggests the best few ' +
      'services, each with the reasons it was suggested. Nothing is shared with any organisation until you agree.',
  })
  @ApiCreatedResponse({ type: ReferralProposalsDto })
  @ApiBadRequestResponse({ description: 'Invalid fields: problem+json listing each' })
  @ApiNotFoundResponse({ description: 'The claim named is not yours or does not exist' })
  async propose(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Body() body: ProposeReferralsDto,
    @AnswerLanguage() language: Language,
  ): Promise<ReferralProposalsDto> {
    const { requestId, referralIds } = await this.proposeReferrals.execute({
      citizenId: citizen.citizenId,
      claimId: body.claimId ?? null,
      needs: body.needs,
      circumstances: body.circumstances ?? [],
      age: body.age ?? null,
      postcode: body.postcode ?? null,
      localAuthorityCode: body.localAuthorityCode ?? null,
      contact: {
        name: body.contact.name,
        email: body.contact.email ?? null,
        phone: body.contact.phone ?? null,
        channels: body.contact.channels,
        safeTimes: body.contact.safeTimes ?? null,
        voicemailOk: body.contact.voicemailOk,
        codeWord: body.contact.codeWord ?? null,
      },
      summary: body.summary ?? null,
    });
    const all = await this.listMyReferrals.execute({ citizenId: citizen.citizenId });
    const order = new Map(referralIds.map((id, index) => [id, index]));
    const referrals = all
      .filter((referral) => order.has(referral.id))
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((referral) => CitizenReferralDto.from(referral, language));
    return { requestId, referrals };
  }

  @Get()
  @ApiOperation({ summary: 'Your referrals: suggested, sent, and how each went' })
  @ApiOkResponse({ type: [CitizenReferralDto] })
  async list(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @AnswerLanguage() language: Language,
  ): Promise<CitizenReferralDto[]> {
    return (await this.listMyReferrals.execute({ citizenId: citizen.citizenId })).map((referral) =>
      CitizenReferralDto.from(referral, language),
    );
  }

  @Get(':referralId')
  @ApiOperation({ summary: 'One of your referrals: why it was suggested, its status and outcome' })
  @ApiOkResponse({ type: CitizenReferralDto })
  @ApiNotFoundResponse({ description: 'No such referral of yours' })
  async get(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @AnswerLanguage() language: Language,
  ): Promise<CitizenReferralDto> {
    return CitizenReferralDto.from(
      await this.getMyReferral.execute({ citizenId: citizen.citizenId, referralId }),
      language,
    );
  }

  @Post(':referralId/consent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Agree to be referred to this organisation',
    description:
      'Records your explicit consent, with the version of the words you were shown, and sends the referral within ' +
      '2 working days (Victims’ Code right 4). You can withdraw at any time.',
  })
  @ApiOkResponse({ type: CitizenReferralDto })
  @ApiBadRequestResponse({ description: 'consent is not true, or the version is malformed' })
  @ApiNotFoundResponse({ description: 'No such referral of yours' })
  @ApiConflictResponse({ description: 'The consent words changed, or the referral is no longer waiting for consent' })
  async consent(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: GiveConsentDto,
    @AnswerLanguage() language: Language,
  ): Promise<CitizenReferralDto> {
    await this.giveConsent.execute({ citizenId: citizen.citizenId, referralId, wordingVersion: body.wordingVersion });
    return CitizenReferralDto.from(
      await this.getMyReferral.execute({ citizenId: citizen.citizenId, referralId }),
      language,
    );
  }
}
