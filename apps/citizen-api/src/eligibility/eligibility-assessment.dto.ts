import { ApiProperty } from '@nestjs/swagger';
import { eligibilityOutcomes, eligibilityRuleIds, ruleResultValues, type EligibilityAssessment } from '@redress/domain';

export class RuleResultDto {
  @ApiProperty({ enum: eligibilityRuleIds })
  rule: string;

  @ApiProperty({ example: '87', description: 'The scheme paragraph that decided this result' })
  paragraph: string;

  @ApiProperty({ enum: ruleResultValues })
  result: string;

  @ApiProperty({ description: 'Plain words for the person applying, and what could change the result' })
  reason: string;
}

export class EligibilityAssessmentDto {
  @ApiProperty({ enum: eligibilityOutcomes })
  outcome: string;

  @ApiProperty({ description: 'The outcome in words, in the language of the answer' })
  outcomeText: string;

  @ApiProperty({ example: 'CICS-2012 as amended 2019-06-13' })
  edition: string;

  @ApiProperty({
    nullable: true,
    example: '2027-03-14',
    type: String,
    description: 'Last day an application is in time',
  })
  deadline: string | null;

  @ApiProperty({ example: '2026-11-27', description: 'The receipt date the assessment used' })
  receivedOn: string;

  @ApiProperty({ type: [RuleResultDto] })
  results: RuleResultDto[];

  /** The victim-facing view: the caseworker's precise reasons stay on the staff side. */
  static from(assessment: EligibilityAssessment): Omit<EligibilityAssessmentDto, 'outcomeText'> {
    return {
      outcome: assessment.outcome,
      edition: assessment.edition,
      deadline: assessment.deadline,
      receivedOn: assessment.receivedOn,
      results: assessment.results.map(({ rule, paragraph, result, reason }) => ({ rule, paragraph, result, reason })),
    };
  }
}
