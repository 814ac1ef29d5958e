import { randomUUID } from 'node:crypto';
import {
  currentConsentWording,
  DomainError,
  DomainErrorKind,
  matchServices,
  postcodeDistrict,
  prepareServices,
  Referral,
  type ServiceMatch,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseFileStore } from '../../staff/case-file.js';
import { AccessLog, canSee } from '../../staff/casework-store.js';
import { staffClaimNotFound } from '../../staff/staff-actor.js';
import { applicationSupportProfile } from '../claim-support-profile.js';
import { ConsentWordingOutdatedError } from '../referral-errors.js';
import {
  FieldEncryption,
  ReferralSettings,
  ReferralStore,
  SupportDirectory,
  type ReferralActor,
  type ReferralProfile,
  type StoredMatch,
} from '../referral-ports.js';
import { matchContext, profileContext, STAFF_RECORDED_CLOCK_SKEW_MS } from '../referral-support.js';
import type { ReferOnBehalfCommand } from './refer-on-behalf.command.js';

const unprocessable = (code: string, message: string, field?: string) =>
  new DomainError(code, DomainErrorKind.Unprocessable, message, field ? [{ field, message }] : []);

export interface ReferredOnBehalf {
  readonly requestId: string;
  /** The referral made with the recorded consent (consented; queued to be sent). */
  readonly referralId: string;
  readonly organisationId: string;
  readonly serviceId: string;
  readonly sendDueOn: string;
  /** The matcher's other suggestions, stored as proposals awaiting the victim's own consent. */
  readonly proposedReferralIds: string[];
  readonly needsFrom: 'application' | 'request';
}

/**
 * A caseworker refers the victim of a claim to a support organisation on their behalf, with the consent the
 * victim gave them by phone, in person or in writing (Victims' Code right 4; consent per organisation, as
 * docs/referrals.md). The needs and safe contact come from the claim's application. The consent is written to
 * the append-only ledger with how and when the victim gave it and the caseworker as recorder, and the referral
 * then follows the normal lifecycle: queued to be sent within 2 working days of the consent, and the partner told
 * by webhook when it is sent. Without consent nothing is written (422).
 */
