import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  conductEffects,
  judgementKinds,
  SPECIAL_EXPENSE_KINDS,
  type ConductEffect,
  type JudgementKind,
  type SpecialExpenseKind,
} from '@redress/domain';
import { IsCalendarDate } from '@redress/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionBody } from './work.dto.js';

export class JudgementDto {
  @ApiProperty({ enum: judgementKinds })
  @IsIn(judgementKinds)
  kind: JudgementKind;

  @ApiProperty({ maxLength: 4000, description: 'Why: recorded with the finding.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;

  @ApiPropertyOptional({ enum: conductEffects, description: 'Conduct findings only (para 25).' })
  @IsOptional()
  @IsIn(conductEffects)
  conductEffect?: ConductEffect;

  @ApiPropertyOptional({ minimum: 1, maximum: 99, description: 'Conduct findings that reduce only.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  reductionPercent?: number;
}

export class JudgementsBody extends VersionBody {
  @ApiProperty({ type: [JudgementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => JudgementDto)
  judgements: JudgementDto[];
}

class InjuryCodeDto {
  @ApiProperty({ example: 'A-ARM-FRACTURE-1' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/)
  code: string;
}

class LossOfEarningsDto {
  @ApiProperty() @IsInt() @Min(0) @Max(5200) weeksUnableToWork: number;
  @ApiProperty() @IsBoolean() metWorkTest: boolean;
}

class SpecialExpenseDto {
  @ApiProperty({ enum: SPECIAL_EXPENSE_KINDS }) @IsIn(SPECIAL_EXPENSE_KINDS) kind: SpecialExpenseKind;
  @ApiProperty() @IsInt() @Min(0) @Max(100_000_000_00) amountPence: number;
}

class BereavementDto {
  @ApiProperty() @IsInt() @Min(0) @Max(50) otherQualifyingRelatives: number;
}

class ChildPaymentDto {
  @ApiProperty() @IsCalendarDate() dateOfBirth: string;
  @ApiProperty() @IsCalendarDate() dateOfDeath: string;
}

class FuneralDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100_000_000_00) costsPence: number;
}

class FatalDto {
  @ApiPropertyOptional({ type: BereavementDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BereavementDto)
  bereavement?: BereavementDto | null;

  @ApiPropertyOptional({ type: ChildPaymentDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChildPaymentDto)
  childPayment?: ChildPaymentDto | null;

  @ApiPropertyOptional({ type: FuneralDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FuneralDto)
  funeral?: FuneralDto | null;
}

/** AwardInput (shared/domain/awards.md), validated at the edge; money in integer pence. */
export class AwardCalculationBody {
  @ApiPropertyOptional({ example: 'CICS-2012 as amended 2019-06-13' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  edition?: string;

  @ApiProperty({ example: '2026-11-27' })
  @IsCalendarDate()
  decidedOn: string;

  @ApiProperty({ type: [InjuryCodeDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InjuryCodeDto)
  injuries: InjuryCodeDto[];

  @ApiPropertyOptional({ type: LossOfEarningsDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LossOfEarningsDto)
  lossOfEarnings?: LossOfEarningsDto | null;

  @ApiPropertyOptional({ type: [SpecialExpenseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SpecialExpenseDto)
  specialExpenses?: SpecialExpenseDto[];

  @ApiPropertyOptional({ type: FatalDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FatalDto)
  fatal?: FatalDto | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  reductionPercent?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000_00) deductionsPence?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000_00) interimPaidPence?: number;
}
