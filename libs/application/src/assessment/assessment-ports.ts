import type { ApplicationAnswers, ClaimEvent, ClaimSnapshot, EligibilityAssessment, IsoDate } from '@redress/domain';
import type { AuditRecord } from '../ports/audit-trail.js';
import type { Triage } from './triage.js';

export interface ClaimToAssess {
  readonly claim: ClaimSnapshot;
  readonly answers: ApplicationAnswers;
  /** The UK date the application was received (its submission). */
  readonly receivedOn: IsoDate;
}

/** Everything the automatic assessment writes, in one transaction. */
export interface AssessmentTransaction {
  /** Locks the claim (FOR UPDATE) and reads its application's answers; `null` if there is no such claim. */
  lockClaim(claimId: string): Promise<ClaimToAssess | null>;
  saveAssessment(claimId: string, assessment: EligibilityAssessment, triage: Triage, at: Date): Promise<void>;
  updateClaim(claim: ClaimSnapshot, triage: Triage, outcome: EligibilityAssessment['outcome'], at: Date): Promise<void>;
  appendEvents(events: readonly ClaimEvent[]): Promise<void>;
  /** Sets the claim's service-level clock: a delayed `claims.service-level-check` at its due time. */
  scheduleServiceLevelCheck(claimId: string): Promise<void>;
  audit(entry: AuditRecord): Promise<void>;
}

export abstract class ClaimAssessmentUnitOfWork {
  abstract run<T>(work: (transaction: AssessmentTransaction) => Promise<T>): Promise<T>;
}
