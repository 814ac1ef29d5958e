import { isValidClaimReference, normaliseClaimReference } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { claimNotFound } from '../claim-changes.js';
import { ClaimQueries } from '../claim-store.js';
import { toClaimView, type ClaimView } from '../claim-view.js';
import type { GetClaimCommand } from './get-claim.command.js';

/** One of the citizen's claims: status, timeline in plain words, open requests with due dates, documents, next step. */
export class GetClaim {
  constructor(
    private readonly claims: ClaimQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetClaimCommand): Promise<ClaimView> {
    // A reference with a wrong check character is refused without a look-up.
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const details = await this.claims.findOwned(normaliseClaimReference(command.reference), command.citizenId);
    if (!details) throw claimNotFound();
    return toClaimView(details, command.citizenId, this.clock.now());
  }
}
