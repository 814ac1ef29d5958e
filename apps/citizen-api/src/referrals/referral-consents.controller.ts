import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ListMyConsents, WithdrawConsent } from '@redress/application';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import { CitizenConsentDto, CitizenConsentsDto, ConsentWithdrawnDto } from './referrals.dto.js';

@ApiTags('referrals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@UseGuards(CitizenAuthGuard)
@Controller('v1/referral-consents')
export class ReferralConsentsController {
  constructor(
    private readonly listMyConsents: ListMyConsents,
    private readonly withdrawConsent: WithdrawConsent,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Who has your details: the consents that stand, and every consent given or withdrawn' })
  @ApiOkResponse({ type: CitizenConsentsDto })
  async list(@CurrentCitizen() citizen: CitizenPrincipal): Promise<CitizenConsentsDto> {
    const { live, history } = await this.listMyConsents.execute({ citizenId: citizen.citizenId });
    return { live: live.map((c) => CitizenConsentDto.from(c)), history: history.map((c) => CitizenConsentDto.from(c)) };
  }

  @Post(':organisationId/withdrawal')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw your consent from an organisation',
    description:
      'The organisation loses access to your details at once, every open referral with it is withdrawn, and it is ' +
      'told that you withdrew.',
  })
  @ApiOkResponse({ type: ConsentWithdrawnDto })
  @ApiBadRequestResponse({ description: 'The organisation id is not a UUID' })
  @ApiNotFoundResponse({ description: 'You have no consent standing with that organisation' })
  async withdraw(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
  ): Promise<ConsentWithdrawnDto> {
    return this.withdrawConsent.execute({ citizenId: citizen.citizenId, organisationId });
  }
}
