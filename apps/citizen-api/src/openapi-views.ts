// The bodies of the citizen API's answers that no DTO class describes, as TypeScript types over the use cases'
// own results. `npm run openapi` turns each exported type into a schema in the document's `components`
// (ts-json-schema-generator), and the routes refer to them by name with `@ApiView`.
import type {
  ClaimSummary,
  ClaimWithDecisionsView,
  EvidenceDocumentView,
  SubjectAccessReport,
} from '@redress/application';
import type { ClaimStatus } from '@redress/domain';

/** Your claims, newest first, each with what happens next. */
export interface ClaimList {
  claims: Array<ClaimSummary & { nextStep: string }>;
}

/** One of your claims, as you see it. */
export type CitizenClaim = ClaimWithDecisionsView;

/** A claim's reference and its status after your action. */
export interface ClaimStatusChange {
  reference: string;
  status: ClaimStatus;
}

/** A review asked for: the claim's status and the request's id. */
export interface ReviewRequested extends ClaimStatusChange {
  /** @format uuid */
  reviewRequestId: string;
}

/** Everything Redress holds about you (UK GDPR article 15). */
export type SubjectAccessExport = SubjectAccessReport;

/** A piece of evidence you sent. */
export type EvidenceDocument = EvidenceDocumentView;

/** The evidence sent with an application. */
export interface EvidenceDocumentList {
  documents: EvidenceDocumentView[];
}
