import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AddNote,
  CancelInformationRequest,
  MoveInformationRequestDueDate,
  RecordInformationRequestReply,
  RequestInformation,
  type InformationRequestDueDate,
} from '@redress/application';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import {
  CancellationBody,
  CancellationResponse,
  CreatedWithVersionResponse,
  DueDateBody,
  DueDateResponse,
  InformationRequestBody,
  InformationRequestResponse,
  NoteBody,
  ThirdPartyReplyBody,
  ThirdPartyReplyResponse,
} from './casework.dto.js';
import { claimVersionFrom } from './claim-version.js';
import { actorOf } from './staff-command.js';

const uuid = new ParseUUIDPipe({ version: '4' });
const NOT_FOUND = {
  status: 404,
  description: 'No such claim or request (or a request of another claim): problem+json',
};
const NOT_OPEN = { status: 409, description: 'The request is no longer open (answered or cancelled)' };
const STALE = { status: 412, description: 'Stale claim version' };
const MISSING_VERSION = { status: 428, description: 'Claim version missing (If-Match or version)' };

/** Exactly one of the two ways to give a due date. */
function dueDateOf(body: DueDateBody): InformationRequestDueDate {
  if ((body.workingDays === undefined) === (body.dueOn === undefined)) {
    throw new DomainError(
      'information-request.due-date-required',
      DomainErrorKind.InvalidInput,
      'Send either workingDays or dueOn (one of them, not both).',
      [{ field: 'workingDays', message: 'send workingDays or dueOn' }],
    );
  }
  return body.workingDays !== undefined ? { workingDays: body.workingDays } : { dueOn: body.dueOn! };
}

@ApiTags('casework')
@StaffController()
@Controller('v1/claims/:reference')
export class CaseworkController {
  constructor(
    private readonly requestInformation: RequestInformation,
    private readonly moveDueDate: MoveInformationRequestDueDate,
    private readonly recordReply: RecordInformationRequestReply,
    private readonly cancelRequest: CancelInformationRequest,
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

  @Post('information-requests/:requestId/due-date')
  @HttpCode(200)
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Move an open request’s due date: working days from today, or a working day after today; with a reason.',
    description:
      'Its reminder and overdue clocks are written again for the new date (the old ones then do nothing). The old and ' +
      'new dates go on the claim’s timeline and in the audit log; the reason is stored encrypted. Needs If-Match or version.',
  })
  @ApiOkResponse({ type: DueDateResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_OPEN)
  @ApiResponse(STALE)
  @ApiResponse({ status: 422, description: 'Not a working day after today, too far away, or the same date' })
  @ApiResponse(MISSING_VERSION)
  dueDate(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('requestId', uuid) requestId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DueDateBody,
  ): Promise<DueDateResponse> {
    return this.moveDueDate.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      informationRequestId: requestId,
      dueDate: dueDateOf(body),
      reason: body.reason,
    });
  }

  @Post('information-requests/:requestId/response')
  @HttpCode(200)
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Record the reply of the police, a GP or a hospital: a short summary and any documents on the claim.',
    description:
      'The request is answered by you (the summary is stored encrypted). A request to the applicant is answered by ' +
      'the applicant through the citizen API: 422. Needs If-Match or version.',
  })
  @ApiOkResponse({ type: ThirdPartyReplyResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_OPEN)
  @ApiResponse(STALE)
  @ApiResponse({ status: 422, description: 'A request to the applicant, or a document that is not on this claim' })
  @ApiResponse(MISSING_VERSION)
  response(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('requestId', uuid) requestId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ThirdPartyReplyBody,
  ): Promise<ThirdPartyReplyResponse> {
    return this.recordReply.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      informationRequestId: requestId,
      summary: body.summary,
      documentIds: body.documentIds ?? [],
    });
  }

  @Post('information-requests/:requestId/cancellation')
  @HttpCode(200)
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Cancel an open request, with a reason.',
    description:
      'The victim no longer sees it. When it was the last open request to the applicant, the claim goes back into ' +
      'assessment and the service-level clock runs again. Needs If-Match or version.',
  })
  @ApiOkResponse({ type: CancellationResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_OPEN)
  @ApiResponse(STALE)
  @ApiResponse(MISSING_VERSION)
  cancellation(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('requestId', uuid) requestId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CancellationBody,
  ): Promise<CancellationResponse> {
    return this.cancelRequest.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      informationRequestId: requestId,
      reason: body.reason,
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
