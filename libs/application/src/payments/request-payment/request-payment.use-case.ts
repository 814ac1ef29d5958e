import { randomUUID } from 'node:crypto';
import {
  calendarDateInUk,
  checkPayment,
  Claim,
  DomainError,
  DomainErrorKind,
  holdUntilForChild,
  type IsoDate,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { PaymentStore } from '../payment-ports.js';
import type { RequestPaymentCommand } from './request-payment.command.js';

const payableStatuses = new Set(['in_assessment', 'awaiting_information', 'decided', 'accepted', 'under_review']);

/**
 * An interim payment (para 96 ff.: before the award is final, never beyond the award in force or, before any
 * decision, the latest award calculation) or the final payment (the balance, once the victim has accepted; the
 * claim is then paid). A child's payment is marked to be held until their 18th birthday. The payee is stored
 * encrypted, and the instruction to the finance system goes through the outbox (`payments.instruct`).
 */
export class RequestPayment {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: PaymentStore,
    private readonly clock: Clock,
  ) {}

  execute(
    command: RequestPaymentCommand,
  ): Promise<{ id: string; status: 'instructing'; holdUntil: IsoDate | null; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'payment' },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        if (!payableStatuses.has(record.snapshot.status)) {
          throw new DomainError(
            'payment.claim-not-payable',
            DomainErrorKind.IllegalTransition,
            `No payment can be made on a claim that is ${record.snapshot.status.replace(/_/g, ' ')}.`,
          );
        }
        const inForce = await this.store.awardInForce(tx, claimId);
        const awardPence =
          inForce?.payablePence ??
          (command.kind === 'interim' ? await this.store.latestCalculationTotal(tx, claimId) : null);
        if (!awardPence) {
          throw new DomainError(
            'payment.no-award',
            DomainErrorKind.Unprocessable,
            'There is no award to pay on this claim (an interim payment before a decision needs an award calculation).',
          );
        }
        checkPayment({
          kind: command.kind,
          amountPence: command.amountPence,
          awardPence,
          alreadyPaidPence: await this.store.paidSoFar(tx, claimId),
          accepted: record.snapshot.status === 'accepted',
        });
        const today = calendarDateInUk(at);
        const holdUntil = holdUntilForChild(
          await this.store.victimDateOfBirth(tx, record.snapshot.applicationId),
          today,
        );
        const id = randomUUID();
        await this.store.insert(tx, {
          id,
          claimId,
          kind: command.kind,
          amountPence: command.amountPence,
          payeeKind: command.payeeKind,
          payeeReference: command.payeeReference,
          holdUntil,
          by: command.actor.staffId,
          at,
        });
        let version: number;
        if (command.kind === 'final') {
          const claim = Claim.rehydrate(record.snapshot);
          claim.recordPayment(claimActorOf(command.actor), at, { amountPence: command.amountPence });
          await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
          version = claim.version;
        } else {
          version = await tx.touchClaim(claimId, at);
        }
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.payment-requested',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            paymentId: id,
            kind: command.kind,
            amountPence: command.amountPence,
            payeeKind: command.payeeKind,
            heldUntil: holdUntil,
          },
          occurredAt: at,
        });
        await tx.enqueue('payments.instruct', { paymentId: id }, `claim:${claimId}`);
        return { id, status: 'instructing' as const, holdUntil, version };
      },
    );
  }
}
