import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PartnerReferral } from '@redress/application';
import {
  declineReasons,
  referralOutcomes,
  supportNeeds,
  type DeclineReason,
  type ReferralOutcome,
} from '@redress/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PartnerListQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeclineReferralDto {
  @ApiProperty({ enum: declineReasons })
  @IsIn(declineReasons)
  reason: DeclineReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** An optional note: the body of acknowledge, accept and progress updates. */
export class UpdateReferralDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'A sentence or two, stored encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CloseReferralDto {
  @ApiProperty({ enum: referralOutcomes })
  @IsIn(referralOutcomes)
  outcome: ReferralOutcome;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class PartnerContactDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) email: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiProperty({ enum: ['email', 'phone', 'text'], isArray: true, description: 'In order of preference' })
  channels: string[];
  @ApiPropertyOptional({ nullable: true, description: 'When it is safe to call' }) safeTimes: string | null;
  @ApiProperty({ description: 'Never leave a voicemail when false' }) voicemailOk: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Give this word so the person knows the call is genuine' })
  codeWord: string | null;
}

export class PartnerPersonDto {
  @ApiProperty({ type: PartnerContactDto }) contact: PartnerContactDto;
  @ApiProperty({ enum: supportNeeds, isArray: true }) needs: string[];
  @ApiPropertyOptional({ nullable: true, description: 'In the person’s own words' }) summary: string | null;
}

export class PartnerReferralDto {
  @ApiProperty() id: string;
  @ApiProperty() serviceId: string;
  @ApiProperty() serviceName: string;
  @ApiProperty({ enum: ['sent', 'acknowledged', 'accepted', 'declined', 'in_progress', 'closed'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Acknowledge by the end of this day or the referral expires',
  })
  acknowledgeDueOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When the person consented to the referral' })
  consentedAt: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Victims’ Code right 4: the day it had to be sent by',
  })
  sendDueOn: string | null;
  @ApiProperty({ description: 'Victims’ Code right 4: it was sent after its day' }) sentLate: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) declineReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({
    type: PartnerPersonDto,
    nullable: true,
    description:
      'The minimum needed to contact the person safely; null once a declined or closed referral ended more than ' +
      'PARTNER_ENDED_REFERRAL_DAYS days ago',
  })
  person: PartnerPersonDto | null;

  static from(referral: PartnerReferral): PartnerReferralDto {
    return Object.assign(new PartnerReferralDto(), {
      ...referral,
      sentAt: referral.sentAt?.toISOString() ?? null,
      acknowledgedAt: referral.acknowledgedAt?.toISOString() ?? null,
      consentedAt: referral.consentedAt?.toISOString() ?? null,
      closedAt: referral.closedAt?.toISOString() ?? null,
    });
  }
}

export class PartnerReferralStatusDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
}
