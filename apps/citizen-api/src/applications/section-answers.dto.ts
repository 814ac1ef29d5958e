import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  applicantRoles,
  authorityRelationships,
  bodyAreas,
  circumstances,
  compensationSources,
  contactMethods,
  convictionSentences,
  crimePatterns,
  incidentKinds,
  incidentPlaces,
  legalAuthorityKinds,
  mentalInjuryDiagnoses,
  physicalInjuryKinds,
  representativeTypes,
  residenceBases,
  SPECIAL_EXPENSE_KINDS,
  supportNeeds,
  type ApplicationSection,
} from '@redress/domain';
import { IsCalendarDate } from '@redress/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// One DTO per section. Every answer is optional (a section is saved as the citizen goes); the domain's
// `missingAnswers` says what a section still needs. What is given must be well formed: these check that.

const NAME = 100;
const SHORT_TEXT = 200;
const LONG_TEXT = 5000;
const PHONE = /^[+\d][\d ()+#-]{7,19}$/; // the UK service's `global-mobile` pattern
const POSTCODE = /^[A-Za-z0-9 ]{2,10}$/;

export class PostalAddressDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) line1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) line2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) town?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(POSTCODE, { message: 'postcode must be a postcode' })
  postcode?: string;
}

export class ApplyingForDto {
  @ApiPropertyOptional({ enum: applicantRoles })
  @IsOptional()
  @IsIn(applicantRoles)
  role?: (typeof applicantRoles)[number];
}

export class RepresentativeDto {
  @ApiPropertyOptional({
    enum: representativeTypes,
    description:
      'SOLS solicitor, CMCO claims management company, SUPP support organisation, SSER social services, FRFA friend or relative, FC foster carer',
  })
  @IsOptional()
  @IsIn(representativeTypes)
  type?: (typeof representativeTypes)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) organisationName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Za-z0-9/-]{1,20}$/) cmcRegistrationNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) ownReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasAuthorityToAct?: boolean;
}

export class AuthorityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) fullName?: string;
  @ApiPropertyOptional({ enum: authorityRelationships })
  @IsOptional()
  @IsIn(authorityRelationships)
  relationshipToVictim?: (typeof authorityRelationships)[number];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasParentalResponsibility?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() careOrder?: boolean;
  @ApiPropertyOptional({ enum: legalAuthorityKinds })
  @IsOptional()
  @IsIn(legalAuthorityKinds)
  legalAuthorityKind?: (typeof legalAuthorityKinds)[number];
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}

export class ProtectedCharacteristicsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) ethnicity?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disability?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) religionOrBelief?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) sexualOrientation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) genderIdentity?: string;
}

export class ApplicantDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) lastName?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(NAME, { each: true })
  otherNames?: string[];
  @ApiPropertyOptional({ example: '1990-05-01' }) @IsOptional() @IsCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasCapacity?: boolean;
  @ApiPropertyOptional({ type: ProtectedCharacteristicsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProtectedCharacteristicsDto)
  protectedCharacteristics?: ProtectedCharacteristicsDto;
}

export class ResidenceDto {
  @ApiPropertyOptional({ enum: residenceBases, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(residenceBases, { each: true })
  bases?: (typeof residenceBases)[number][];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() noneApply?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) nationality?: string;
}

export class CrimeDto {
  @ApiPropertyOptional({ enum: crimePatterns })
  @IsOptional()
  @IsIn(crimePatterns)
  pattern?: (typeof crimePatterns)[number];
  @ApiPropertyOptional({ example: '2026-03-14' }) @IsOptional() @IsCalendarDate() date?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() lastDate?: string;
  @ApiPropertyOptional({ enum: incidentPlaces })
  @IsOptional()
  @IsIn(incidentPlaces)
  place?: (typeof incidentPlaces)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) location?: string;
  @ApiPropertyOptional({ enum: incidentKinds })
  @IsOptional()
  @IsIn(incidentKinds)
  kind?: (typeof incidentKinds)[number];
  @ApiPropertyOptional({ description: 'What happened, in your own words' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT)
  account?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reportedToPolice?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() reportedOn?: string;
  @ApiPropertyOptional({ description: 'Police force code' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'policeForce must be a police force code' })
  policeForce?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9/ .:-]{1,40}$/, { message: 'crimeReference must be up to 40 letters, digits and / . : -' })
  crimeReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) lateReportReason?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cooperatedWithPolice?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) lateApplicationReason?: string;
}

export class OffenderDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() nameKnown?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() livedWithOffenderAsFamily?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() stillLivesWithOffender?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ongoingContact?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() offenderMayBenefit?: boolean;
}

export class PhysicalInjuryDto {
  @ApiPropertyOptional({ enum: bodyAreas }) @IsOptional() @IsIn(bodyAreas) bodyArea?: (typeof bodyAreas)[number];
  @ApiPropertyOptional({ enum: physicalInjuryKinds })
  @IsOptional()
  @IsIn(physicalInjuryKinds)
  kind?: (typeof physicalInjuryKinds)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) description?: string;
}

export class MentalInjuryDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasMentalInjury?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabling?: boolean;
  @ApiPropertyOptional({ enum: mentalInjuryDiagnoses })
  @IsOptional()
  @IsIn(mentalInjuryDiagnoses)
  diagnosis?: (typeof mentalInjuryDiagnoses)[number];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(5200) durationWeeks?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ongoing?: boolean;
}

