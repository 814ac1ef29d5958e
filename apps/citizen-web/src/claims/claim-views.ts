/**
 * The citizen API's claim answers as these pages read them (`GET /v1/claims`, `GET /v1/claims/{reference}`).
 * The OpenAPI document describes these answers without a schema, so their shape is written here once.
 */

export interface ClaimSummaryView {
  reference: string;
  status: string;
  submittedAt: string | null;
  statusChangedAt: string;
  openInformationRequests: number;
}

export interface InformationRequestView {
  id: string;
  topic: string;
  question: string;
  requestedAt: string;
  dueOn: string;
  status: string;
  answeredAt: string | null;
  answer: string | null;
}

export interface DecisionView {
  id: string;
  kind: string;
  amountPence: number | null;
  grounds: string[];
  paragraphs: string[];
  reasons: string;
  decidedOn: string;
  madeOnReview: boolean;
  inForce: boolean;
  letter: { id: string; contentType: string; sizeBytes: number; pages: number } | null;
}

export interface ClaimDetailView {
  reference: string;
  status: string;
  submittedAt: string | null;
  statusChangedAt: string;
  timeline: Array<{ at: string; event: string; description: string }>;
  openInformationRequests: InformationRequestView[];
  answeredInformationRequests: InformationRequestView[];
  documents: Array<{ id: string; fileName: string; uploadedAt: string }>;
  decision: {
    outcome: string;
    awardPence: number | null;
    decidedOn: string;
    madeOnReview: boolean;
    reviewRequestDeadline: string | null;
  } | null;
  decisions: DecisionView[];
  payments: Array<{ kind: string; amountPence: number; status: string; requestedAt: string }>;
  nextStep: string;
  canWithdraw: boolean;
  canRequestReview: boolean;
  canAcceptAward: boolean;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
