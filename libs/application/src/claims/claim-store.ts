import type { NewPayee } from '../payments/payment-ports.js';
import type { ApplicantRole, ClaimActor, ClaimEvent, ClaimSnapshot, RepresentativeType } from '@redress/domain';
import type { AuditRecord } from '../ports/audit-trail.js';
import type { StoredApplication } from '../applications/application-store.js';

export const informationRequestTopics = [
  'medical-evidence',
  'police-evidence',
  'financial-loss',
  'identity',
  'residence',
  'other',
] as const;
export type InformationRequestTopic = (typeof informationRequestTopics)[number];
export type InformationRequestStatus = 'open' | 'answered' | 'cancelled' | 'lapsed';

export interface InformationRequestView {
  readonly id: string;
  readonly topic: InformationRequestTopic;
  readonly question: string;
  readonly requestedAt: Date;
  readonly dueOn: string;
  readonly status: InformationRequestStatus;
  readonly answeredAt: Date | null;
  readonly answer: string | null;
  readonly documentIds: readonly string[];
}

export interface StoredClaimEvent {
  readonly type: ClaimEvent['type'];
  readonly version: number;
  readonly fromStatus: string;
  readonly toStatus: string;
  readonly actor: ClaimActor;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
}

export interface ClaimDocumentView {
  readonly id: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: Date;
  readonly fileName: string;
}

export interface ClaimDetails {
  readonly claim: ClaimSnapshot;
  readonly events: readonly StoredClaimEvent[];
  readonly informationRequests: readonly InformationRequestView[];
  readonly reviewRequests: readonly {
    readonly id: string;
    readonly requestedAt: Date;
    readonly reasons: string;
    readonly status: string;
  }[];
  readonly documents: readonly ClaimDocumentView[];
}

export interface ClaimSummary {
  readonly reference: string;
  readonly status: ClaimSnapshot['status'];
  readonly submittedAt: Date | null;
  readonly statusChangedAt: Date;
  readonly openInformationRequests: number;
}

/** What the claim table keeps besides the aggregate's own state, fixed at submission. */
export interface ClaimSubmissionDetails {
  readonly applicantRole: ApplicantRole;
  readonly representativeType: RepresentativeType | null;
  readonly crimeReferenceGiven: boolean;
  readonly declaration: { readonly wordingVersion: string; readonly at: Date; readonly citizenId: string };
}

export interface IdempotencyRecord {
  readonly operation: string;
  readonly fingerprint: string;
  readonly responseStatus: number;
  readonly responseBody: unknown;
}

/**
 * Everything a claim-changing use case writes, inside ONE database transaction: the claim, its events, the
 * audit entries, the outbox rows and the idempotency record commit together or not at all.
 */
export interface ClaimTransaction {
  /** Locks the citizen's draft (FOR UPDATE) and reads it; `null` if missing, not theirs or expired. */
  lockOwnedApplication(applicationId: string, citizenId: string, now: Date): Promise<StoredApplication | null>;
  markApplicationSubmitted(applicationId: string, at: Date): Promise<void>;
  nextClaimSerial(): Promise<number>;
  insertClaim(claim: ClaimSnapshot, details: ClaimSubmissionDetails, at: Date): Promise<void>;
  /** Locks the claim (FOR UPDATE) if the citizen owns it. */
  lockOwnedClaim(reference: string, citizenId: string): Promise<ClaimSnapshot | null>;
  /** A payee the victim gave through the citizen service (payments under four eyes). */
  insertPayee(payee: NewPayee): Promise<void>;
  /** Writes the new state; the claim was locked, so the version cannot have moved. */
  updateClaim(claim: ClaimSnapshot, at: Date): Promise<void>;
  appendEvents(events: readonly ClaimEvent[]): Promise<void>;
  /** A job for the worker, through the transactional outbox (ids and codes only); `notBefore` delays it. */
  enqueue(
    jobName: string,
    payload: Record<string, string>,
    orderingKey: string,
    options?: { notBefore?: Date },
  ): Promise<void>;
  /** The claim's service-level clock as it stands in this transaction: its due time and whether it is paused. */
  serviceLevel(claimId: string): Promise<{ dueAt: Date | null; paused: boolean }>;
  audit(entry: AuditRecord): Promise<void>;
  /**
   * Takes the key for this transaction. If another transaction holds it, waits for it to end; answers the
   * record it committed (to replay), or `null` when the key is now ours.
   */
  takeIdempotencyKey(key: {
    citizenId: string;
    key: string;
    operation: string;
    fingerprint: string;
    at: Date;
    expiresAt: Date;
  }): Promise<IdempotencyRecord | null>;
  completeIdempotencyKey(citizenId: string, key: string, responseStatus: number, responseBody: unknown): Promise<void>;
  /** An open request addressed to the applicant (locked); `null` for any other request. */
  findOpenInformationRequest(claimId: string, requestId: string): Promise<{ id: string } | null>;
  answerInformationRequest(request: {
    id: string;
    answer: string;
    citizenId: string;
    at: Date;
    documentIds: readonly string[];
  }): Promise<void>;
  /** Open requests addressed to the applicant (third-party requests do not hold the assessment). */
  countOpenInformationRequests(claimId: string): Promise<number>;
  insertReviewRequest(request: {
    id: string;
    claimId: string;
    citizenId: string;
    reasons: string;
    at: Date;
  }): Promise<void>;
}

export abstract class ClaimsUnitOfWork {
  abstract run<T>(work: (transaction: ClaimTransaction) => Promise<T>): Promise<T>;
}

/** Reads of a citizen's own claims; `null` for a claim that does not exist or is not theirs. */
export abstract class ClaimQueries {
  abstract listOwned(citizenId: string): Promise<ClaimSummary[]>;
  abstract findOwned(reference: string, citizenId: string): Promise<ClaimDetails | null>;
}
