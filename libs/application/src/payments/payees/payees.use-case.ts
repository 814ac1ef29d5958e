import { randomUUID } from 'node:crypto';
import type { PayeeKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { forbidden, hasRole, type StaffActor } from '../../staff/staff-actor.js';
import { PaymentStore } from '../payment-ports.js';
import { payeeNotFound, recordPaymentStep } from '../payment-steps.js';

export interface RecordPayeeCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly payeeKind: PayeeKind;
  readonly account: string;
}

/**
 * A caseworker records a payee (a representative's client account, a deputy, a trust). It can be paid only once
 * a second person, a senior caseworker, approves it: one person alone can never send money to an account they
 * typed. The victim's own details, given through the citizen service, need no approval.
 */
export class RecordPayee {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: PaymentStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RecordPayeeCommand): Promise<{ id: string; approved: false; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'payee' },
      async (tx, record) => {
        const at = this.clock.now();
        const id = randomUUID();
        await this.store.insertPayee(tx, {
          id,
          claimId: record.snapshot.id,
          payeeKind: command.payeeKind,
          account: command.account,
          source: 'staff',
          recordedBy: command.actor.staffId,
          at,
        });
        const version = await recordPaymentStep(
          tx,
          record,
          command.actor,
          'recordPayee',
          { payeeId: id, payeeKind: command.payeeKind, source: 'staff' },
          at,
        );
        return { id, approved: false as const, version };
      },
    );
  }
}

export interface ApprovePayeeCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly payeeId: string;
  readonly expectedVersion: number;
}

/** A senior caseworker other than the one who recorded it approves a payee; from then on it can be paid. */
export class ApprovePayee {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: PaymentStore,
    private readonly clock: Clock,
  ) {}

  execute(command: ApprovePayeeCommand): Promise<{ id: string; approved: true; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      { actor: command.actor, reference: command.reference, expectedVersion: command.expectedVersion, view: 'payee' },
      async (tx, record) => {
        const payee = await this.store.payee(tx, record.snapshot.id, command.payeeId);
        if (!payee) throw payeeNotFound();
        if (!hasRole(command.actor, 'senior-caseworker')) {
          throw forbidden('payee.approver-not-senior', 'A payee is approved by a senior caseworker.');
        }
        if (payee.source !== 'staff' || payee.approvedBy) {
          throw forbidden('payee.no-approval-needed', 'This payee needs no approval.');
        }
        if (payee.recordedBy === command.actor.staffId) {
          throw forbidden('payee.own-record', 'You recorded this payee: another senior caseworker must approve it.');
        }
        const at = this.clock.now();
        await this.store.approvePayee(tx, payee.id, command.actor.staffId, at);
        const version = await recordPaymentStep(tx, record, command.actor, 'approvePayee', { payeeId: payee.id }, at);
        return { id: payee.id, approved: true as const, version };
      },
    );
  }
}
