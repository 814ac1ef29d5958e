import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { accessPurposes, type AccessPurpose } from '@redress/application';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { STAFF_ID_PATTERN } from './work.dto.js';

export class ClaimViewQuery {
  @ApiPropertyOptional({
    enum: accessPurposes,
    description:
      'Why you are opening the claim (logged). For your own work it defaults to casework; for a claim outside ' +
      'it, it is required, with an Access-Reason header.',
  })
  @IsOptional()
  @IsIn(accessPurposes)
  purpose?: AccessPurpose;
}

export class ClaimViewResponse {
  @ApiProperty({ description: 'Reference, status, version, team, priority, assignment, service level.' })
  claim: Record<string, unknown>;
  @ApiProperty({ description: 'The application’s answers by section, special-category sections decrypted.' })
  application: Record<string, unknown>;
  @ApiProperty({ description: 'The eligibility assessment: outcome and the trace of rule results with paragraphs.' })
  eligibility: Record<string, unknown>;
  @ApiProperty({ enum: ['caseworker-run', 'as-submitted'] }) eligibilitySource: string;
  @ApiProperty({ type: [Object] }) timeline: unknown[];
  @ApiProperty({ type: [Object] }) documents: unknown[];
  @ApiProperty({
    type: [Object],
    description:
      'Open information requests, and decisions (first or on review) awaiting approval with who proposed them.',
  })
  tasks: unknown[];
  @ApiProperty({ type: [Object] }) informationRequests: unknown[];
  @ApiProperty({ type: [Object] }) notes: unknown[];
  @ApiProperty({ type: [Object] }) judgements: unknown[];
  @ApiProperty({ type: [Object] }) awardCalculations: unknown[];
  @ApiProperty({ type: [Object] }) decisions: unknown[];
  @ApiProperty({ type: [Object] }) reviews: unknown[];
  @ApiProperty({ type: [Object] }) appeals: unknown[];
  @ApiProperty({ type: [Object] }) payments: unknown[];
  @ApiProperty({ type: [Object] }) referrals: unknown[];
}

export class RestrictionBody {
  @ApiProperty({ description: 'true restricts the claim to the named staff; false lifts the restriction.' })
  @IsBoolean()
  restricted: boolean;

  @ApiProperty({ type: [String], description: 'Staff who may see the claim (you are always added).' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(STAFF_ID_PATTERN, { each: true })
  staffIds: string[];

  @ApiProperty({ enum: ['staff-member', 'staff-relative', 'public-figure', 'safeguarding', 'other'] })
  @IsIn(['staff-member', 'staff-relative', 'public-figure', 'safeguarding', 'other'])
  reasonCode: string;
}
