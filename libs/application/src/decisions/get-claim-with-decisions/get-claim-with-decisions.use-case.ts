import { Claim, isValidClaimReference, normaliseClaimReference } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound } from '../../claims/claim-changes.js';
import { ClaimQueries } from '../../claims/claim-store.js';
import { toClaimView, type ClaimView } from '../../claims/claim-view.js';
import {
  CitizenDecisionQueries,
  type CitizenDecisionView,
  type CitizenPaymentView,
} from '../citizen-decision-queries.js';
import type { GetClaimWithDecisionsCommand } from './get-claim-with-decisions.command.js';

export interface ClaimWithDecisionsView extends ClaimView {
  readonly decisions: readonly CitizenDecisionView[];
  readonly payments: readonly CitizenPaymentView[];
  readonly canAcceptAward: boolean;
}

/**
 * The citizen's claim view (the applications engineer's `toClaimView`) with what casework adds: every decision that
 * took effect, its kind, grounds, paragraphs, reasons and letter, and the payments. Information requests to the
 * police, a GP or a hospital are casework between the authority and them: the victim sees only those addressed to
 * the applicant (and the next step counts only those).
 */
export class GetClaimWithDecisions {
  constructor(
    private readonly claims: ClaimQueries,
    private readonly decisions: CitizenDecisionQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetClaimWithDecisionsCommand): Promise<ClaimWithDecisionsView> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const details = await this.claims.findOwned(normaliseClaimReference(command.reference), command.citizenId);
    if (!details) throw claimNotFound();
    const claimId = details.claim.id;
    const [toApplicant, decisions, payments] = await Promise.all([
      this.decisions.applicantRequestIds(claimId),
      this.decisions.decisions(claimId),
      this.decisions.payments(claimId),
    ]);
    const informationRequests = details.informationRequests.filter((request) => toApplicant.has(request.id));
    const view = toClaimView({ ...details, informationRequests }, command.citizenId, this.clock.now());
    const claim = Claim.rehydrate(details.claim);
    return {
      ...view,
      decisions,
      payments,
      canAcceptAward: claim.can('acceptAward', { kind: 'citizen', id: command.citizenId }),
    };
  }
}
