import type { IsoDate } from '@redress/domain';
import type { InformationRequestStatus } from '../claims/claim-store.js';
import type { CaseworkTransaction } from '../staff/casework-store.js';
import type { InformationRecipient } from './request-information/request-information.command.js';

/** An information request as the staff use cases that change it need it (no question or answer). */
export interface StoredInformationRequest {
  readonly id: string;
  readonly claimId: string;
  readonly recipient: InformationRecipient;
  readonly status: InformationRequestStatus;
  readonly dueOn: IsoDate;
}

/**
 * Information requests on the casework transaction. Free text (the question, a reply's summary, the reasons for
 * moving a due date or cancelling) is stored encrypted by the adapter, bound to the request.
 */
export abstract class InformationRequestStore {
  abstract insert(
    tx: CaseworkTransaction,
    request: {
      id: string;
      claimId: string;
      recipient: InformationRecipient;
      topic: string;
      question: string;
      requestedBy: string;
      requestedAt: Date;
      dueOn: IsoDate;
      workingDays: number;
    },
  ): Promise<void>;

  /** The request, locked, when it is one of this claim's; `null` for any other id (never says which). */
  abstract lock(tx: CaseworkTransaction, claimId: string, requestId: string): Promise<StoredInformationRequest | null>;

  /** Moves an open request's due date and keeps the change (old and new date, reason, who, when). */
  abstract moveDueDate(
    tx: CaseworkTransaction,
    change: {
      id: string;
      informationRequestId: string;
      claimId: string;
      previousDueOn: IsoDate;
      dueOn: IsoDate;
      reason: string;
      changedBy: string;
      at: Date;
    },
  ): Promise<void>;

  /** Marks a third party's request answered by the staff member who recorded the reply. */
  abstract recordReply(
    tx: CaseworkTransaction,
    reply: { id: string; summary: string; documentIds: readonly string[]; recordedBy: string; at: Date },
  ): Promise<void>;

  /** Cancels an open request (the database closes the service-level pause when it was the applicant's last). */
  abstract cancel(
    tx: CaseworkTransaction,
    cancellation: { id: string; reason: string; cancelledBy: string; at: Date },
  ): Promise<void>;

  /** Open requests to the applicant on the claim: they hold the assessment and stop the service-level clock. */
  abstract countOpenToApplicant(tx: CaseworkTransaction, claimId: string): Promise<number>;

  /** Which of these ids are documents on the claim (evidence sent with its application or its answers). */
  abstract documentsOnClaim(
    tx: CaseworkTransaction,
    claimId: string,
    documentIds: readonly string[],
  ): Promise<ReadonlySet<string>>;

  /** The claim's service-level clock as this transaction sees it: its due time and whether it is stopped. */
  abstract serviceLevel(tx: CaseworkTransaction, claimId: string): Promise<{ dueAt: Date | null; paused: boolean }>;
}
