import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applicationSections, taskStatuses } from '@redress/domain';

export class TaskResponse {
  @ApiProperty({ enum: applicationSections }) section: string;
  @ApiProperty({ enum: taskStatuses }) status: string;
  @ApiProperty({ description: 'The section’s name, in the language of the answer' }) name: string;
  @ApiProperty({ description: 'The status in words, in the language of the answer' }) statusText: string;
  @ApiProperty({ type: [String], description: 'What an in-progress section still needs' }) missing: string[];
}

export class ApplicationSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: string;
  @ApiProperty({ description: 'Send as If-Match (quoted) when saving' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the draft will be deleted unless changed again (30 days after the last change)',
  })
  expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) claimReference: string | null;
}

export class ApplicationListResponse {
  @ApiProperty({ type: [ApplicationSummaryResponse] }) applications: ApplicationSummaryResponse[];
}

export class ApplicationResponse extends ApplicationSummaryResponse {
  @ApiProperty({ description: 'Current answers by section', type: 'object', additionalProperties: true })
  sections: Record<string, unknown>;
  @ApiProperty({
    description: 'Answers made irrelevant by a later change: kept and restored if relevant again',
    type: 'object',
    additionalProperties: true,
  })
  setAside: Record<string, unknown>;
  @ApiProperty({ type: [TaskResponse] }) tasks: TaskResponse[];
}

export class TaskListResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ type: [TaskResponse] }) tasks: TaskResponse[];
  @ApiProperty() readyToSubmit: boolean;
}

export class LiveEligibilityResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() version: number;
  @ApiProperty({
    description: 'The EligibilityFacts the answers give (shared/domain/eligibility-facts.md)',
    type: 'object',
    additionalProperties: true,
  })
  facts: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'The EligibilityAssessment; null when the answers cannot all be true',
    type: 'object',
    additionalProperties: true,
    nullable: true,
  })
  assessment: Record<string, unknown> | null;
  @ApiProperty({ description: 'Answers that contradict each other', type: 'array', items: { type: 'object' } })
  problems: unknown[];
  @ApiProperty({ description: 'Always true: eligibility never stops anyone applying' }) canStillApply: boolean;
}

export class SubmissionResponse {
  @ApiProperty({ example: '26-000123-7', description: 'YY-NNNNNN-C; C is an ISO/IEC 7064 MOD 11-2 check character' })
  reference: string;
  @ApiProperty({ enum: ['submitted'] }) status: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty() nextStep: string;
}
