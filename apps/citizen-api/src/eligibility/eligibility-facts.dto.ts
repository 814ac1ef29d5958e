import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  convictionSentences,
  eligibilityRoutes,
  fatalRelationships,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  residenceBases,
  type ConvictionSentence,
  type EligibilityRoute,
  type FatalRelationship,
  type IncidentKind,
  type IncidentPlace,
  type MentalInjuryDiagnosis,
  type ResidenceBasis,
} from '@redress/domain';
import { IsCalendarDate } from '@redress/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// The same words as the engine (shared/domain/eligibility-facts.md); every fact may be absent or null.

export class UnspentConvictionDto {
  @ApiProperty({ enum: convictionSentences })
  @IsIn(convictionSentences)
  sentence: ConvictionSentence;
}

export class ApplicantFactsDto {
  @ApiPropertyOptional({ example: '1990-05-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ enum: residenceBases, isArray: true, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(residenceBases.length)
  @IsIn(residenceBases, { each: true })
  residence?: ResidenceBasis[] | null;

  @ApiPropertyOptional({
    type: [UnspentConvictionDto],
    nullable: true,
    description: '[] means none; leave out spent ones',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => UnspentConvictionDto)
  unspentConvictions?: UnspentConvictionDto[] | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  previousApplicationForSameInjury?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'At the time of the incident' })
  @IsOptional()
  @IsBoolean()
  livedWithAssailantAsFamily?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'Or is likely to again' })
  @IsOptional()
  @IsBoolean()
  stillLivesWithAssailant?: boolean | null;
}

export class IncidentFactsDto {
  @ApiPropertyOptional({
    example: '2025-03-14',
    nullable: true,
    description: 'The incident, or the first of a period of abuse',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The last incident of a period of abuse' })
  @IsOptional()
  @IsCalendarDate()
  lastDate?: string | null;

  @ApiPropertyOptional({ enum: incidentPlaces, nullable: true })
  @IsOptional()
  @IsIn(incidentPlaces)
  place?: IncidentPlace | null;

  @ApiPropertyOptional({ enum: incidentKinds, nullable: true })
  @IsOptional()
  @IsIn(incidentKinds)
  kind?: IncidentKind | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  reportedToPolice?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'The first report to the police' })
  @IsOptional()
  @IsCalendarDate()
  reportedOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  cooperatedWithPolice?: boolean | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  assailantMayBenefit?: boolean | null;
}

export class MentalInjuryFactsDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  disabling?: boolean | null;

  @ApiPropertyOptional({ enum: mentalInjuryDiagnoses, nullable: true })
  @IsOptional()
  @IsIn(mentalInjuryDiagnoses)
  diagnosis?: MentalInjuryDiagnosis | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 5200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5200)
  durationWeeks?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  ongoing?: boolean | null;
}

export class InjuryFactsDto {
  @ApiPropertyOptional({ nullable: true, description: 'Only injuries below the lowest tariff level' })
  @IsOptional()
  @IsBoolean()
  minorOnly?: boolean | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sexualAssault?: boolean | null;

  @ApiPropertyOptional({ type: MentalInjuryFactsDto, nullable: true, description: 'null: no mental injury' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MentalInjuryFactsDto)
  mentalInjury?: MentalInjuryFactsDto | null;
}

export class WitnessFactsDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  lovedOne?: boolean | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  presentOrImmediateAftermath?: boolean | null;
}

export class FatalFactsDto {
  @ApiPropertyOptional({ enum: fatalRelationships, nullable: true })
  @IsOptional()
  @IsIn(fatalRelationships)
  relationship?: FatalRelationship | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  paidFuneral?: boolean | null;
}

export class EligibilityFactsDto {
  @ApiPropertyOptional({
    example: '2026-11-27',
    nullable: true,
    description: 'Date the application is received; default today',
  })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string | null;

  @ApiPropertyOptional({ enum: eligibilityRoutes, nullable: true })
  @IsOptional()
  @IsIn(eligibilityRoutes)
  route?: EligibilityRoute | null;

  @ApiPropertyOptional({ type: ApplicantFactsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantFactsDto)
  applicant?: ApplicantFactsDto | null;

  @ApiPropertyOptional({ type: IncidentFactsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentFactsDto)
  incident?: IncidentFactsDto | null;

  @ApiPropertyOptional({ type: InjuryFactsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InjuryFactsDto)
  injuries?: InjuryFactsDto | null;

  @ApiPropertyOptional({ type: WitnessFactsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WitnessFactsDto)
  witness?: WitnessFactsDto | null;

  @ApiPropertyOptional({ type: FatalFactsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FatalFactsDto)
  fatal?: FatalFactsDto | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: 2000,
    description: 'Exceptional circumstances claimed for applying late',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  lateApplicationReason?: string | null;
}
