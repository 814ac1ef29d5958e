import { FieldEncryption } from '../referral-ports.js';
import { randomUUID } from 'node:crypto';
import { matchServices, postcodeDistrict, prepareServices } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ClaimNotFoundError } from '../referral-errors.js';
import {
  ReferralSettings,
  ReferralStore,
  SupportDirectory,
  type ReferralProfile,
  type StoredMatch,
} from '../referral-ports.js';
import { matchContext, profileContext } from '../referral-support.js';
import { applicationSupportProfile, ClaimSupportAnswers } from '../claim-support-profile.js';
import type { ProposeReferralsCommand } from './propose-referrals.command.js';

/**
 * Matches the victim's needs against the directory and proposes the best few services. Nothing is shared
 * with anyone yet: each proposal waits for the victim's explicit consent.
 */
export class ProposeReferrals {
  constructor(
    private readonly store: ReferralStore,
    private readonly directory: SupportDirectory,
    private readonly encryption: FieldEncryption,
    private readonly settings: ReferralSettings,
    private readonly clock: Clock,
    /** Optional so the use case runs without a claim store (tests, tools); the citizen API always gives it. */
    private readonly claimAnswers?: ClaimSupportAnswers,
  ) {}

  async execute(command: ProposeReferralsCommand): Promise<{ requestId: string; referralIds: string[] }> {
    if (command.claimId && !(await this.store.claimBelongsTo(command.claimId, command.citizenId))) {
      throw new ClaimNotFoundError();
    }
    const now = this.clock.now();
    // A claim's application already says what help the victim wants and how to reach them safely: its
    // support-needs and contact-preferences sections win over what the request repeats.
    const answers = command.claimId && this.claimAnswers ? await this.claimAnswers.forClaim(command.claimId) : null;
    const fromApplication = answers ? applicationSupportProfile(answers, now) : null;
    const needsFromApplication = fromApplication?.needs ?? null;
    const applicationContact = fromApplication?.contact ?? null;
    const profile: ReferralProfile = {
      needs: needsFromApplication ?? command.needs,
      circumstances: needsFromApplication ? (fromApplication?.circumstances ?? []) : command.circumstances,
      age: command.age ?? fromApplication?.age ?? null,
      location: {
        localAuthorityCode: command.localAuthorityCode,
        postcodeDistrict: command.postcode ? postcodeDistrict(command.postcode) : null,
      },
      contact: applicationContact
        ? { ...applicationContact, name: command.contact.name, codeWord: command.contact.codeWord }
        : command.contact,
      summary: command.summary,
    };
    const services = prepareServices(await this.directory.candidateServices(profile.location));
    const matches = matchServices({ ...profile, limit: this.settings.proposals }, services);
    const requestId = randomUUID();
    return this.store.transaction(async (transaction) => {
      await transaction.insertRequest({
        id: requestId,
        citizenId: command.citizenId,
        claimId: command.claimId,
        profileEncrypted: this.encryption.encrypt(JSON.stringify(profile), profileContext(requestId)),
        createdAt: now,
      });
      const referralIds: string[] = [];
      for (const [index, match] of matches.entries()) {
        const id = randomUUID();
        const stored: StoredMatch = { needsMet: [...match.needsMet], reasons: [...match.reasons] };
        await transaction.insertReferral({
          id,
          requestId,
          citizenId: command.citizenId,
          claimId: command.claimId,
          organisationId: match.organisationId,
          serviceId: match.serviceId,
          replacesReferralId: null,
          rank: index + 1,
          score: match.score,
          matchEncrypted: this.encryption.encrypt(JSON.stringify(stored), matchContext(id)),
          createdAt: now,
        });
        referralIds.push(id);
      }
      await transaction.audit({
        actor: { type: 'citizen', id: command.citizenId },
        action: 'referral.proposed',
        targetType: 'referral',
        targetId: requestId,
        details: {
          proposals: referralIds.length,
          needsFrom: needsFromApplication ? 'application' : 'request',
          contactFrom: applicationContact ? 'application' : 'request',
        },
        occurredAt: now,
      });
      return { requestId, referralIds };
    });
  }
}
