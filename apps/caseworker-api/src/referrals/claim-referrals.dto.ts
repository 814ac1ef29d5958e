import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  accessPurposes,
  consentLedgerMethods,
  consentMethods,
  consentWithdrawalReasons,
  type AccessPurpose,
  type ConsentMethod,
  type ConsentWithdrawalReason,
  type ConsentWithdrawnOnBehalf,
  type ReferredOnBehalf,
  type StaffClaimReferral,
  type StaffReferralConsent,
} from '@redress/application';
import { circumstances, supportNeeds, type Circumstance, type SupportNeed } from '@redress/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ClaimReferralsQuery {
  @ApiPropertyOptional({ enum: accessPurposes, default: 'casework', description: 'Why you are looking (logged).' })
  @IsOptional()
  @IsIn(accessPurposes)
  purpose?: AccessPurpose;
}

/** The victim's consent, as the caseworker took it. */
export class RecordedConsentDto {
  @ApiProperty({ description: 'The victim agreed. Must be true: false or no consent at all is refused (422).' })
  @IsBoolean()
  given: boolean;

  @ApiProperty({ enum: consentMethods, description: 'How the victim gave it' })
  @IsIn(consentMethods)
  method: ConsentMethod;

  @ApiProperty({
    description: 'The version of the consent words read or shown to the victim',
    example: 'support-referral/2026-11-01',
  })
  @IsString()
  @Matches(/^[a-z0-9/-]{1,80}$/)
  wordingVersion: string;

  @ApiProperty({
    description: 'When the victim gave it (ISO 8601 with offset); not in the future',
    example: '2026-11-30T10:15:00Z',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'givenAt must carry a time zone (Z or an offset)' })
  givenAt: string;

  @ApiProperty({ description: 'The organisation the victim agreed to share their details with' })
  @IsUUID()
  organisationId: string;
}

export class ReferOnBehalfDto {
  @ApiPropertyOptional({
    description:
      'A named service of the directory; without it, the matcher’s best service of the consented organisation',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({
    enum: supportNeeds,
    isArray: true,
    description: 'Used only when the application’s support-needs section names none',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(supportNeeds, { each: true })
  needs?: SupportNeed[];

  @ApiPropertyOptional({ enum: circumstances, isArray: true, description: 'With `needs` only' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(circumstances.length)
  @IsIn(circumstances, { each: true })
  circumstances?: Circumstance[];

  @ApiPropertyOptional({ description: 'A few words for the organisation, agreed with the victim', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  summary?: string;

  @ApiPropertyOptional({ type: RecordedConsentDto, description: 'Required: without it the answer is 422' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RecordedConsentDto)
  consent?: RecordedConsentDto;
}

export class StaffReferralConsentDto {
  @ApiProperty({ description: 'Consent to share with this organisation stands now' }) standing: boolean;
  @ApiPropertyOptional({ enum: ['given', 'withdrawn'], nullable: true }) lastAction: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Who recorded the newest entry: { type: citizen | staff, id } (the victim online, or staff for them)',
  })
  recordedBy: { type: string; id: string } | null;
  @ApiPropertyOptional({
    enum: [...consentLedgerMethods, 'unknown'],
    nullable: true,
    description:
      'How the victim gave (or withdrew) it: online themselves, or by phone, in person or in writing to staff. ' +
      '`unknown` only for entries recorded by staff before the ledger kept it and not recoverable from the audit log.',
  })
  method: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'When the victim gave (or withdrew) it, which may be before it was recorded; null when unknown',
  })
  givenAt: string | null;
  @ApiPropertyOptional({ nullable: true }) wordingVersion: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When it was recorded' }) recordedAt: string | null;
}

/** The consent as staff see it, dates as ISO strings. */
function consentDto(consent: StaffReferralConsent): StaffReferralConsentDto {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return Object.assign(new StaffReferralConsentDto(), {
    ...consent,
    recordedBy: consent.recordedBy ? { ...consent.recordedBy } : null,
    givenAt: iso(consent.givenAt),
    recordedAt: iso(consent.recordedAt),
  });
}

export class StaffClaimReferralDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: '1 is the best match of its request' }) rank: number;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() serviceId: string;
  @ApiProperty() serviceName: string;
  @ApiProperty({ enum: supportNeeds, isArray: true }) needsMet: string[];
  @ApiPropertyOptional({ nullable: true }) replacesReferralId: string | null;
  @ApiProperty({ type: StaffReferralConsentDto }) consent: StaffReferralConsentDto;
  @ApiPropertyOptional({ nullable: true }) consentedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Victims’ Code right 4: the day it must be sent by' })
  sendDueOn: string | null;
  @ApiPropertyOptional({ nullable: true }) sentAt: string | null;
  @ApiProperty({ description: 'Right 4 breached: sent late, or flagged unsent past its day' }) sendBreached: boolean;
  @ApiProperty({ description: 'Consented, still unsent and past its day now' }) sendOverdue: boolean;
  @ApiPropertyOptional({ nullable: true }) acknowledgeDueOn: string | null;
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) declineReason: string | null;
  @ApiPropertyOptional({ nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ nullable: true }) expiredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiProperty() createdAt: string;

  static from(referral: StaffClaimReferral): StaffClaimReferralDto {
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    return Object.assign(new StaffClaimReferralDto(), {
      ...referral,
      needsMet: [...referral.needsMet],
      consent: consentDto(referral.consent),
      consentedAt: iso(referral.consentedAt),
      sentAt: iso(referral.sentAt),
      acknowledgedAt: iso(referral.acknowledgedAt),
      withdrawnAt: iso(referral.withdrawnAt),
      expiredAt: iso(referral.expiredAt),
      closedAt: iso(referral.closedAt),
      createdAt: referral.createdAt.toISOString(),
    });
  }
}

export class ReferredOnBehalfDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ description: 'The referral made with the recorded consent: consented, queued to be sent' })
  referralId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() serviceId: string;
  @ApiProperty({ description: 'Victims’ Code right 4: sent by this day (2 working days from the consent)' })
  sendDueOn: string;
  @ApiProperty({ type: [String], description: 'The matcher’s other suggestions, awaiting the victim’s own consent' })
  proposedReferralIds: string[];
  @ApiProperty({ enum: ['application', 'request'], description: 'Where the needs came from' }) needsFrom: string;

  static from(result: ReferredOnBehalf): ReferredOnBehalfDto {
    return Object.assign(new ReferredOnBehalfDto(), {
      ...result,
      proposedReferralIds: [...result.proposedReferralIds],
    });
  }
}

