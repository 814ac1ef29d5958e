import { randomUUID } from 'node:crypto';
import { Claim, isValidClaimReference, normaliseClaimReference, type ClaimStatus } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound, persistClaimChange } from '../claim-changes.js';
import { ClaimsUnitOfWork } from '../claim-store.js';
import type { RequestReviewCommand } from './request-review.command.js';

/** Asks for a review of the decision, with reasons, within 56 days of it (PR-04); the reasons are stored encrypted. */
export class RequestReview {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RequestReviewCommand,
  ): Promise<{ reference: string; status: ClaimStatus; reviewRequestId: string }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const snapshot = await tx.lockOwnedClaim(normaliseClaimReference(command.reference), command.citizenId);
      if (!snapshot) throw claimNotFound();
      const claim = Claim.rehydrate(snapshot);
      const reviewRequestId = randomUUID();
      claim.requestReview({ kind: 'citizen', id: command.citizenId }, now, { reviewRequestId });
      await tx.insertReviewRequest({
        id: reviewRequestId,
        claimId: snapshot.id,
        citizenId: command.citizenId,
        reasons: command.reasons,
        at: now,
      });
      await persistClaimChange(tx, claim, now, ['claim.review-requested']);
      return { reference: snapshot.reference, status: claim.status, reviewRequestId };
    });
  }
}