export class ReferOnBehalf {
  constructor(
    private readonly claims: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly store: ReferralStore,
    private readonly directory: SupportDirectory,
    private readonly encryption: FieldEncryption,
    private readonly settings: ReferralSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReferOnBehalfCommand): Promise<ReferredOnBehalf> {
    const record = await this.claims.findClaim(command.reference);
    if (!record) throw staffClaimNotFound();
    const now = this.clock.now();
    const claimId = record.snapshot.id;
    if (!canSee(record, command.actor)) {
      await this.accessLog.recordRefused({ actor: command.actor, claimId, view: 'referral', at: now });
      throw staffClaimNotFound();
    }
    const consent = command.consent;
    if (!consent || consent.given !== true) {
      throw unprocessable(
        'referrals.consent-required',
        'A referral on the victim’s behalf needs their consent: record how and when they gave it.',
        'consent',
      );
    }
    const wording = currentConsentWording['support-referral'];
    if (consent.wordingVersion !== wording.version) throw new ConsentWordingOutdatedError(wording.version);
    if (consent.givenAt.getTime() > now.getTime() + STAFF_RECORDED_CLOCK_SKEW_MS) {
      throw new DomainError(
        'referrals.consent-in-future',
        DomainErrorKind.InvalidInput,
        'Consent cannot be dated in the future.',
        [{ field: 'consent.givenAt', message: 'must not be in the future' }],
      );
    }

    const fromApplication = applicationSupportProfile(await this.claims.answers(record.snapshot.applicationId), now);
    const needs = fromApplication.needs ?? command.needs;
    if (!needs?.length) {
      throw unprocessable(
        'referrals.no-support-needs',
        'The application names no support needs: give the needs the victim told you about.',
        'needs',
      );
    }
    if (!fromApplication.contact) {
      throw unprocessable(
        'referrals.no-safe-contact',
        'The application gives no email or phone number to reach the victim safely: update their contact preferences first.',
      );
    }
    const profile: ReferralProfile = {
      needs,
      circumstances: fromApplication.needs ? (fromApplication.circumstances ?? []) : (command.circumstances ?? []),
      age: fromApplication.age,
      location: {
        localAuthorityCode: null,
        postcodeDistrict: fromApplication.postcode ? postcodeDistrict(fromApplication.postcode) : null,
      },
      contact: fromApplication.contact,
      summary: command.summary,
    };

    // The same ranking as the victim's own proposals; the chosen service must be one the matcher accepts
    // (meets a need, covers the area, takes people of this age and circumstances), whatever its rank.
    const ranked = matchServices(profile, prepareServices(await this.directory.candidateServices(profile.location)));
    const chosenIndex = ranked.findIndex((match) =>
      command.serviceId ? match.serviceId === command.serviceId : match.organisationId === consent.organisationId,
    );
    const chosen = ranked[chosenIndex];
    if (!chosen) {
      throw unprocessable(
        command.serviceId ? 'referrals.service-not-suitable' : 'referrals.no-matching-service',
        command.serviceId
          ? 'That service does not fit the victim’s needs, area, age or circumstances, or is not in the directory.'
          : 'No service of that organisation fits the victim’s needs, area, age or circumstances.',
        command.serviceId ? 'serviceId' : 'consent.organisationId',
      );
    }
    if (chosen.organisationId !== consent.organisationId) {
      throw unprocessable(
        'referrals.consent-other-organisation',
        'The victim’s consent is for another organisation than the one of this service.',
        'consent.organisationId',
      );
    }
    const others = ranked
      .slice(0, this.settings.proposals)
      .map((match, index) => ({ match, rank: index + 1 }))
      .filter(({ match }) => match.serviceId !== chosen.serviceId);
    const actor: ReferralActor = { type: 'staff', id: command.actor.staffId };
    const requestId = randomUUID();

    return this.store.transaction(async (transaction) => {
      await transaction.insertRequest({
        id: requestId,
        citizenId: record.snapshot.ownerCitizenId,
        claimId,
        profileEncrypted: this.encryption.encrypt(JSON.stringify(profile), profileContext(requestId)),
        createdAt: now,
      });
      const insert = async (match: ServiceMatch, rank: number) => {
        const id = randomUUID();
        const stored: StoredMatch = { needsMet: [...match.needsMet], reasons: [...match.reasons] };
        await transaction.insertReferral({
          id,
          requestId,
          citizenId: record.snapshot.ownerCitizenId,
          claimId,
          organisationId: match.organisationId,
          serviceId: match.serviceId,
          replacesReferralId: null,
          rank,
          score: match.score,
          matchEncrypted: this.encryption.encrypt(JSON.stringify(stored), matchContext(id)),
          createdAt: now,
        });
        return id;
      };
      const referralId = await insert(chosen, chosenIndex + 1);
      const proposedReferralIds: string[] = [];
      for (const { match, rank } of others) proposedReferralIds.push(await insert(match, rank));
      await transaction.audit({
        actor,
        action: 'referral.proposed',
        targetType: 'referral',
        targetId: requestId,
        details: {
          proposals: proposedReferralIds.length + 1,
          claimId,
          onBehalf: true,
          needsFrom: fromApplication.needs ? 'application' : 'request',
          contactFrom: 'application',
        },
        occurredAt: now,
      });

      // The consent lock, then the referral's (the lock order every consent path keeps).
      const locked = await transaction.lockReferralWithConsent(referralId, 'support-referral');
      if (!locked) throw new Error(`referral ${referralId} vanished inside its own transaction`);
      const { stored } = locked;
      const referral = Referral.restore(stored.state);
      // Right 4 runs from when the victim consented, not from when it was typed in.
      referral.consent(consent.givenAt, this.settings.calendar, this.settings.clocks);
      // Always a new entry, even if an earlier consent stands: it is the evidence of this consent, how and when the
      // victim gave it, and who took it.
      await transaction.appendConsent({
        id: randomUUID(),
        citizenId: stored.citizenId,
        organisationId: stored.organisationId,
        purpose: 'support-referral',
        action: 'given',
        wordingVersion: wording.version,
        referralId,
        actor: { type: 'staff', id: command.actor.staffId },
        method: consent.method,
        givenAt: consent.givenAt,
        recordedByStaffId: command.actor.staffId,
        recordedAt: now,
      });
      const consentDetails = { method: consent.method, givenAt: consent.givenAt.toISOString() };
      await transaction.audit({
        actor,
        action: 'referral-consent.given',
        targetType: 'referral-consent',
        targetId: stored.organisationId,
        details: {
          purpose: 'support-referral',
          wordingVersion: wording.version,
          referralId,
          claimId,
          ...consentDetails,
        },
        occurredAt: now,
      });
      // The method and time of consent go with the referral's own history too (as they are in the ledger).
      const events = referral.events.map((event) =>
        event.type === 'referral.consented' ? { ...event, details: { ...event.details, ...consentDetails } } : event,
      );
      await transaction.saveReferral(stored, referral.state, now);
      await transaction.appendEvents(events, actor);
      for (const event of events) {
        await transaction.audit({
          actor,
          action: event.type,
          targetType: 'referral',
          targetId: referralId,
          details: { ...event.details },
          occurredAt: now,
        });
      }
      await transaction.enqueue('referrals.send', { referralId }, `referral:${referralId}`, now);
      return {
        requestId,
        referralId,
        organisationId: chosen.organisationId,
        serviceId: chosen.serviceId,
        sendDueOn: referral.state.sendDueOn!,
        proposedReferralIds,
        needsFrom: fromApplication.needs ? ('application' as const) : ('request' as const),
      };
    });
  }
}
