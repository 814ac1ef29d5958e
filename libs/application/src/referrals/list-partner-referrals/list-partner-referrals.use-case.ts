import { FieldEncryption } from '../referral-ports.js';
import type { ReferralState, SupportNeed } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import type { PartnerPrincipal } from '../authenticate-partner/authenticate-partner.use-case.js';
import { PartnerAccessLog } from '../partner-access-ports.js';
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
  /** Victims' Code right 4: when the person consented, the day it had to be sent by, and whether it was late. */
  consentedAt: Date | null;
  sendDueOn: string | null;
  sentLate: boolean;
  closedAt: Date | null;
  declineReason: ReferralState['declineReason'];
  outcome: ReferralState['outcome'];
  /** `null` once a declined or closed referral ended longer ago than the configured number of days. */
  person: { contact: SafeContact; needs: SupportNeed[]; summary: string | null } | null;
}

/** How long a partner still sees the person's details after a referral it declined or closed ended. */
export class PartnerReferralSettings {
  endedPersonDays = 30;
}

/** Whether the referral ended (declined or closed) at least `days` days before `now`. */
function endedLongAgo(state: ReferralState, now: Date, days: number): boolean {
  const endedAt = state.status === 'declined' ? state.decidedAt : state.status === 'closed' ? state.closedAt : null;
  return endedAt !== null && now.getTime() - endedAt.getTime() >= days * 24 * 3600 * 1000;
}

function toPartnerReferral(
  view: PartnerReferralView,
  encryption: FieldEncryption,
  now: Date,
  settings: PartnerReferralSettings,
): PartnerReferral {
  const { state } = view.stored;
  const withheld = endedLongAgo(state, now, settings.endedPersonDays);
  const profile = withheld
    ? null
    : (JSON.parse(encryption.decrypt(view.profileEncrypted, profileContext(view.stored.requestId))) as ReferralProfile);
  return {
    id: state.id,
    serviceId: view.stored.serviceId,
    serviceName: view.serviceName,
    status: state.status,
    sentAt: state.sentAt,
    acknowledgeDueOn: state.acknowledgeDueOn,
    acknowledgedAt: state.acknowledgedAt,
    consentedAt: state.consentedAt,
    sendDueOn: state.sendDueOn,
    sentLate: state.sendBreachedAt !== null,
    closedAt: state.closedAt,
    declineReason: state.declineReason,
    outcome: state.outcome,
    person: profile ? { contact: profile.contact, needs: profile.needs, summary: profile.summary } : null,
  };
}

/**
 * The referrals sent to the calling organisation whose consent stands, newest first. The read is written to the
 * audit log (`referral.read`, view `list`, with how many and which referrals, ids only) before anything is returned.
 */
export class ListPartnerReferrals {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
    private readonly accessLog: PartnerAccessLog,
    private readonly clock: Clock,
    private readonly settings: PartnerReferralSettings = new PartnerReferralSettings(),
  ) {}

  async execute(command: { partner: PartnerPrincipal; limit: number }): Promise<PartnerReferral[]> {
    const views = await this.store.listForOrganisation(command.partner.organisationId, command.limit);
    const now = this.clock.now();
    await this.accessLog.recordRead({
      partner: command.partner,
      view: 'list',
      referralIds: views.map((view) => view.stored.state.id),
      at: now,
    });
    return views.map((view) => toPartnerReferral(view, this.encryption, now, this.settings));
  }
}

/**
 * One referral sent to the calling organisation, while consent stands. The read is written to the audit log
 * (`referral.read`, view `referral`) before anything is returned; a referral the organisation may not see is
 * "not found" whatever the reason (another organisation's, consent withdrawn, not sent, none), and the refused
 * attempt is logged (`referral.access-refused`, with the reason, for staff eyes only).
 */
export class GetPartnerReferral {
  constructor(
    private readonly store: ReferralStore,
    private readonly encryption: FieldEncryption,
    private readonly accessLog: PartnerAccessLog,
    private readonly clock: Clock,
    private readonly settings: PartnerReferralSettings = new PartnerReferralSettings(),
  ) {}

  async execute(command: { partner: PartnerPrincipal; referralId: string }): Promise<PartnerReferral> {
    const { partner, referralId } = command;
    const view = await this.store.findForOrganisation(partner.organisationId, referralId);
    const at = this.clock.now();
    if (!view) {
      const reason = await this.store.partnerRefusalReason(partner.organisationId, referralId);
      await this.accessLog.recordRefused({ partner, referralId, reason, at });
      throw new ReferralNotFoundError();
    }
    await this.accessLog.recordRead({ partner, view: 'referral', referralIds: [view.stored.state.id], at });
    return toPartnerReferral(view, this.encryption, at, this.settings);
  }
}
