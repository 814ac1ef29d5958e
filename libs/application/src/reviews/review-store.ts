import type { ReviewOutcome, TribunalOutcome } from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';

export interface OpenReview {
  readonly id: string;
  readonly originalDecisionId: string;
}

export interface StoredAppeal {
  readonly id: string;
  readonly reviewId: string;
  readonly lodgedOn: string;
  readonly outcome: TribunalOutcome | null;
}

export abstract class ReviewStore {
  abstract insertReview(
    tx: CaseworkTransaction,
    review: {
      id: string;
      claimId: string;
      originalDecisionId: string;
      requestedOn: string;
      late: boolean;
      extensionReason: string | null;
      extensionGrantedBy: string | null;
    },
  ): Promise<void>;
  /** The review not yet decided, if staff recorded it or it was opened before. */
  abstract openReview(tx: CaseworkTransaction, claimId: string): Promise<OpenReview | null>;
  /** The day the citizen's latest open online review request arrived (the applications engineer's table). */
  abstract citizenRequestReceivedAt(tx: CaseworkTransaction, claimId: string): Promise<Date | null>;
  abstract decideReview(
    tx: CaseworkTransaction,
    review: { id: string; reviewDecisionId: string; reviewer: string; outcome: ReviewOutcome; at: Date },
  ): Promise<void>;
  /** The citizen's online requests are answered by this review decision. */
  abstract closeCitizenRequests(tx: CaseworkTransaction, claimId: string): Promise<void>;
  /** The latest decided review of the claim. */
  abstract latestDecidedReview(tx: CaseworkTransaction, claimId: string): Promise<{ id: string } | null>;
  abstract insertAppeal(
    tx: CaseworkTransaction,
    appeal: {
      id: string;
      claimId: string;
      reviewId: string;
      lodgedOn: string;
      tribunalReference: string | null;
      by: string;
      at: Date;
    },
  ): Promise<void>;
  abstract appeals(tx: CaseworkTransaction, claimId: string): Promise<StoredAppeal[]>;
  abstract recordAppealOutcome(
    tx: CaseworkTransaction,
    appeal: { id: string; outcome: TribunalOutcome; outcomeOn: string; by: string },
  ): Promise<void>;
}
