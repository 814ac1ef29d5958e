import {
  calendarDateInUk,
  Claim,
  describeClaimEventForCitizen,
  isClaimEventForCitizen,
  nextStepForCitizen,
  REVIEW_REQUEST_DAYS,
  addDays,
  type ClaimStatus,
  type DecisionOutcome,
} from '@redress/domain';
import type { ClaimDetails, ClaimDocumentView, InformationRequestView } from './claim-store.js';

export interface ClaimView {
  readonly reference: string;
  readonly status: ClaimStatus;
  readonly submittedAt: Date | null;
  readonly statusChangedAt: Date;
  readonly timeline: readonly { readonly at: Date; readonly event: string; readonly description: string }[];
  readonly openInformationRequests: readonly InformationRequestView[];
  readonly answeredInformationRequests: readonly InformationRequestView[];
  readonly documents: readonly ClaimDocumentView[];
  readonly decision: {
    readonly outcome: DecisionOutcome;
    readonly awardPence: number | null;
    readonly decidedOn: string;
    readonly madeOnReview: boolean;
    /** The last day a review can be asked for; `null` for a decision made on review (appeal instead). */
    readonly reviewRequestDeadline: string | null;
  } | null;
  readonly nextStep: string;
  readonly canWithdraw: boolean;
  readonly canRequestReview: boolean;
}

export function toClaimView(details: ClaimDetails, citizenId: string, now: Date): ClaimView {
  const claim = Claim.rehydrate(details.claim);
  const citizen = { kind: 'citizen' as const, id: citizenId };
  const open = details.informationRequests.filter((request) => request.status === 'open');
  const decision = details.claim.decision;
  const reviewRequestDeadline =
    decision && !decision.isReview ? addDays(decision.decidedOn, REVIEW_REQUEST_DAYS) : null;
  return {
    reference: details.claim.reference,
    status: details.claim.status,
    submittedAt: details.claim.submittedAt,
    statusChangedAt: details.claim.statusChangedAt,
    // Events about requests to the police, a GP or a hospital are casework, not the victim's (isClaimEventForCitizen).
    timeline: details.events.filter(isClaimEventForCitizen).flatMap((event) => {
      const description = describeClaimEventForCitizen(event);
      return description === null ? [] : [{ at: event.occurredAt, event: event.type, description }];
    }),
    openInformationRequests: open,
    answeredInformationRequests: details.informationRequests.filter((request) => request.status === 'answered'),
    documents: details.documents,
    decision: decision
      ? {
          outcome: decision.outcome,
          awardPence: decision.awardPence,
          decidedOn: decision.decidedOn,
          madeOnReview: decision.isReview,
          reviewRequestDeadline,
        }
      : null,
    nextStep: nextStepForCitizen(details.claim.status, { openInformationRequests: open.length }),
    canWithdraw: claim.can('withdraw', citizen),
    canRequestReview:
      claim.can('requestReview', citizen) &&
      reviewRequestDeadline !== null &&
      calendarDateInUk(now) <= reviewRequestDeadline,
  };
}
