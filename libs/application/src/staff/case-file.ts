import type { ApplicationAnswers, AwardBreakdown, AwardInput, EligibilityAssessment } from '@redress/domain';
import type { StoredClaimEvent } from '../claims/claim-store.js';
import type { JudgedAssessment } from '@redress/domain';
import type { StaffClaimRecord } from './casework-store.js';

export interface CaseFileInformationRequest {
  readonly id: string;
  readonly recipient: string;
  readonly topic: string;
  readonly question: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly dueOn: string;
  readonly status: string;
  readonly answeredAt: Date | null;
  /** The applicant's own answer, or a third party's reply recorded by a staff member; the summary is `answer`. */
  readonly answeredBy: { readonly kind: 'citizen' | 'staff'; readonly id: string } | null;
  readonly answer: string | null;
  readonly documentIds: readonly string[];
  /** Every move of the due date, oldest first (`dueOn` is the current one). */
  readonly dueDateChanges: readonly CaseFileDueDateChange[];
  readonly cancelledAt: Date | null;
  readonly cancelledBy: string | null;
  readonly cancellationReason: string | null;
}

export interface CaseFileDueDateChange {
  readonly previousDueOn: string;
  readonly dueOn: string;
  readonly reason: string;
  readonly changedBy: string;
  readonly changedAt: Date;
}

export interface CaseFileNote {
  readonly id: string;
  readonly author: string;
  readonly body: string;
  readonly createdAt: Date;
}

export interface CaseFileEligibilityRun {
  readonly id: string;
  readonly assessment: JudgedAssessment;
  readonly runBy: string;
  readonly ranAt: Date;
}

export interface CaseFileJudgement {
  readonly id: string;
  readonly kind: string;
  readonly paragraph: string;
  readonly reductionPercent: number | null;
  readonly reason: string;
  readonly eligibilityRunId: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface CaseFileAwardCalculation {
  readonly id: string;
  readonly input: AwardInput;
  readonly breakdown: AwardBreakdown;
  readonly calculatedBy: string;
  readonly calculatedAt: Date;
}

export interface CaseFileDecision {
  readonly id: string;
  readonly kind: string;
  readonly amountPence: number | null;
  readonly awardCalculationId: string | null;
  readonly grounds: readonly string[];
  readonly paragraphs: readonly string[];
  readonly reasons: string;
  readonly needsApproval: boolean;
  readonly approvalReasons: readonly string[];
  readonly status: string;
  readonly onReview: boolean;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly decidedOn: string | null;
}

export interface CaseFileReview {
  readonly id: string;
  readonly originalDecisionId: string;
  readonly reviewDecisionId: string | null;
  readonly requestedOn: string;
  readonly late: boolean;
  readonly extensionReason: string | null;
  readonly reviewerStaffId: string | null;
  readonly outcome: string | null;
  readonly decidedAt: Date | null;
}

export interface CaseFileAppeal {
  readonly id: string;
  readonly reviewId: string;
  readonly lodgedOn: string;
  readonly tribunalReference: string | null;
  readonly outcome: string | null;
  readonly outcomeOn: string | null;
}

export interface CaseFilePayment {
  readonly id: string;
  readonly kind: string;
  readonly amountPence: number;
  readonly payeeKind: string;
  readonly payeeReference: string;
  readonly holdUntil: string | null;
  readonly status: string;
  readonly financeReference: string | null;
  readonly requestedBy: string;
  readonly requestedAt: Date;
}

export interface CaseFileReferral {
  readonly id: string;
  readonly status: string;
  readonly organisationId: string | null;
  readonly createdAt: Date | null;
}

/** Everything staff see about a claim, special-category answers decrypted. */
export interface CaseFile {
  readonly claim: StaffClaimRecord;
  readonly answers: ApplicationAnswers;
  readonly events: readonly StoredClaimEvent[];
  readonly informationRequests: readonly CaseFileInformationRequest[];
  readonly notes: readonly CaseFileNote[];
  readonly eligibilityRuns: readonly CaseFileEligibilityRun[];
  readonly judgements: readonly CaseFileJudgement[];
  readonly awardCalculations: readonly CaseFileAwardCalculation[];
  readonly decisions: readonly CaseFileDecision[];
  readonly reviews: readonly CaseFileReview[];
  readonly appeals: readonly CaseFileAppeal[];
  readonly payments: readonly CaseFilePayment[];
  readonly referrals: readonly CaseFileReferral[];
  readonly servicePauses: readonly { readonly startedAt: Date; readonly endedAt: Date | null }[];
}

export interface CaseFileView extends CaseFile {
  /** The latest stored re-run, or the engine's assessment of the answers as submitted when none was made. */
  readonly eligibility: JudgedAssessment | EligibilityAssessment;
  readonly eligibilitySource: 'caseworker-run' | 'as-submitted';
}

export abstract class CaseFileStore {
  /** The claim's casework record without a lock; `null` when there is no such (submitted) claim. */
  abstract findClaim(reference: string): Promise<StaffClaimRecord | null>;
  abstract load(record: StaffClaimRecord): Promise<CaseFile>;
  /** The application's answers, decrypted. */
  abstract answers(applicationId: string): Promise<ApplicationAnswers>;
}
