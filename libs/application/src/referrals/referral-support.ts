import { FieldEncryption } from './referral-ports.js';
import { randomUUID } from 'node:crypto';
import { matchServices, prepareServices, Referral, type ReferralEvent } from '@redress/domain';
import type {
  ReferralActor,
  ReferralProfile,
  ReferralTransaction,
  StoredMatch,
  StoredReferral,
  SupportDirectory,
} from './referral-ports.js';

/** Encryption contexts: a value copied to another row fails to decrypt. */
export const profileContext = (requestId: string) => `referral-request:${requestId}:profile`;
export const matchContext = (referralId: string) => `referral:${referralId}:match`;
export const noteContext = (referralId: string) => `referral:${referralId}:note`;

/**
 * How far ahead of our clock a member of staff may date what the victim told them (consent given or withdrawn: the
 * caseworker's watch may run fast), never more. The ledger's CHECK `referral_consent_given_at` allows the same.
 */
export const STAFF_RECORDED_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Events that are pushed to the partner by webhook (the ones that change what the partner holds). */
const partnerEvents = new Set<ReferralEvent['type']>(['referral.sent', 'referral.withdrawn', 'referral.expired']);

/**
 * Saves the aggregate's new state, its events and audit entries, and pushes partner events by webhook. `eventDetails`
 * (ids and codes only) are added to each event's own details, as stored and audited.
 */
export async function persistReferral(
  transaction: ReferralTransaction,
  stored: StoredReferral,
  referral: Referral,
  actor: ReferralActor,
  at: Date,
  noteEncrypted: string | null = null,
  eventDetails: Readonly<Record<string, string>> = {},
): Promise<void> {
  const events = referral.events.map((event) => ({ ...event, details: { ...event.details, ...eventDetails } }));
  await transaction.saveReferral(stored, referral.state, at);
  await transaction.appendEvents(events, actor, noteEncrypted);
  for (const event of events) {
    await transaction.audit({
      actor,
      action: event.type,
      targetType: 'referral',
      targetId: stored.state.id,
      details: { ...event.details },
      occurredAt: at,
    });
    // A partner hears only of referrals it was sent.
    if (partnerEvents.has(event.type) && referral.state.sentAt)
      await transaction.queueWebhook(event, stored.organisationId);
  }
}

/**
 * "No dead-end referrals": after a decline or expiry, offer the next best service of the same request,
 * never one already offered in it. Answers the new referral's id, or null when nothing else fits.
 */
export async function offerNextBestMatch(
  transaction: ReferralTransaction,
  directory: SupportDirectory,
  encryption: FieldEncryption,
  previous: StoredReferral,
  at: Date,
): Promise<string | null> {
  const request = await transaction.requestProfile(previous.requestId);
  const profile = JSON.parse(
    encryption.decrypt(request.profileEncrypted, profileContext(previous.requestId)),
  ) as ReferralProfile;
  const offered = await transaction.offeredInRequest(previous.requestId);
  const services = prepareServices(await directory.candidateServices(profile.location));
  const [next] = matchServices(
    {
      needs: profile.needs,
      circumstances: profile.circumstances,
      age: profile.age,
      location: profile.location,
      excludeServiceIds: offered.serviceIds,
      excludeOrganisationIds: offered.organisationIds,
      limit: 1,
    },
    services,
  );
  if (!next) return null;
  const id = randomUUID();
  const match: StoredMatch = { needsMet: [...next.needsMet], reasons: [...next.reasons] };
  await transaction.insertReferral({
    id,
    requestId: previous.requestId,
    citizenId: previous.citizenId,
    claimId: previous.claimId,
    organisationId: next.organisationId,
    serviceId: next.serviceId,
    replacesReferralId: previous.state.id,
    rank: previous.rank + 1,
    score: next.score,
    matchEncrypted: encryption.encrypt(JSON.stringify(match), matchContext(id)),
    createdAt: at,
  });
  await transaction.audit({
    actor: { type: 'system', id: null },
    action: 'referral.proposed',
    targetType: 'referral',
    targetId: id,
    details: { replaces: previous.state.id, serviceId: next.serviceId },
    occurredAt: at,
  });
  return id;
}
