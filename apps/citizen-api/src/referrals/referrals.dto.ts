import type { Language } from '@redress/platform';
import { referralIn } from '../language/citizen-words.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CitizenConsent, CitizenReferral } from '@redress/application';
import { circumstances, supportNeeds, type Circumstance, type SupportNeed } from '@redress/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const channels = ['email', 'phone', 'text'] as const;

/** How to reach the person safely; only what they choose to give. */
export class SafeContactDto {
  @ApiProperty({ example: 'Sam', description: 'The name the person wants to be called' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'sam@example.org', description: 'Required when email is a channel' })
  @ValidateIf((contact: SafeContactDto) => contact.email != null || (contact.channels ?? []).includes('email'))
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '07700 900123', description: 'Required when phone or text is a channel' })
  @ValidateIf(
    (contact: SafeContactDto) =>
      contact.phone != null || (contact.channels ?? []).some((channel) => channel === 'phone' || channel === 'text'),
  )
  @Matches(/^\+?[0-9][0-9 ]{8,18}[0-9]$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({ enum: channels, isArray: true, description: 'Channels in order of preference' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(channels, { each: true })
  channels: Array<(typeof channels)[number]>;

  @ApiPropertyOptional({ example: 'Weekdays 10am to 2pm', description: 'When it is safe to call' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  safeTimes?: string;

  @ApiProperty({ description: 'Whether a voicemail may be left' })
  @IsBoolean()
  voicemailOk: boolean;

  @ApiPropertyOptional({ description: 'A word the caller gives so the person knows the call is genuine' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  codeWord?: string;
}

export class ProposeReferralsDto {
  @ApiProperty({ enum: supportNeeds, isArray: true, example: ['feeling-safe', 'emotional-support'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(supportNeeds, { each: true })
  needs: SupportNeed[];

  @ApiPropertyOptional({ enum: circumstances, isArray: true, description: 'Only what the person chose to tell us' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(circumstances.length)
  @IsIn(circumstances, { each: true })
  circumstances?: Circumstance[];

  @ApiPropertyOptional({ example: 34 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number;

  @ApiPropertyOptional({
    example: 'NW1 2DB',
    description: 'Only its district (NW1) is kept. Give this or localAuthorityCode',
  })
  @ValidateIf((dto: ProposeReferralsDto) => dto.postcode != null || dto.localAuthorityCode == null)
  @Matches(/^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?$/, { message: 'postcode must be a UK postcode' })
  postcode?: string;

  @ApiPropertyOptional({ example: 'E09000007', description: 'GSS code of the local authority (England or Wales)' })
  @IsOptional()
  @Matches(/^[EW]0[6-9][0-9]{6}$/, { message: 'localAuthorityCode must be a GSS code of an English or Welsh council' })
  localAuthorityCode?: string;

  @ApiPropertyOptional({ description: 'Link the referrals to one of your claims' })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @ApiProperty({ type: SafeContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SafeContactDto)
  contact: SafeContactDto;

  @ApiPropertyOptional({ description: 'A few words for the organisation, in your own words', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  summary?: string;
}

export class GiveConsentDto {
  @ApiProperty({ description: 'Must be true: consent is never assumed', example: true })
  @Equals(true, { message: 'consent must be true: tick the box to agree' })
  consent: boolean;

  @ApiProperty({ description: 'The version of the consent words shown (consentWording.version)' })
  @IsString()
  @Matches(/^[a-z0-9/-]{1,80}$/)
  wordingVersion: string;
}

export class ConsentWordingDto {
  @ApiProperty() purpose: string;
  @ApiProperty() version: string;
  @ApiProperty() text: string;
}

export class CitizenReferralDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: [
      'proposed',
      'consented',
      'sent',
      'acknowledged',
      'accepted',
      'declined',
      'in_progress',
      'closed',
      'withdrawn',
      'expired',
    ],
  })
  status: string;
  @ApiProperty({ description: 'The status in words, in the language of the answer' }) statusText: string;
  @ApiProperty({ description: '1 is the best match' }) rank: number;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() serviceId: string;
  @ApiProperty() serviceName: string;
  @ApiProperty() serviceDescription: string;
  @ApiProperty({ enum: supportNeeds, isArray: true }) needsMet: string[];
  @ApiProperty({ type: [String], description: 'Why this service was suggested, in plain words' }) reasons: string[];
  @ApiPropertyOptional({ nullable: true }) claimId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The referral this one was offered in place of' })
  replacesReferralId: string | null;
  @ApiPropertyOptional({ type: ConsentWordingDto, nullable: true, description: 'Present while consent is awaited' })
  consentWording: ConsentWordingDto | null;
  @ApiPropertyOptional({ nullable: true }) consentedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Victims’ Code right 4: the day it must be sent by' })
  sendDueOn: string | null;
  @ApiPropertyOptional({ nullable: true }) sentAt: string | null;
  @ApiProperty({ description: 'It was not sent within 2 working days of consent' }) sendBreached: boolean;
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) declineReason: string | null;
  @ApiPropertyOptional({ nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ nullable: true }) expiredAt: string | null;
  @ApiProperty() createdAt: string;

  /** The referral, with its status and reasons in the language of the answer (English by default). */
  static from(referral: CitizenReferral, language: Language = 'en'): CitizenReferralDto {
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    return Object.assign(new CitizenReferralDto(), {
      ...referralIn(language, referral),
      consentWording: referral.consentWording ? { ...referral.consentWording } : null,
      consentedAt: iso(referral.consentedAt),
      sentAt: iso(referral.sentAt),
      acknowledgedAt: iso(referral.acknowledgedAt),
      closedAt: iso(referral.closedAt),
      withdrawnAt: iso(referral.withdrawnAt),
      expiredAt: iso(referral.expiredAt),
      createdAt: referral.createdAt.toISOString(),
    });
  }
}

export class ReferralProposalsDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ type: [CitizenReferralDto], description: 'Best first; empty when no service fits yet' })
  referrals: CitizenReferralDto[];
}

export class CitizenConsentDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: ['given', 'withdrawn'] }) action: string;
  @ApiProperty() wordingVersion: string;
  @ApiProperty({
    enum: ['online', 'phone', 'in-person', 'in-writing', 'unknown'],
    description:
      'How you gave (or withdrew) it: online yourself, or by phone, in person or in writing to a caseworker ' +
      '(`unknown` only for some entries a caseworker made before this was kept)',
  })
  method: string;
  @ApiPropertyOptional({ nullable: true, description: 'When you gave (or withdrew) it; null when not known' })
  givenAt: string | null;
  @ApiProperty({ enum: ['citizen', 'staff'], description: 'Who recorded it: you, or a caseworker for you' })
  recordedBy: string;
  @ApiProperty({ description: 'When it was recorded' }) recordedAt: string;

  static from(consent: CitizenConsent): CitizenConsentDto {
    return Object.assign(new CitizenConsentDto(), {
      ...consent,
      givenAt: consent.givenAt?.toISOString() ?? null,
      recordedAt: consent.recordedAt.toISOString(),
    });
  }
}

export class CitizenConsentsDto {
  @ApiProperty({ type: [CitizenConsentDto], description: 'Who may see your details now' }) live: CitizenConsentDto[];
  @ApiProperty({ type: [CitizenConsentDto], description: 'Every consent given or withdrawn, newest first' })
  history: CitizenConsentDto[];
}

export class ConsentWithdrawnDto {
  @ApiProperty({ description: 'Referrals with the organisation that were withdrawn' }) withdrawnReferrals: number;
}
