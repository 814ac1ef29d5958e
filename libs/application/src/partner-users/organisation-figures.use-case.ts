import type { PartnerPrincipal } from '../referrals/authenticate-partner/authenticate-partner.use-case.js';

export interface OrganisationFiguresView {
  /** Referrals sent to the organisation (ever). */
  received: number;
  /** Of those, accepted (including those now in progress or closed after acceptance). */
  accepted: number;
  /** Median hours from sending to the first contact or progress recorded; null before any. */
  medianHoursToFirstContact: number | null;
}

/** The organisation's figures, computed from the referral table. */
export abstract class OrganisationFiguresStore {
  abstract figures(organisationId: string): Promise<OrganisationFiguresView>;
}

export class OrganisationFigures {
  constructor(private readonly store: OrganisationFiguresStore) {}

  execute(partner: PartnerPrincipal): Promise<OrganisationFiguresView> {
    return this.store.figures(partner.organisationId);
  }
}
