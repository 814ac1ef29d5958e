import { randomUUID } from 'node:crypto';
import { addWorkingDays, calendarDateInUk, Claim, DomainError, DomainErrorKind, type IsoDate } from '@redress/domain';
import { informationRequestClockTimes } from '../../clocks/clock-times.js';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { InformationRequestStore } from '../information-request-store.js';
import type { InformationRecipient, RequestInformationCommand } from './request-information.command.js';

/**
 * The request's clocks (docs/worker.md "Clocks"), in the transaction that sets or moves its due date: the
 * reminder 3 working days before it and the escalation the day after. Each job reloads the request when it runs,
 * so a clock left over from an earlier due date (or for a request answered since) does nothing. The reminder
 * job writes to the victim, so only a request addressed to them gets one; a request to the police, a GP or a
 * hospital still escalates the claim when it is overdue (the caseworker chases it).
 */
export async function scheduleInformationRequestClocks(
  tx: CaseworkTransaction,
  request: { claimId: string; informationRequestId: string; recipient: InformationRecipient; dueOn: IsoDate },
): Promise<void> {
  const { remindAt, overdueAt } = informationRequestClockTimes(request.dueOn);
  const orderingKey = `claim:${request.claimId}`;
  const informationRequestId = request.informationRequestId;
  if (request.recipient === 'applicant') {
    await tx.enqueue('claims.information-request-reminder', { informationRequestId }, orderingKey, {
      notBefore: remindAt,
    });
  }
  await tx.enqueue('claims.information-request-overdue', { informationRequestId }, orderingKey, {
    notBefore: overdueAt,
  });
}

/** States in which a caseworker may ask a third party (police, GP, hospital) for evidence. */
const THIRD_PARTY_STATES = ['in_assessment', 'awaiting_information', 'under_review', 'reopened'];

/**
 * Asks the applicant, the police, a GP or a hospital for information, due in working days. A request to the
 * applicant moves the claim to awaiting information and stops the service-level clock until it is answered
 * (the pause is kept by the database as intervals); a third party's delay is ours to chase, so the clock runs on.
 */
export class RequestInformation {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: InformationRequestStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RequestInformationCommand,
  ): Promise<{ id: string; dueOn: IsoDate; version: number; status: string }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'information-request',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const id = randomUUID();
        const dueOn = addWorkingDays(calendarDateInUk(at), command.workingDays);
        const claim = Claim.rehydrate(record.snapshot);
        if (command.recipient === 'applicant') {
          if (claim.status !== 'awaiting_information') {
            claim.requestInformation(claimActorOf(command.actor), at, { informationRequestId: id, dueOn });
          }
        } else if (!THIRD_PARTY_STATES.includes(claim.status)) {
          throw new DomainError(
            'information-request.claim-not-open',
            DomainErrorKind.IllegalTransition,
            `Evidence cannot be asked for while the claim is ${claim.status.replace(/_/g, ' ')}.`,
          );
        }
        await this.store.insert(tx, {
          id,
          claimId: record.snapshot.id,
          recipient: command.recipient,
          topic: command.topic,
          question: command.question,
          requestedBy: command.actor.staffId,
          requestedAt: at,
          dueOn,
          workingDays: command.workingDays,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        const version = await tx.touchClaim(record.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'information-request.sent',
          targetType: 'claim',
          targetId: record.snapshot.id,
          details: {
            reference: command.reference,
            informationRequestId: id,
            recipient: command.recipient,
            topic: command.topic,
            dueOn,
          },
          occurredAt: at,
        });
        if (command.recipient === 'applicant') {
          await tx.enqueue(
            'notifications.send',
            { claimId: record.snapshot.id, event: 'claim.information-requested' },
            `claim:${record.snapshot.id}`,
          );
        }
        await scheduleInformationRequestClocks(tx, {
          claimId: record.snapshot.id,
          informationRequestId: id,
          recipient: command.recipient,
          dueOn,
        });
        return { id, dueOn, version, status: claim.status };
      },
    );
  }
}
