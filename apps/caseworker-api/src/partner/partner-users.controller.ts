import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InvitePartnerUser, ListPartnerUsers, RemovePartnerUser, type PartnerPrincipal } from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { CurrentPartner, PartnerAdministratorGuard, PartnerAuthGuard } from './partner-auth.guard.js';
import { InvitePartnerUserDto, PartnerUserDto, PartnerUserInvitedDto } from './partner-users.dto.js';

/** An organisation administrator's users: list, invite, remove. Scoped to their own organisation. */
@ApiTags('partner-organisation')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an administrator of the organisation' })
@UseGuards(PartnerAuthGuard, PartnerAdministratorGuard)
@Controller('v1/partner/organisation/users')
export class PartnerUsersController {
  constructor(
    private readonly list: ListPartnerUsers,
    private readonly invite: InvitePartnerUser,
    private readonly remove: RemovePartnerUser,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The organisation’s users' })
  @ApiOkResponse({ type: [PartnerUserDto] })
  async users(@CurrentPartner() partner: PartnerPrincipal) {
    return (await this.list.execute({ organisationId: partner.organisationId })).map((user) =>
      PartnerUserDto.from(user),
    );
  }

  @Post()
  @ApiOperation({ summary: 'Invite a colleague (an email tells them how to sign in)' })
  @ApiCreatedResponse({ type: PartnerUserInvitedDto })
  @ApiConflictResponse({ description: 'Someone with this email already has an account' })
  inviteUser(@CurrentPartner() partner: PartnerPrincipal, @Body() body: InvitePartnerUserDto) {
    return this.invite.execute({
      organisationId: partner.organisationId,
      email: body.email,
      role: body.role,
      actor: { type: 'partner', id: partner.credentialId },
    });
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a colleague: their sessions end at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not a user of your organisation' })
  @ApiConflictResponse({ description: 'You cannot remove yourself' })
  async removeUser(@CurrentPartner() partner: PartnerPrincipal, @Param('userId', ParseUUIDPipe) userId: string) {
    await this.remove.execute({
      organisationId: partner.organisationId,
      userId,
      actor: { type: 'partner', id: partner.credentialId },
    });
  }
}

/** A Redress administrator invites an organisation's first administrator (or any user) from the staff side. */
@ApiTags('partner-organisation')
@StaffController()
@Controller('v1/support-organisations/:organisationId/users')
export class StaffPartnerUsersController {
  constructor(private readonly invite: InvitePartnerUser) {}

  @Post()
  @Roles('administrator')
  @ApiOperation({ summary: 'Invite a person to a support organisation’s portal' })
  @ApiCreatedResponse({ type: PartnerUserInvitedDto })
  @ApiNotFoundResponse({ description: 'No such organisation' })
  @ApiConflictResponse({ description: 'Someone with this email already has an account' })
  inviteUser(
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
    @Body() body: InvitePartnerUserDto,
    @CurrentStaff() staff: StaffPrincipal,
  ) {
    return this.invite.execute({
      organisationId,
      email: body.email,
      role: body.role,
      actor: { type: 'staff', id: staff.staffId },
    });
  }
}
