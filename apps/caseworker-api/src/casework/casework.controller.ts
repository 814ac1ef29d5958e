import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddNote, RequestInformation } from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import {
  CreatedWithVersionResponse,
  InformationRequestBody,
  InformationRequestResponse,
  NoteBody,
} from './casework.dto.js';
import { claimVersionFrom } from './claim-version.js';
import { actorOf } from './staff-command.js';

@ApiTags('casework')
@StaffController()
@Controller('v1/claims/:reference')
export class CaseworkController {
  constructor(
    private readonly requestInformation: RequestInformation,
    private readonly addNote: AddNote,
  ) {}

  @Post('information-requests')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Ask the applicant, the police, a GP or a hospital for information, due in working days.',
    description:
      'A request to the applicant stops the service-level clock until it is answered. Needs If-Match or version.',
  })
  @ApiCreatedResponse({ type: InformationRequestResponse })
  request(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: InformationRequestBody,
  ): Promise<InformationRequestResponse> {
    return this.requestInformation.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      recipient: body.recipient,
      topic: body.topic,
      question: body.question,
      workingDays: body.workingDays,
    });
  }

  @Post('notes')
  @Roles('caseworker', 'senior-caseworker', 'team-leader')
  @ApiOperation({ summary: 'Add a note to the claim (conditional on the claim version: 412 when stale).' })
  @ApiCreatedResponse({ type: CreatedWithVersionResponse })
  note(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: NoteBody,
  ): Promise<CreatedWithVersionResponse> {
    return this.addNote.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      body: body.body,
    });
  }
}
