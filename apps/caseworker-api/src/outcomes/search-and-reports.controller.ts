import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import {
  ClaimsPerWeekReport,
  DecisionOutcomesReport,
  RefusalsByCharacteristicReport,
  OutOfTeamReadsReport,
  SearchClaims,
  ServiceLevelBreachesReport,
  TimeToDecisionReport,
  type SearchHit,
} from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { actorOf } from '../casework/staff-command.js';
import { ReportQueryDto, SearchQueryDto } from './outcomes.dto.js';

@ApiTags('search')
@StaffController()
@Controller('v1/search')
export class SearchController {
  constructor(private readonly searchClaims: SearchClaims) {}

  @Get('claims')
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({
    summary: 'Find claims by reference, name, date of birth, postcode or crime reference (all given must match).',
    description:
      'Exact match after normalising (case, accents, spaces, punctuation), on keyed blind indexes of the encrypted ' +
      'answers. `nameMatch=close` matches a name of 2 to 8 words closely instead: each word within one letter ' +
      "changed, added, dropped or swapped of a word of the claim's names (keyed deletion neighbourhoods of whole " +
      'words, never fragments). Restricted claims appear only to the staff named on them. Every search is audited ' +
      '(fields, how the name was matched and counts, not values).',
  })
  @ApiView(200, 'ClaimSearchResults', {
    description:
      'Matching claims: reference, status, team, submission, assignee and, when a name was given, `nameMatch` (`exact` or `close`). Newest first; a close search ranks exact names first, then by words matched exactly.',
  })
  async search(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: SearchQueryDto,
  ): Promise<{ claims: SearchHit[] }> {
    const { limit, ...criteria } = query;
    return { claims: await this.searchClaims.execute({ actor: actorOf(staff), criteria, limit: limit ?? 20 }) };
  }
}

/** Management information for team leaders and auditors: counts, durations and codes only. */
@ApiTags('reports')
@StaffController()
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly claimsPerWeek: ClaimsPerWeekReport,
    private readonly timeToDecision: TimeToDecisionReport,
    private readonly serviceLevel: ServiceLevelBreachesReport,
    private readonly outcomes: DecisionOutcomesReport,
    private readonly fairness: RefusalsByCharacteristicReport,
    private readonly outOfTeamReads: OutOfTeamReadsReport,
  ) {}

  @Get('out-of-team-reads')
  @Roles('team-leader')
  @ApiOperation({
    summary: 'Break the glass: who opened your team’s claims from outside the team, when, and the reason they gave.',
  })
  @ApiOkResponse({
    description: '{ period, team, reads: [{ at, reference, staffId, staffTeam, purpose, reason }], truncated }',
    schema: {
      type: 'object',
      required: ['reads'],
      properties: { reads: { type: 'array', items: { type: 'object' } }, truncated: { type: 'boolean' } },
    },
  })
  breakGlassReads(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.outOfTeamReads.execute({ actor: actorOf(staff), ...query });
  }

  @Get('claims-per-week')
  @Roles('team-leader', 'auditor')
  @ApiOperation({ summary: 'Claims received and first decisions made, per week (Monday start, UK time).' })
  @ApiView(200, 'ClaimsPerWeek', { description: 'Claims received and decided per week.' })
  weekly(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.claimsPerWeek.execute({ actor: actorOf(staff), ...query });
  }

  @Get('time-to-decision')
  @Roles('team-leader', 'auditor')
  @ApiOperation({ summary: 'Days from submission to first decision: median and 90th percentile.' })
  @ApiView(200, 'TimeToDecisionFigures', { description: 'Median and 90th percentile days to a first decision.' })
  duration(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.timeToDecision.execute({ actor: actorOf(staff), ...query });
  }

  @Get('service-level')
  @Roles('team-leader', 'auditor')
  @ApiOperation({ summary: 'Service-level breaches: open claims past due now; first decisions made late.' })
  @ApiView(200, 'ServiceLevelReport', { description: 'Service-level breaches.' })
  breaches(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.serviceLevel.execute({ actor: actorOf(staff), ...query });
  }

  @Get('outcomes')
  @Roles('team-leader', 'auditor')
  @ApiOperation({ summary: 'Decisions by kind (first and on review) and refusal grounds with their paragraphs.' })
  @ApiView(200, 'DecisionOutcomes', { description: 'Decisions by kind, and refusal grounds.' })
  decisionOutcomes(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.outcomes.execute({ actor: actorOf(staff), ...query });
  }

  @Get('refusals-by-characteristic')
  @Roles('team-leader', 'auditor')
  @ApiOperation({
    summary: 'Fairness monitoring: refusal grounds by protected characteristic, where the victim chose to give it.',
    description:
      'Statistical disclosure control: counts from 1 to 4 are withheld (null), with every figure of a row whose ' +
      'decisions are withheld (primary); then, per characteristic, enough other figures that none follows from a ' +
      'row or column total by subtraction (secondary). `withheld` says why each null is null; `disclosureControl` ' +
      'gives the threshold and the method. Zeros are shown; nothing is rounded.',
  })
  @ApiView(200, 'RefusalsByCharacteristic', {
    description: 'Refusals by protected characteristic, with statistical disclosure control (see above).',
  })
  refusalsByCharacteristic(@CurrentStaff() staff: StaffPrincipal, @Query() query: ReportQueryDto) {
    return this.fairness.execute({ actor: actorOf(staff), ...query });
  }
}
