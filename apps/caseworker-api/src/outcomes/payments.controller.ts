import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApprovePayee, ApprovePayment, RecordPayee, RequestPayment } from '@redress/application';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { claimVersionFrom } from '../casework/claim-version.js';
import { actorOf } from '../casework/staff-command.js';
import { VersionBody } from '../casework/work.dto.js';
import { PayeeBody, PayeeResponse, PaymentApprovalResponse, PaymentBody, PaymentResponse } from './payments.dto.js';

const PROBLEM = { description: 'problem+json' };
const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * Payments under four eyes: a payee recorded by a caseworker needs a second person's approval; a payment is
 * proposed by the caseworker holding the claim and instructed only once a senior caseworker who neither proposed
 * it nor calculated the award approves it. Every write needs If-Match or `version`.
 */
@ApiTags('decisions, reviews, appeals and payments')
@StaffController()
@ApiResponse({ status: 403, ...PROBLEM })
@ApiResponse({ status: 404, ...PROBLEM })
@ApiResponse({ status: 409, description: 'Not possible in the claim’s or the payment’s state' })
@ApiResponse({ status: 412, description: 'Stale version' })
@ApiResponse({ status: 428, description: 'Version missing' })
@Controller('v1/claims/:reference')
export class PaymentsController {
  constructor(
    private readonly recordPayee: RecordPayee,
    private readonly approvePayee: ApprovePayee,
    private readonly requestPayment: RequestPayment,
    private readonly approvePayment: ApprovePayment,
  ) {}

  @Post('payees')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Record a payee (a representative, deputy or trust): it can be paid once a second person approves it.',
  })
  @ApiCreatedResponse({ type: PayeeResponse })
  payee(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PayeeBody,
  ) {
    return this.recordPayee.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      payeeKind: body.payeeKind,
      account: body.account,
    });
  }

  @Post('payees/:payeeId/approval')
  @HttpCode(200)
  @Roles('senior-caseworker')
  @ApiOperation({ summary: 'Approve a payee a caseworker recorded (a senior caseworker who did not record it).' })
  @ApiOkResponse({ type: PayeeResponse })
  payeeApproval(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('payeeId', uuid) payeeId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: VersionBody,
  ) {
    return this.approvePayee.execute({
      actor: actorOf(staff),
      reference,
      payeeId,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
    });
  }

  @Post('payments')
  @Roles('caseworker', 'senior-caseworker')
  @ApiOperation({
    summary: 'Propose an interim payment, or the final payment (the balance, after the victim accepts).',
    description:
      'Only by the caseworker the claim is assigned to, to one of its payees. Interim payments together reach at ' +
      'most INTERIM_PAYMENT_MAX_PERCENT of the latest award calculation. Nothing is paid until approved.',
  })
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiResponse({ status: 422, description: 'More than the award allows, not accepted yet, or no award' })
  payment(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PaymentBody,
  ) {
    return this.requestPayment.execute({
      actor: actorOf(staff),
      reference,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
      kind: body.kind,
      amountPence: body.amountPence,
      payeeId: body.payeeId,
    });
  }

  @Post('payments/:paymentId/approval')
  @HttpCode(200)
  @Roles('senior-caseworker')
  @ApiOperation({
    summary: 'Approve a proposed payment (a senior caseworker who neither proposed it nor calculated the award).',
    description: 'The finance system is then told once; a child’s payment is held until 18.',
  })
  @ApiOkResponse({ type: PaymentApprovalResponse })
  paymentApproval(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('paymentId', uuid) paymentId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: VersionBody,
  ) {
    return this.approvePayment.execute({
      actor: actorOf(staff),
      reference,
      paymentId,
      expectedVersion: claimVersionFrom(ifMatch, body.version),
    });
  }
}
