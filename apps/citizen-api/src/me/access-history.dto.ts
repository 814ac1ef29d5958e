import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export class AccessHistoryQuery {
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

export class AccessReaderResponse {
  @ApiProperty({ enum: ['staff', 'support-organisation'] }) kind: 'staff' | 'support-organisation';
  @ApiPropertyOptional({
    enum: ['caseworker', 'senior-caseworker', 'team-leader', 'auditor', 'administrator', 'staff'],
    description: 'Staff only: the role the read was made in. Staff are never named.',
  })
  role?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Staff only: the team, for casework roles.' }) team?:
    string | null;
  @ApiPropertyOptional({ description: 'Support organisations only.' }) organisationId?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Support organisations only: the public name.' })
  organisationName?: string | null;
  @ApiProperty({ example: 'a caseworker in team general' }) description: string;
}

export class AccessViewedResponse {
  @ApiProperty({ enum: ['claim', 'referral'] }) type: 'claim' | 'referral';
  @ApiProperty({ nullable: true, description: 'The claim, or the claim a referral was made from (else null).' })
  claimReference: string | null;
  @ApiPropertyOptional({ description: 'Referrals only.' }) referralId?: string;
  @ApiProperty({
    type: [String],
    description:
      'What was looked at: claim, decision, referrals, note... (for a support organisation, referral or list)',
  })
  views: string[];
}

export class AccessHistoryEntryResponse {
  @ApiProperty({ description: 'The newest read of this entry.' }) at: string;
  @ApiProperty({ description: 'The first read of this entry.' }) firstAt: string;
  @ApiProperty({ description: 'Reads by the same kind of reader, for the same purpose, within the same hour.' })
  count: number;
  @ApiProperty({ type: AccessReaderResponse }) who: AccessReaderResponse;
  @ApiProperty({
    example: 'casework',
    description:
      'casework, approval, review, quality-check, audit, complaint, subject-access; support-referral for an organisation',
  })
  purpose: string;
  @ApiProperty({ example: 'to work on your claim' }) purposeDescription: string;
  @ApiProperty({ type: AccessViewedResponse }) viewed: AccessViewedResponse;
}

export class AccessHistoryPageResponse {
  @ApiProperty({ type: [AccessHistoryEntryResponse] }) entries: AccessHistoryEntryResponse[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor: string | null;
}
