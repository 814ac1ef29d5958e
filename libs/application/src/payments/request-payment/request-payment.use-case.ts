import { randomUUID } from 'node:crypto';
import {
  calendarDateInUk,
  checkInterimShare,
  checkPayment,
  DomainError,
  DomainErrorKind,
  holdUntilForChild,
  type IsoDate,
  type PaymentKind,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import { forbidden } from '../../staff/staff-actor.js';
import { PaymentSettings, PaymentStore } from '../payment-ports.js';
import { payeeNotFound, recordPaymentStep } from '../payment-steps.js';
import type { RequestPaymentCommand } from './request-payment.command.js';

const payableStatuses = new Set(['in_assessment', 'awaiting_information', 'decided', 'accepted', 'under_review']);

/**
 * Checks a payment against the award: interim payments (para 96 ff.) never beyond the award in force or, before
 * any decision, the latest award calculation, and together never beyond the configured share of the latest
 * calculation; the final payment is the balance once the victim has accepted. Used when a payment is proposed
 * and again when it is approved (other payments may have been proposed in between); `excluding` leaves the
 * payment being approved out of what is already paid.
 */
export async function checkAgainstAward(
  store: PaymentStore,
  settings: PaymentSettings,
  tx: CaseworkTransaction,
  claim: { id: string; status: string },
  payment: { kind: PaymentKind; amountPence: number; excludingPence?: number },
): Promise<void> {
  if (!payableStatuses.has(claim.status)) {
    throw new DomainError(
      'payment.claim-not-payable',
      DomainErrorKind.IllegalTransition,
      `No payment can be made on a claim that is ${claim.status.replace(/_/g, ' ')}.`,
    );
  }
  const inForce = await store.awardInForce(tx, claim.id);
  const calculation = await store.latestCalculationTotal(tx, claim.id);
  const awardPence = inForce?.payablePence ?? (payment.kind === 'interim' ? calculation : null);
  if (!awardPence) {
    throw new DomainError(
      'payment.no-award',
      DomainErrorKind.Unprocessable,
      'There is no award to pay on this claim (an interim payment before a decision needs an award calculation).',
    );
  }
  const excluding = payment.excludingPence ?? 0;
  checkPayment({
    kind: payment.kind,
    amountPence: payment.amountPence,
    awardPence,
    alreadyPaidPence: (await store.paidSoFar(tx, claim.id)) - excluding,
    accepted: claim.status === 'accepted',
  });
  if (payment.kind === 'interim') {
    checkInterimShare({
      amountPence: payment.amountPence,
      calculationPence: calculation ?? awardPence,
      interimSoFarPence: (await store.paidSoFar(tx, claim.id, 'interim')) - excluding,
      maxPercent: settings.interimMaxPercent,
    });
  }
}

/**
 * A caseworker proposes an interim payment or the final payment (the balance, once the victim has accepted) on a
 * claim assigned to them, to one of the claim's payees (given by the victim through the citizen service, or
 * recorded by a caseworker and approved by a second person). Nothing is paid until a senior caseworker who
 * neither proposed it nor calculated the award approves it (ApprovePayment). A child's payment is marked to be
 * held until their 18th birthday.
 */
export class RequestPayment {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: PaymentStore,
    private readonly settings: PaymentSettings,
    private readonly clock: Clock,
  ) {}

  execute(
    command: RequestPaymentCommand,
  ): Promise<{ id: string; status: 'proposed'; holdUntil: IsoDate | null; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'payment' },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        if (record.assignedStaffId !== command.actor.staffId) {
          throw forbidden(
            'payment.claim-not-assigned',
            'A payment is proposed by the caseworker the claim is assigned to.',
          );
        }
        const payee = await this.store.payee(tx, claimId, command.payeeId);
        if (!payee) throw payeeNotFound();
        if (payee.source === 'staff' && !payee.approvedBy) {
          throw forbidden(
            'payment.payee-not-approved',
            'This payee was recorded by a caseworker and is not approved yet: a second person must approve it first.',
          );
        }
        await checkAgainstAward(this.store, this.settings, tx, record.snapshot, command);
        const holdUntil = holdUntilForChild(
          await this.store.victimDateOfBirth(tx, record.snapshot.applicationId),
          calendarDateInUk(at),
        );
        const id = randomUUID();
        await this.store.insert(tx, {
          id,
          claimId,
          kind: command.kind,
          amountPence: command.amountPence,
          payeeId: payee.id,
          payeeKind: payee.payeeKind,
          payeeReference: payee.account,
          holdUntil,
          by: command.actor.staffId,
          at,
        });
        const version = await recordPaymentStep(
          tx,
          record,
          command.actor,
          'proposePayment',
          {
            paymentId: id,
            kind: command.kind,
            amountPence: command.amountPence,
            payeeId: payee.id,
            payeeKind: payee.payeeKind,
            heldUntil: holdUntil,
          },
          at,
        );
        return { id, status: 'proposed' as const, holdUntil, version };
      },
    );
  }
}
