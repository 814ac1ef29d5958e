import { Claim, type ClaimStatus } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { checkOpen, lockInformationRequest } from '../information-request-changes.js';
import { InformationRequestStore } from '../information-request-store.js';
import type { CancelInformationRequestCommand } from './cancel-information-request.command.js';

/**
 * Cancels an open request, with a reason. The victim no longer sees a cancelled request, and its clocks find it
 * closed. When it was the last open request to the applicant, the claim leaves awaiting information exactly as when
 * the victim answers it: the database ends the service-level pause (the due time moves on by its length), the
 * aggregate resumes the assessment, and the next service-level check is written for the new due time.
 */
export class CancelInformationRequest {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: InformationRequestStore,
    private readonly clock: Clock,
  ) {}

  execute(
    command: CancelInformationRequestCommand,
  ): Promise<{ id: string; status: 'cancelled'; claimStatus: ClaimStatus; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'information-request-cancellation',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const request = await lockInformationRequest(this.store, tx, claimId, command.informationRequestId);
        checkOpen(request, 'cancelled');
        const actor = claimActorOf(command.actor);
        const claim = Claim.rehydrate(record.snapshot);
        claim.cancelInformationRequest(actor, at, { informationRequestId: request.id, recipient: request.recipient });
        await this.store.cancel(tx, {
          id: request.id,
          reason: command.reason,
          cancelledBy: command.actor.staffId,
          at,
        });
        // Only the applicant's requests hold the assessment (third-party requests never stop the clock).
        const lastToApplicant =
          request.recipient === 'applicant' && (await this.store.countOpenToApplicant(tx, claimId)) === 0;
        if (lastToApplicant && claim.status === 'awaiting_information') {
          claim.resumeAssessment(actor, at, { informationRequestId: request.id });
        }
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'information-request.cancelled',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            informationRequestId: request.id,
            recipient: request.recipient,
            dueOn: request.dueOn,
            claimStatus: claim.status,
          },
          occurredAt: at,
        });
        if (lastToApplicant) {
          // The pause has ended and the due time moved on by its length; the check scheduled for the old time
          // found the claim paused and did nothing, so whoever ends the pause sets the next (docs/worker.md "Clocks").
          const serviceLevel = await this.store.serviceLevel(tx, claimId);
          if (serviceLevel.dueAt && !serviceLevel.paused) {
            await tx.enqueue('claims.service-level-check', { claimId }, `claim:${claimId}`, {
              notBefore: serviceLevel.dueAt,
            });
          }
        }
        return { id: request.id, status: 'cancelled' as const, claimStatus: claim.status, version: claim.version };
      },
    );
  }
}
