import { nextStepForCitizen } from '@redress/domain';
import { ClaimQueries, type ClaimSummary } from '../claim-store.js';
import type { ListClaimsCommand } from './list-claims.command.js';

/** The citizen's claims, newest first, each with what happens next. */
export class ListClaims {
  constructor(private readonly claims: ClaimQueries) {}

  async execute(command: ListClaimsCommand): Promise<Array<ClaimSummary & { nextStep: string }>> {
    const claims = await this.claims.listOwned(command.citizenId);
    return claims.map((claim) => ({
      ...claim,
      nextStep: nextStepForCitizen(claim.status, { openInformationRequests: claim.openInformationRequests }),
    }));
  }
}
