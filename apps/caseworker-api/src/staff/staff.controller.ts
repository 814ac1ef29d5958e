import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  CurrentStaff,
  Roles,
  StaffController,
  staffRoles,
  type StaffPrincipal,
  type StaffRole,
} from '../auth/index.js';

export class StaffMemberResponse {
  @ApiProperty({ example: 'cw-1042' })
  staffId: string;

  @ApiProperty({ enum: staffRoles, isArray: true })
  roles: StaffRole[];

  @ApiPropertyOptional({ example: 'general', nullable: true })
  team: string | null;
}

@ApiTags('staff')
@StaffController()
@Controller('v1/staff')
export class StaffMeController {
  @Get('me')
  @Roles(...staffRoles)
  @ApiOperation({ summary: 'Who the token says you are: staff id, roles this API recognises, team.' })
  @ApiOkResponse({ type: StaffMemberResponse })
  me(@CurrentStaff() staff: StaffPrincipal): StaffMemberResponse {
    return { staffId: staff.staffId, roles: [...staff.roles], team: staff.team };
  }
}
