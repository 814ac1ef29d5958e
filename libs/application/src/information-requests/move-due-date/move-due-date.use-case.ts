import { randomUUID } from 'node:crypto';
import { calendarDateInUk, Claim, type IsoDate } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { checkOpen, lockInformationRequest, resolveInformationRequestDueDate } from '../information-request-changes.js';
import { InformationRequestStore } from '../information-request-store.js';
import { scheduleInformationRequestClocks } from '../request-information/request-information.use-case.js';
import type { MoveInformationRequestDueDateCommand } from './move-due-date.command.js';

/**
 * Moves an open request's due date, earlier or later, with a reason. Its clocks are written again for the new date;
 * the jobs of the old one find, when they run, that the request is no longer due then and do nothing. The change
 * is on the claim's timeline (old and new date) and in the audit log; the reason is kept encrypted with the request.
 */
export class MoveInformationRequestDueDate {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: InformationRequestStore,
    private readonly clock: Clock,
  ) {}

  execute(
    command: MoveInformationRequestDueDateCommand,
  ): Promise<{ id: string; previousDueOn: IsoDate; dueOn: IsoDate; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'information-request-due-date',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const request = await lockInformationRequest(this.store, tx, claimId, command.informationRequestId);
        checkOpen(request, 'given a new due date');
        const dueOn = resolveInformationRequestDueDate(calendarDateInUk(at), command.dueDate);
        const claim = Claim.rehydrate(record.snapshot);
        claim.moveInformationRequestDueDate(claimActorOf(command.actor), at, {
          informationRequestId: request.id,
          recipient: request.recipient,
          previousDueOn: request.dueOn,
          dueOn,
        });
        await this.store.moveDueDate(tx, {
          id: randomUUID(),
          informationRequestId: request.id,
          claimId,
          previousDueOn: request.dueOn,
          dueOn,
          reason: command.reason,
          changedBy: command.actor.staffId,
          at,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'information-request.due-date-moved',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            informationRequestId: request.id,
            recipient: request.recipient,
            previousDueOn: request.dueOn,
            dueOn,
            by: 'workingDays' in command.dueDate ? 'working-days' : 'date',
          },
          occurredAt: at,
        });
        await scheduleInformationRequestClocks(tx, {
          claimId,
          informationRequestId: request.id,
          recipient: request.recipient,
          dueOn,
        });
        return { id: request.id, previousDueOn: request.dueOn, dueOn, version: claim.version };
      },
    );
  }
}
