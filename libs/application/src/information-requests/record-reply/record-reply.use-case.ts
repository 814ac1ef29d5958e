import { Claim, DomainError, DomainErrorKind } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { checkOpen, lockInformationRequest } from '../information-request-changes.js';
import { InformationRequestStore } from '../information-request-store.js';
import type { RecordInformationRequestReplyCommand } from './record-reply.command.js';

/**
 * Records that the police, a GP or a hospital replied to a request: a short summary (encrypted like the question)
 * and any documents of the claim that came with it. The request is answered by the staff member who recorded it.
 * A request to the applicant is theirs to answer through their account, so it is refused (422). Third-party
 * requests never stop the service-level clock, so nothing else changes; their clocks find the request answered.
 */
export class RecordInformationRequestReply {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: InformationRequestStore,
    private readonly clock: Clock,
  ) {}

  execute(
    command: RecordInformationRequestReplyCommand,
  ): Promise<{ id: string; status: 'answered'; documentIds: string[]; version: number }> {
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'information-request-reply',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const claimId = record.snapshot.id;
        const request = await lockInformationRequest(this.store, tx, claimId, command.informationRequestId);
        const documentIds = [...new Set(command.documentIds.map((id) => id.toLowerCase()))];
        const claim = Claim.rehydrate(record.snapshot);
        // The applicant's requests are refused whatever their state: the reason is who answers, not when.
        claim.recordInformationRequestReply(claimActorOf(command.actor), at, {
          informationRequestId: request.id,
          recipient: request.recipient,
          documents: documentIds.length,
        });
        checkOpen(request, 'answered');
        if (documentIds.length) {
          const onClaim = await this.store.documentsOnClaim(tx, claimId, documentIds);
          const unknown = documentIds.filter((id) => !onClaim.has(id));
          if (unknown.length) {
            throw new DomainError(
              'information-request.unknown-document',
              DomainErrorKind.Unprocessable,
              'Every document must already be on this claim.',
              unknown.map((id) => ({ field: 'documentIds', message: `${id} is not a document on this claim` })),
            );
          }
        }
        await this.store.recordReply(tx, {
          id: request.id,
          summary: command.summary,
          documentIds,
          recordedBy: command.actor.staffId,
          at,
        });
        await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'information-request.reply-recorded',
          targetType: 'claim',
          targetId: claimId,
          details: {
            reference: record.snapshot.reference,
            informationRequestId: request.id,
            recipient: request.recipient,
            documentIds,
          },
          occurredAt: at,
        });
        return { id: request.id, status: 'answered' as const, documentIds, version: claim.version };
      },
    );
  }
}
