import { FieldEncryption } from '../referral-ports.js';
import type { ReferralState, SupportNeed } from '@redress/domain';
import { ReferralNotFoundError } from '../referral-errors.js';
import { ReferralStore, type PartnerReferralView, type ReferralProfile, type SafeContact } from '../referral-ports.js';
import { profileContext } from '../referral-support.js';

/**
 * What a partner organisation sees of a referral: the minimum it needs to contact the person safely and
 * offer help (name, safe contact details and preferences, needs, the person's short summary). Never the
 * claim, the circumstances, the age or the place.
 */
export interface PartnerReferral {
  id: string;
  serviceId: string;
  serviceName: string;
  status: ReferralState['status'];
  sentAt: Date | null;
  acknowledgeDueOn: string | null;
  acknowledgedAt: Date | null;
  declineReason: ReferralState['declineReason'];
  outcome: ReferralState['outcome'];
  person: { contact: SafeContact; needs: SupportNeed[]; summary: string | null };
}

function toPartnerReferral(view: PartnerReferralView, encryption: FieldEncryption): PartnerReferral {
  const { state } = view.stored;
  const profile = JSON.parse(
    encryption.decrypt(view.profileEncrypted, profileContext(view.stored.requestId)),
  ) as ReferralProfile;
  return {
    id: state.id,
    serviceId: view.stored.serviceId,
    serviceName: view.serviceName,
    status: state.status,
    sentAt: state.sentAt,
    acknowledgeDueOn: state.acknowledgeDueOn,
    acknowledgedAt: state.acknowledgedAt,
    declineReason: state.declineReason,
    outcome: state.outcome,
    person: { contact: profile.contact, needs: profile.needs, summary: profile.summary },
  };
}

/** The referrals sent to the calling organisation whose consent stands, newest first. */
export class ListPartnerReferrals {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
  ) {}

  async execute(command: { organisationId: string; limit: number }): Promise<PartnerReferral[]> {
    const views = await this.store.listForOrganisation(command.organisationId, command.limit);
    return views.map((view) => toPartnerReferral(view, this.encryption));
  }
}

export class GetPartnerReferral {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
  ) {}

  async execute(command: { organisationId: string; referralId: string }): Promise<PartnerReferral> {
    const view = await this.store.findForOrganisation(command.organisationId, command.referralId);
    if (!view) throw new ReferralNotFoundError();
    return toPartnerReferral(view, this.encryption);
  }
}
