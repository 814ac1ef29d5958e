import {
  Claim,
  DomainError,
  DomainErrorKind,
  isValidClaimReference,
  normaliseClaimReference,
  type ClaimStatus,
} from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound, persistClaimChange } from '../claim-changes.js';
import { ClaimsUnitOfWork } from '../claim-store.js';
import type { AnswerInformationRequestCommand } from './answer-information-request.command.js';

/**
 * The citizen answers an open information request (the answer is stored encrypted). When it was the last one
 * open, the claim goes back into assessment.
 */
export class AnswerInformationRequest {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: AnswerInformationRequestCommand): Promise<{ reference: string; status: ClaimStatus }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const snapshot = await tx.lockOwnedClaim(normaliseClaimReference(command.reference), command.citizenId);
      if (!snapshot) throw claimNotFound();
      const request = await tx.findOpenInformationRequest(snapshot.id, command.informationRequestId);
      if (!request) {
        throw new DomainError(
          'information-request.not-found',
          DomainErrorKind.NotFound,
          'There is no open information request with this id on this claim.',
        );
      }
      await tx.answerInformationRequest({
        id: request.id,
        answer: command.answer,
        citizenId: command.citizenId,
        at: now,
        documentIds: [],
      });
      await tx.audit({
        actorType: 'citizen',
        actorId: command.citizenId,
        action: 'information-request.answered',
        targetType: 'information_request',
        targetId: request.id,
        details: { claimId: snapshot.id, reference: snapshot.reference },
        occurredAt: now,
      });
      const claim = Claim.rehydrate(snapshot);
      const stillOpen = await tx.countOpenInformationRequests(snapshot.id);
      if (stillOpen === 0 && claim.status === 'awaiting_information') {
        claim.resumeAssessment({ kind: 'citizen', id: command.citizenId }, now, { informationRequestId: request.id });
        await persistClaimChange(tx, claim, now, []);
      }
      if (stillOpen === 0) {
        // That was the applicant's last open request: the service-level pause has ended and the due time moved
        // on by its length. The check scheduled for the old time found the claim paused and did nothing, so the
        // one who ends the pause sets the next (docs/worker.md "Clocks").
        const serviceLevel = await tx.serviceLevel(snapshot.id);
        if (serviceLevel.dueAt && !serviceLevel.paused) {
          await tx.enqueue('claims.service-level-check', { claimId: snapshot.id }, `claim:${snapshot.id}`, {
            notBefore: serviceLevel.dueAt,
          });
        }
      }
      return { reference: snapshot.reference, status: claim.status };
    });
  }
}
