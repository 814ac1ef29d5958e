import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListWork, ReassignClaim, ReleaseClaim, TakeNextWork, type WorkItem } from '@redress/application';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { claimVersionFrom } from './claim-version.js';
import { actorOf } from './staff-command.js';
import {
  ReassignBody,
  TakenWorkResponse,
  VersionBody,
  VersionResponse,
  WorkPageResponse,
  WorkQueueQuery,
  type WorkItemResponse,
} from './work.dto.js';

const toItem = (item: WorkItem, now: Date): WorkItemResponse => ({
  reference: item.reference,
  status: item.status,
  team: item.team,
  priority: item.priority,
  submittedAt: item.submittedAt.toISOString(),
  serviceLevelDueAt: item.serviceLevelDueAt.toISOString(),
  serviceLevelPaused: item.serviceLevelPaused,
  serviceLevelBreached: !item.serviceLevelPaused && item.serviceLevelDueAt.getTime() < now.getTime(),
  assignedStaffId: item.assignedStaffId,
  version: item.version,
});

@ApiTags('work')
@StaffController()
@Controller('v1')
export class WorkController {
  constructor(
    private readonly listWork: ListWork,
    private readonly takeNextWork: TakeNextWork,
    private readonly releaseClaim: ReleaseClaim,
    private readonly reassignClaim: ReassignClaim,
  ) {}

  @Get('work')
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'A page of a team’s work queue: most urgent first, then by service-level due date.' })
  @ApiOkResponse({ type: WorkPageResponse })
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: WorkQueueQuery): Promise<WorkPageResponse> {
    const page = await this.listWork.execute({
      actor: actorOf(staff),
      ...(query.team ? { team: query.team } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.priority ? { priority: query.priority } : {}),
      ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore) } : {}),
      ...(query.assigned ? { assigned: query.assigned } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: query.limit ?? 25,
    });
    const now = new Date();
    return { items: page.items.map((item) => toItem(item, now)), nextCursor: page.nextCursor };
  }

  @Post('work/next')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({ summary: 'Take the most urgent, oldest unassigned claim of your team (never the same one twice).' })
  @ApiOkResponse({ type: TakenWorkResponse })
  @ApiNoContentResponse({ description: 'Your team’s queue is empty.' })
  async next(
    @CurrentStaff() staff: StaffPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TakenWorkResponse | undefined> {
    const taken = await this.takeNextWork.execute({ actor: actorOf(staff) });
    if (!taken) {
      void reply.status(204);
      return undefined;
    }
    void reply.status(200);
    return taken;
  }

  @Post('claims/:reference/release')
  @HttpCode(200)
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({ summary: 'Put a claim you hold back in the queue (team leaders: anyone’s).' })
  @ApiOkResponse({ type: VersionResponse })
  release(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: VersionBody,
  ): Promise<VersionResponse> {
    return this.releaseClaim.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
    });
  }

  @Post('claims/:reference/assignment')
  @HttpCode(200)
  @Roles('team-leader')
  @ApiOperation({ summary: 'Give a claim to a named caseworker, move it to another team, or change its priority.' })
  @ApiOkResponse({ type: VersionResponse })
  reassign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReassignBody,
  ): Promise<{ version: number; assignedStaffId: string | null; team: string }> {
    return this.reassignClaim.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      staffId: body.staffId ?? null,
      ...(body.team ? { team: body.team } : {}),
      ...(body.priority ? { priority: body.priority } : {}),
    });
  }
}
