import type { ClaimStatus, IsoDate } from '@redress/domain';

export interface InformationRequestClock {
  readonly id: string;
  readonly claimId: string;
  readonly status: 'open' | 'answered' | 'cancelled' | 'lapsed';
  readonly dueOn: IsoDate;
}

export interface ServiceLevelClockState {
  readonly claimId: string;
  readonly status: ClaimStatus;
  /** Submission + target + closed pauses (the casework migration keeps it); null before submission. */
  readonly dueAt: Date | null;
  /** An open pause (the applicant has been asked for information). */
  readonly paused: boolean;
}

export type EscalationKind = 'information-request-overdue' | 'service-level-breached';

/** What the clock jobs read and write. */
export abstract class ClaimClocks {
  abstract findInformationRequest(id: string): Promise<InformationRequestClock | null>;
  abstract findServiceLevel(claimId: string): Promise<ServiceLevelClockState | null>;
  /**
   * Records the escalation once and raises the claim's work priority one step (towards 1), with an audit entry,
   * in one transaction. Answers false when it was escalated already.
   */
  abstract escalate(kind: EscalationKind, subjectId: string, claimId: string, at: Date): Promise<boolean>;
  /** Writes a `claims.service-level-check` outbox row to run at `at`. */
  abstract scheduleServiceLevelCheck(claimId: string, at: Date): Promise<void>;
}