export class PregnancyDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() resultedInPregnancy?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() lossOfFoetus?: boolean;
}

export class InfectionDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() infected?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) details?: string;
}

export class InjuriesDto {
  @ApiPropertyOptional({ type: [PhysicalInjuryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PhysicalInjuryDto)
  physicalInjuries?: PhysicalInjuryDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() noPhysicalInjury?: boolean;
  @ApiPropertyOptional({ type: MentalInjuryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentalInjuryDto)
  mental?: MentalInjuryDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sexualAssault?: boolean;
  @ApiPropertyOptional({ type: PregnancyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PregnancyDto)
  pregnancy?: PregnancyDto;
  @ApiPropertyOptional({ type: InfectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InfectionDto)
  infection?: InfectionDto;
}

export class SpecialExpenseDto {
  @ApiPropertyOptional({ enum: SPECIAL_EXPENSE_KINDS })
  @IsOptional()
  @IsIn(SPECIAL_EXPENSE_KINDS)
  kind?: (typeof SPECIAL_EXPENSE_KINDS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) description?: string;
  @ApiPropertyOptional({ description: 'Integer pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amountPence?: number;
}

export class ImpactDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inWorkAtTime?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unableToWork?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unableToWorkOver28Weeks?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LONG_TEXT) effectOnDailyLife?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasSpecialExpenses?: boolean;
  @ApiPropertyOptional({ type: [SpecialExpenseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SpecialExpenseDto)
  specialExpenses?: SpecialExpenseDto[];
}

export class CarePlaceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) name?: string;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}

export class TreatmentDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() registeredWithGp?: boolean;
  @ApiPropertyOptional({ type: CarePlaceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarePlaceDto)
  gp?: CarePlaceDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() treatedInHospital?: boolean;
  @ApiPropertyOptional({ type: CarePlaceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarePlaceDto)
  hospital?: CarePlaceDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() treatedByDentist?: boolean;
  @ApiPropertyOptional({ type: CarePlaceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarePlaceDto)
  dentist?: CarePlaceDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() treatmentOngoing?: boolean;
}

export class CompensationSourceDto {
  @ApiPropertyOptional({ enum: compensationSources })
  @IsOptional()
  @IsIn(compensationSources)
  source?: (typeof compensationSources)[number];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() decided?: boolean;
  @ApiPropertyOptional({ description: 'Integer pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amountPence?: number;
}

export class OtherCompensationDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasOtherCompensation?: boolean;
  @ApiPropertyOptional({ type: [CompensationSourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CompensationSourceDto)
  sources?: CompensationSourceDto[];
}

export class PreviousApplicationsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() appliedBefore?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) previousReference?: string;
  @ApiPropertyOptional({ enum: ['yes', 'no', 'not-sure'] })
  @IsOptional()
  @IsIn(['yes', 'no', 'not-sure'])
  someoneElseApplied?: 'yes' | 'no' | 'not-sure';
}

export class ConvictionDto {
  @ApiPropertyOptional({ enum: convictionSentences })
  @IsOptional()
  @IsIn(convictionSentences)
  sentence?: (typeof convictionSentences)[number];
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() convictedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) details?: string;
}

export class ConvictionsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasUnspentConvictions?: boolean;
  @ApiPropertyOptional({ type: [ConvictionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ConvictionDto)
  convictions?: ConvictionDto[];
}

export class SupportNeedsDto {
  @ApiPropertyOptional({ enum: supportNeeds, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(supportNeeds, { each: true })
  needs?: (typeof supportNeeds)[number][];
  @ApiPropertyOptional({ enum: circumstances, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(circumstances, { each: true })
  circumstances?: (typeof circumstances)[number][];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) inOwnWords?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() wantsSupport?: boolean;
}

export class SafeContactDto {
  @ApiPropertyOptional({ example: 'Weekdays 10am to 4pm' })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT_TEXT)
  safeTimes?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() noVoicemail?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() noPost?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) safeEmail?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'safePhone must be a phone number' })
  safePhone?: string;
}

export class ContactPreferencesDto {
  @ApiPropertyOptional({ enum: contactMethods })
  @IsOptional()
  @IsIn(contactMethods)
  method?: (typeof contactMethods)[number];
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ type: SafeContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SafeContactDto)
  safeContact?: SafeContactDto;
}

export class DeclarationDto {
  @ApiPropertyOptional({ description: 'I declare the information I have given is true and complete' })
  @IsOptional()
  @IsBoolean()
  agreed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NAME) fullName?: string;
  @ApiPropertyOptional({ description: 'The version of the declaration wording shown' })
  @IsOptional()
  @Matches(/^[0-9a-z.-]{1,20}$/)
  wordingVersion?: string;
}

export const sectionDtos: Record<ApplicationSection, new () => object> = {
  'applying-for': ApplyingForDto,
  representative: RepresentativeDto,
  authority: AuthorityDto,
  applicant: ApplicantDto,
  residence: ResidenceDto,
  crime: CrimeDto,
  offender: OffenderDto,
  injuries: InjuriesDto,
  impact: ImpactDto,
  treatment: TreatmentDto,
  'other-compensation': OtherCompensationDto,
  'previous-applications': PreviousApplicationsDto,
  convictions: ConvictionsDto,
  'support-needs': SupportNeedsDto,
  'contact-preferences': ContactPreferencesDto,
  declaration: DeclarationDto,
};
