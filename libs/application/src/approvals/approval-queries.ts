/** What waits for a second pair of eyes: a decision proposed for approval, or a payment proposed. */
export type ApprovalKind = 'decision' | 'payment';

export interface AwaitingApproval {
  readonly kind: ApprovalKind;
  /** The decision's or the payment's id. */
  readonly id: string;
  readonly reference: string;
  /** The decision's kind (award, refusal, withheld, reduced) or the payment's kind (interim, final). */
  readonly what: string;
  readonly amountPence: number | null;
  readonly proposedBy: string;
  readonly proposedAt: Date;
}

/** The keyset position of the last item of a page: (proposed at, id), oldest first. */
export interface ApprovalPosition {
  readonly at: Date;
  readonly id: string;
}

/** Read side of the four-eyes queue. */
export abstract class ApprovalQueries {
  /**
   * One page, oldest first, strictly after `after` (never OFFSET), of what `approverStaffId` may approve: decisions
   * waiting for approval they did not propose, and proposed payments they neither proposed nor calculated the award
   * of, on claims they may see (restricted claims only when they are named on them).
   */
  abstract page(approverStaffId: string, after: ApprovalPosition | null, limit: number): Promise<AwaitingApproval[]>;
}
