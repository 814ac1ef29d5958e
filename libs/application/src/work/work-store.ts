import type { ClaimStatus } from '@redress/domain';
import type { CaseworkTransaction, StaffClaimRecord } from '../staff/casework-store.js';

export interface WorkFilter {
  readonly team: string;
  readonly status?: ClaimStatus;
  readonly priority?: number;
  /** Only claims due before this instant. */
  readonly dueBefore?: Date;
  /** `me`: assigned to the caller; `unassigned`; or either (absent). */
  readonly assigned?: { readonly kind: 'me'; readonly staffId: string } | { readonly kind: 'unassigned' };
  /** The caller, for restricted claims: only those naming them are listed. */
  readonly viewerStaffId: string;
}

/** The keyset position of the last item of a page: (priority, due, id), the queue's order. */
export interface WorkPosition {
  readonly priority: number;
  readonly dueAt: Date;
  readonly id: string;
}

export interface WorkItem {
  readonly claimId: string;
  readonly reference: string;
  readonly status: ClaimStatus;
  readonly team: string;
  readonly priority: number;
  readonly submittedAt: Date;
  readonly serviceLevelDueAt: Date;
  readonly serviceLevelPaused: boolean;
  readonly assignedStaffId: string | null;
  readonly version: number;
}

export abstract class WorkStore {
  /** One page in queue order (priority, service-level due date, id), strictly after `after`. Never OFFSET. */
  abstract page(filter: WorkFilter, after: WorkPosition | null, limit: number): Promise<WorkItem[]>;
  /**
   * Locks and answers the most urgent, oldest unassigned claim of the team that the staff member may pick up,
   * skipping rows other transactions hold (FOR UPDATE SKIP LOCKED), so two callers never get the same.
   */
  abstract lockNextUnassigned(tx: CaseworkTransaction, team: string, staffId: string): Promise<StaffClaimRecord | null>;
  abstract assign(
    tx: CaseworkTransaction,
    claimId: string,
    staffId: string | null,
    team: string,
    at: Date,
  ): Promise<void>;
  abstract setPriority(tx: CaseworkTransaction, claimId: string, priority: number): Promise<void>;
}
