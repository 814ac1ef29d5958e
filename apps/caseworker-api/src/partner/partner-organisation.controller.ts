import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ConfigurePartnerWebhook,
  OrganisationFigures,
  RevokePartnerCredentials,
  RotatePartnerCredentials,
  type PartnerPrincipal,
} from '@redress/application';
import { IsUrl, MaxLength } from 'class-validator';
import { CurrentPartner, PartnerAdministratorGuard, PartnerAuthGuard } from './partner-auth.guard.js';

export class OrganisationFiguresDto {
  @ApiProperty() received: number;
  @ApiProperty() accepted: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Median hours from sending to first contact' })
  medianHoursToFirstContact: number | null;
}

export class IssuedKeyDto {
  @ApiProperty({ description: '`<key id>.<secret>`: shown once, never stored' }) apiKey: string;
  @ApiProperty() keyId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When older keys stop working' })
  previousKeysExpireAt: string | null;
}

export class RevokedKeysDto {
  @ApiProperty() revoked: number;
}

export class WebhookDto {
  @ApiProperty({ example: 'https://cases.example.org/redress-webhook' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'url must be an https URL' })
  @MaxLength(500)
  url: string;
}

export class WebhookConfiguredDto {
  @ApiProperty({ description: 'whsec_...: shown once' }) signingSecret: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When the previous secret stops signing' })
  previousSecretValidUntil: string | null;
}

/**
 * An organisation administrator's keys, webhook and figures (the portal's *Your organisation*). Keys and secrets are
 * shown once; the same use cases as the `partner:credentials` CLI, with the administrator as the actor.
 */
@ApiTags('partner-organisation')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an administrator of the organisation signed in to the portal' })
@UseGuards(PartnerAuthGuard, PartnerAdministratorGuard)
@Controller('v1/partner/organisation')
export class PartnerOrganisationController {
  constructor(
    private readonly figures: OrganisationFigures,
    private readonly rotate: RotatePartnerCredentials,
    private readonly revoke: RevokePartnerCredentials,
    private readonly webhook: ConfigurePartnerWebhook,
  ) {}

  @Get('figures')
  @ApiOperation({ summary: 'Referrals received and accepted, and the median time to first contact' })
  @ApiOkResponse({ type: OrganisationFiguresDto })
  figuresOf(@CurrentPartner() partner: PartnerPrincipal) {
    return this.figures.execute(partner);
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'A new API key, shown once; older keys stop working after 24 hours' })
  @ApiCreatedResponse({ type: IssuedKeyDto })
  async newKey(@CurrentPartner() partner: PartnerPrincipal): Promise<IssuedKeyDto> {
    const issued = await this.rotate.execute({
      organisationId: partner.organisationId,
      actor: { type: 'partner', id: partner.credentialId },
    });
    return {
      apiKey: issued.apiKey,
      keyId: issued.keyId,
      previousKeysExpireAt: issued.previousKeysExpireAt?.toISOString() ?? null,
    };
  }

  @Post('api-keys/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke every API key of the organisation at once' })
  @ApiOkResponse({ type: RevokedKeysDto })
  revokeKeys(@CurrentPartner() partner: PartnerPrincipal) {
    return this.revoke.execute({
      organisationId: partner.organisationId,
      actor: { type: 'partner', id: partner.credentialId },
    });
  }

  @Put('webhook')
  @ApiOperation({ summary: 'Set the webhook address; a new signing secret, shown once (the old one signs for 24 h)' })
  @ApiOkResponse({ type: WebhookConfiguredDto })
  @ApiBadRequestResponse({ description: 'Not an https URL' })
  async setWebhook(@CurrentPartner() partner: PartnerPrincipal, @Body() body: WebhookDto) {
    const result = await this.webhook.execute({
      organisationId: partner.organisationId,
      url: body.url,
      actor: { type: 'partner', id: partner.credentialId },
    });
    return {
      signingSecret: result.signingSecret,
      previousSecretValidUntil: result.previousSecretValidUntil?.toISOString() ?? null,
    };
  }
}
