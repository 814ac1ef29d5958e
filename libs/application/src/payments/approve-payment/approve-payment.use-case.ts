import { checkPaymentApproval, DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf, hasRole, type StaffActor } from '../../staff/staff-actor.js';
import { PaymentSettings, PaymentStore } from '../payment-ports.js';
import { paymentNotFound, recordPaymentStep } from '../payment-steps.js';
import { checkAgainstAward } from '../request-payment/request-payment.use-case.js';

export interface ApprovePaymentCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly paymentId: string;
  readonly expectedVersion: number;
}

/**
 * The second pair of eyes on money: a senior caseworker who neither proposed the payment nor calculated the award
 * approves it, the amount is checked against the award again, and only then is the finance system told
 * (`payments.instruct` through the outbox). Approving the final payment marks the claim paid.
 */
export class ApprovePayment {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: PaymentStore,
    private readonly settings: PaymentSettings,
    private readonly clock: Clock,
  ) {}

  execute(command: ApprovePaymentCommand): Promise<{ id: string; status: 'instructing'; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'payment' },
      async (tx, record) => {
        const claimId = record.snapshot.id;
        const payment = await this.store.lockPayment(tx, claimId, command.paymentId);
        if (!payment) throw paymentNotFound();
        if (payment.status !== 'proposed') {
          throw new DomainError(
            'payment.not-proposed',
            DomainErrorKind.IllegalTransition,
            'This payment is not waiting for approval.',
          );
        }
        checkPaymentApproval({
          approverId: command.actor.staffId,
          approverIsSenior: hasRole(command.actor, 'senior-caseworker'),
          proposerId: payment.proposedBy,
          calculatorIds: await this.store.calculators(tx, claimId),
        });
        await checkAgainstAward(this.store, this.settings, tx, record.snapshot, {
          kind: payment.kind,
          amountPence: payment.amountPence,
          excludingPence: payment.amountPence,
        });
        const at = this.clock.now();
        await this.store.approvePayment(tx, payment.id, command.actor.staffId, at);
        const version = await recordPaymentStep(
          tx,
          record,
          command.actor,
          'approvePayment',
          { paymentId: payment.id, kind: payment.kind, amountPence: payment.amountPence },
          at,
          (claim) => {
            if (payment.kind === 'final') {
              claim.recordPayment(claimActorOf(command.actor), at, { amountPence: payment.amountPence });
            }
          },
        );
        await tx.enqueue('payments.instruct', { paymentId: payment.id }, `claim:${claimId}`);
        return { id: payment.id, status: 'instructing' as const, version };
      },
    );
  }
}
