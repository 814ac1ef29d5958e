import type { DecisionGround, DecisionKind } from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';

export type DecisionStatus = 'pending-approval' | 'made' | 'returned' | 'superseded';

/** A decision as the casework use cases need it (the reasons stay encrypted in storage). */
export interface StoredDecision {
  readonly id: string;
  readonly claimId: string;
  readonly kind: DecisionKind;
  readonly amountPence: number | null;
  readonly status: DecisionStatus;
  readonly onReview: boolean;
  readonly proposedBy: string;
  readonly decidedOn: string | null;
}

export interface NewDecision {
  readonly id: string;
  readonly claimId: string;
  readonly kind: DecisionKind;
  readonly amountPence: number | null;
  readonly awardCalculationId: string | null;
  readonly grounds: readonly DecisionGround[];
  readonly paragraphs: readonly string[];
  readonly reasons: string;
  readonly approvalReasons: readonly string[];
  readonly status: 'pending-approval' | 'made';
  readonly onReview: boolean;
  readonly proposedBy: string;
  readonly at: Date;
  readonly decidedOn: string | null;
}

export abstract class DecisionStore {
  /** A stored award calculation of this claim: its total payable and the reduction it applied. */
  abstract awardCalculation(
    tx: CaseworkTransaction,
    claimId: string,
    id: string,
  ): Promise<{ id: string; totalPence: number; reductionPercent: number } | null>;
  abstract insert(tx: CaseworkTransaction, decision: NewDecision): Promise<void>;
  abstract find(tx: CaseworkTransaction, claimId: string, id: string): Promise<StoredDecision | null>;
  /** The decision in force: the latest one made (not superseded). */
  abstract current(tx: CaseworkTransaction, claimId: string): Promise<StoredDecision | null>;
  abstract markMade(
    tx: CaseworkTransaction,
    id: string,
    approval: { approvedBy: string; at: Date; decidedOn: string },
  ): Promise<void>;
  abstract markReturned(
    tx: CaseworkTransaction,
    id: string,
    returned: { by: string; at: Date; reasonCode: string },
  ): Promise<void>;
  abstract supersede(tx: CaseworkTransaction, id: string): Promise<void>;
}

/** Settings of the decision use cases, from the caseworker API's config. */
export class DecisionSettings {
  /** Four eyes: an award above this many pence needs a second senior caseworker (default GBP 50,000). */
  fourEyesAwardThresholdPence = 5_000_000;
}
