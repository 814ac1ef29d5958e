import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { decisionReturnReasons, type DecisionReturnReason } from '@redress/application';
import {
  decisionGroundNames,
  decisionKinds,
  tribunalOutcomes,
  type DecisionGround,
  type DecisionKind,
  type TribunalOutcome,
} from '@redress/domain';
import { IsCalendarDate } from '@redress/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { VersionBody } from '../casework/work.dto.js';

export class DecisionBody extends VersionBody {
  @ApiProperty({ enum: decisionKinds })
  @IsIn(decisionKinds)
  kind: DecisionKind;

  @ApiPropertyOptional({
    description: 'The stored award calculation the amount comes from (award, reduced, withheld).',
  })
  @IsOptional()
  @IsUUID()
  awardCalculationId?: string;

  @ApiPropertyOptional({ enum: decisionGroundNames, isArray: true, description: 'Needed for all but a plain award.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(decisionGroundNames.length)
  @IsIn(decisionGroundNames, { each: true })
  grounds?: DecisionGround[];

  @ApiProperty({ minLength: 10, maxLength: 10000, description: 'Reasons in plain English, for the decision letter.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  @Matches(/\S/, { message: 'reasons must not be blank' })
  reasons: string;
}

export class DecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['made', 'pending-approval'] }) status: string;
  @ApiProperty({ type: [String] }) approvalReasons: string[];
  @ApiProperty({ nullable: true, type: Number }) amountPence: number | null;
  @ApiProperty({ type: [String] }) paragraphs: string[];
  @ApiProperty() version: number;
}

export class ReviewDecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The review the decision answers.' }) reviewId: string;
  @ApiProperty({
    enum: ['made', 'pending-approval'],
    description:
      'made: in force now (original superseded, letter sent). pending-approval: four eyes apply; it waits for a ' +
      'senior caseworker who neither proposed it nor took part in the original decision, and the claim stays under review.',
  })
  status: string;
  @ApiProperty({ type: [String] }) approvalReasons: string[];
  @ApiProperty({ enum: ['raised', 'lowered', 'upheld'], description: 'Its effect on the award (once approved).' })
  outcome: string;
  @ApiProperty({ nullable: true, type: Number }) amountPence: number | null;
  @ApiProperty({ type: [String] }) paragraphs: string[];
  @ApiProperty() version: number;
}

export class ApprovalResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['made'] }) status: string;
  @ApiProperty({ description: 'A review decision (it superseded the original and decided the review).' })
  onReview: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewId: string | null;
  @ApiProperty({ nullable: true, enum: ['raised', 'lowered', 'upheld'] }) outcome: string | null;
  @ApiProperty() version: number;
}

export class RejectionBody extends VersionBody {
  @ApiProperty({ enum: decisionReturnReasons })
  @IsIn(decisionReturnReasons)
  reasonCode: DecisionReturnReason;
}

export class ReviewRequestBody extends VersionBody {
  @ApiProperty({ example: '2027-01-10', description: 'The day the request was received.' })
  @IsCalendarDate()
  requestedOn: string;

  @ApiPropertyOptional({
    maxLength: 4000,
    description: 'The exceptional circumstances that kept the victim from asking within 56 days (para 118).',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  extensionReason?: string;
}

export class AppealBody extends VersionBody {
  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate()
  lodgedOn: string;

  @ApiPropertyOptional({ example: 'CI-26-01234' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9/-]{1,40}$/)
  tribunalReference?: string;
}

export class AppealOutcomeBody extends VersionBody {
  @ApiProperty({ enum: tribunalOutcomes })
  @IsIn(tribunalOutcomes)
  outcome: TribunalOutcome;

  @ApiProperty({ example: '2027-06-01' })
  @IsCalendarDate()
  outcomeOn: string;
}

export class SearchQueryDto {
  @ApiPropertyOptional({ example: '26-000001-6' })
  @IsOptional()
  @Matches(/^\d{2}-\d{6}-[0-9Xx]$/)
  reference?: string;

  @ApiPropertyOptional({
    description:
      'A full name, or a last name alone; matched exactly after normalising (or closely, with `nameMatch=close`).',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: ['exact', 'close'],
    default: 'exact',
    description:
      "`close`: every word of `name` (2 to 8 words) matches a word of the claim's names within one deletion from " +
      'each (one letter changed, added, dropped or two swapped); words of 3 letters or fewer, and of more than 24, ' +
      'only as they are. Exact matches rank first. Each hit says `nameMatch`.',
  })
  @IsOptional()
  @IsIn(['exact', 'close'])
  nameMatch?: 'exact' | 'close';

  @ApiPropertyOptional({ example: '1990-04-12' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'LS1 4AB' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9 ]{5,10}$/)
  postcode?: string;

  @ApiPropertyOptional({ example: '13/123456/26' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9 /-]{3,64}$/)
  crimeReference?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2026-09-01', description: 'First day (default: 12 weeks before `to`).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-27', description: 'Last day (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