/** The victim's withdrawal of consent, as the caseworker took it. */
export class WithdrawConsentOnBehalfDto {
  @ApiProperty({ enum: consentMethods, description: 'How the victim told you (online they withdraw themselves)' })
  @IsIn(consentMethods)
  method: ConsentMethod;

  @ApiProperty({
    description:
      'When the victim withdrew (ISO 8601 with offset); not in the future (5 minutes’ leeway for your clock), and not ' +
      'before the consent that stands',
    example: '2026-12-01T09:30:00Z',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'withdrawnAt must carry a time zone (Z or an offset)' })
  withdrawnAt: string;

  @ApiPropertyOptional({ enum: consentWithdrawalReasons, description: 'Why, if the victim said (a code only)' })
  @IsOptional()
  @IsIn(consentWithdrawalReasons)
  reasonCode?: ConsentWithdrawalReason;
}

export class ConsentWithdrawnOnBehalfDto {
  @ApiProperty({
    description:
      'true (201): this request recorded the withdrawal. false (200): consent had already been withdrawn, online or ' +
      'by staff; nothing was written and `consent` is the withdrawal that stands',
  })
  recorded: boolean;
  @ApiProperty() organisationId: string;
  @ApiProperty({
    description:
      'How many open referrals of the victim with the organisation this request withdrew (the organisation lost ' +
      'access at once), including those of the victim’s other claims and their own proposals',
  })
  withdrawnReferrals: number;
  @ApiProperty({ type: [String], description: 'Those of them that are referrals of this claim' })
  withdrawnReferralIds: string[];
  @ApiProperty({ type: StaffReferralConsentDto, description: 'Where consent stands now: the newest ledger entry' })
  consent: StaffReferralConsentDto;

  static from(result: ConsentWithdrawnOnBehalf): ConsentWithdrawnOnBehalfDto {
    return Object.assign(new ConsentWithdrawnOnBehalfDto(), {
      recorded: result.recorded,
      organisationId: result.organisationId,
      withdrawnReferrals: result.withdrawnReferrals,
      withdrawnReferralIds: [...result.withdrawnReferralIds],
      consent: consentDto(result.consent),
    });
  }
}
