import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { claimStatuses, type ClaimStatus } from '@redress/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export const TEAM_PATTERN = /^[a-z0-9-]{1,64}$/;
export const STAFF_ID_PATTERN = /^[A-Za-z0-9._:@|-]{1,128}$/;

export class WorkQueueQuery {
  @ApiPropertyOptional({
    description: 'Defaults to your team; another team for team leaders and auditors.',
    example: 'general',
  })
  @IsOptional()
  @Matches(TEAM_PATTERN)
  team?: string;

  @ApiPropertyOptional({ enum: claimStatuses })
  @IsOptional()
  @IsIn(claimStatuses)
  status?: ClaimStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '1 is the most urgent.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;

  @ApiPropertyOptional({
    description: 'Only claims whose service level falls due before this instant.',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ enum: ['me', 'unassigned'] })
  @IsOptional()
  @IsIn(['me', 'unassigned'])
  assigned?: 'me' | 'unassigned';

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque).' })
  @IsOptional()
  @MaxLength(400)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class WorkItemResponse {
  @ApiProperty({ example: '26-000123-4' }) reference: string;
  @ApiProperty({ enum: claimStatuses }) status: ClaimStatus;
  @ApiProperty() team: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) priority: number;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'When the service level falls due, with time waiting on the applicant added.' })
  serviceLevelDueAt: string;
  @ApiProperty({ description: 'The clock is stopped: the claim waits on the applicant.' }) serviceLevelPaused: boolean;
  @ApiProperty() serviceLevelBreached: boolean;
  @ApiPropertyOptional({ nullable: true }) assignedStaffId: string | null;
  @ApiProperty() version: number;
}

export class WorkPageResponse {
  @ApiProperty({ type: [WorkItemResponse] }) items: WorkItemResponse[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor: string | null;
}

export class TakenWorkResponse {
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
}

export class VersionBody {
  @ApiPropertyOptional({ description: 'The claim version you worked from (or send If-Match).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class ReassignBody extends VersionBody {
  @ApiPropertyOptional({ nullable: true, description: 'Who should hold the claim; null puts it back in the queue.' })
  @IsOptional()
  @Matches(STAFF_ID_PATTERN)
  staffId?: string | null;

  @ApiPropertyOptional({ description: 'Move the claim to this team’s queue.' })
  @IsOptional()
  @Matches(TEAM_PATTERN)
  team?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;
}

export class VersionResponse {
  @ApiProperty() version: number;
}
