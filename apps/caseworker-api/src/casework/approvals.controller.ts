import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ListApprovals } from '@redress/application';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { actorOf } from './staff-command.js';

export class ApprovalsQuery {
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

export class ApprovalItemResponse {
  @ApiProperty({ enum: ['decision', 'payment'] }) kind: 'decision' | 'payment';
  @ApiProperty({ description: 'The decision’s or the payment’s id (for its approval route).' }) id: string;
  @ApiProperty({ example: '26-000123-4' }) reference: string;
  @ApiProperty({
    description: 'The decision’s kind (award, refusal, withheld, reduced) or the payment’s (interim, final).',
  })
  what: string;
  @ApiPropertyOptional({ nullable: true }) amountPence: number | null;
  @ApiProperty({ description: 'The staff id of who proposed it.' }) proposedBy: string;
  @ApiProperty() proposedAt: string;
}

export class ApprovalPageResponse {
  @ApiProperty({ type: [ApprovalItemResponse] }) items: ApprovalItemResponse[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor: string | null;
}

@ApiTags('decisions')
@StaffController()
@Controller('v1/approvals')
export class ApprovalsController {
  constructor(private readonly listApprovals: ListApprovals) {}

  @Get()
  @Roles('senior-caseworker')
  @ApiOperation({
    summary:
      'Decisions and payments waiting for a second approval that you may give (not ones you proposed or calculated), oldest first.',
  })
  @ApiOkResponse({ type: ApprovalPageResponse })
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: ApprovalsQuery): Promise<ApprovalPageResponse> {
    const page = await this.listApprovals.execute({
      actor: actorOf(staff),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: query.limit ?? 25,
    });
    return {
      items: page.items.map((item) => ({
        kind: item.kind,
        id: item.id,
        reference: item.reference,
        what: item.what,
        amountPence: item.amountPence,
        proposedBy: item.proposedBy,
        proposedAt: item.proposedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
