import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import { CalculateAwardForClaim, RecordJudgements } from '@redress/application';
import type { AwardBreakdown, JudgedAssessment } from '@redress/domain';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { claimVersionFrom } from './claim-version.js';
import { AwardCalculationBody, JudgementsBody } from './decisions.dto.js';
import { actorOf } from './staff-command.js';

@ApiTags('judgements and awards')
@StaffController()
@Controller('v1/claims/:reference')
export class DecisionsController {
  constructor(
    private readonly recordJudgements: RecordJudgements,
    private readonly calculateAward: CalculateAwardForClaim,
  ) {}

  @Post('judgements')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Record findings (para 89 late application, para 22 reporting, para 25 conduct) and re-run eligibility.',
    description:
      'Each finding is stored with its reason; the re-run is stored with its trace. Needs If-Match or version.',
  })
  @ApiView(201, 'JudgementsRecorded', {
    description: 'The stored re-run: its id, the judged assessment and the claim’s new version.',
  })
  judgements(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: JudgementsBody,
  ): Promise<{ eligibilityRunId: string; assessment: JudgedAssessment; version: number }> {
    return this.recordJudgements.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      judgements: body.judgements,
    });
  }

  @Post('award-calculations')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({ summary: 'Calculate an award with the scheme’s tariff (calculateAward) and store the calculation.' })
  @ApiView(201, 'AwardCalculation', { description: 'The stored calculation’s id and the itemised breakdown.' })
  award(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: AwardCalculationBody,
  ): Promise<{ id: string; breakdown: AwardBreakdown }> {
    return this.calculateAward.execute({ actor: actorOf(staff), reference, input: body });
  }
}
