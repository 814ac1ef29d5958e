import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CheckEligibility } from '@redress/application';
import { RateLimit, type Language } from '@redress/platform';
import { AnswerLanguage, assessmentIn } from '../language/citizen-words.js';
import { eligibilityExamples } from './eligibility-examples.js';
import { EligibilityAssessmentDto } from './eligibility-assessment.dto.js';
import { EligibilityFactsDto } from './eligibility-facts.dto.js';

@ApiTags('eligibility')
@Controller('v1/eligibility-checks')
export class EligibilityChecksController {
  constructor(private readonly checkEligibility: CheckEligibility) {}

  @Post()
  @HttpCode(200)
  // Anonymous and cheap, but still limited per client so it cannot be used to hammer the service.
  @RateLimit({ name: 'eligibility-check', max: 30, timeWindow: 60_000 })
  @ApiOperation({
    summary: 'Check whether you can claim (anonymous, nothing is stored)',
    description:
      'Runs the Criminal Injuries Compensation Scheme 2012 rules on the facts given and explains each result with ' +
      'its paragraph. Facts you leave out make the rules that need them answer "missing". Nothing you send is stored ' +
      'or logged. Limited to 30 checks a minute from one address. Reasons are in Welsh when Accept-Language asks for it.',
  })
  @ApiBody({ type: EligibilityFactsDto, examples: eligibilityExamples })
  @ApiOkResponse({ type: EligibilityAssessmentDto })
  @ApiBadRequestResponse({ description: 'Invalid or impossible facts: problem+json listing every field' })
  @ApiTooManyRequestsResponse({ description: 'Too many checks from this address: problem+json, with Retry-After' })
  check(@Body() facts: EligibilityFactsDto, @AnswerLanguage() language: Language): EligibilityAssessmentDto {
    return assessmentIn(language, EligibilityAssessmentDto.from(this.checkEligibility.execute(facts)));
  }
}
