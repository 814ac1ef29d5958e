import type { ReferralState } from '@redress/domain';
import { FixedClock } from '../../ports/clock.js';
import type { PartnerPrincipal } from '../authenticate-partner/authenticate-partner.use-case.js';
import { PartnerAccessLog } from '../partner-access-ports.js';
import { ReferralNotFoundError } from '../referral-errors.js';
import type {
  FieldEncryption,
  PartnerReferralView,
  PartnerRefusalReason,
  ReferralProfile,
  ReferralStore,
} from '../referral-ports.js';
import { GetPartnerReferral, ListPartnerReferrals } from './list-partner-referrals.use-case.js';

const at = new Date('2026-12-01T12:00:00Z');
const partner: PartnerPrincipal = { organisationId: 'org-a', credentialId: 'credential-1' };
const profile: ReferralProfile = {
  needs: ['feeling-safe'],
  circumstances: [],
  age: 30,
  location: { localAuthorityCode: null, postcodeDistrict: 'NW1' },
  contact: {
    name: 'Sam',
    email: 'sam@example.test',
    phone: null,
    channels: ['email'],
    safeTimes: null,
    voicemailOk: false,
    codeWord: null,
  },
  summary: null,
};

function view(id: string): PartnerReferralView {
  const state = {
    id,
    status: 'sent',
    consentedAt: at,
    sendDueOn: '2026-12-03',
    sentAt: at,
    sendBreachedAt: null,
    acknowledgeDueOn: '2026-12-08',
    acknowledgedAt: null,
    decidedAt: null,
    declineReason: null,
    startedAt: null,
    closedAt: null,
    outcome: null,
    withdrawnAt: null,
    expiredAt: null,
  } as ReferralState;
  return {
    stored: {
      state,
      requestId: `request-${id}`,
      citizenId: 'citizen-1',
      claimId: null,
      organisationId: partner.organisationId,
      serviceId: 'service-1',
      replacesReferralId: null,
      rank: 1,
      score: 1000,
      matchEncrypted: 'match',
      version: 1,
      createdAt: at,
    },
    serviceName: 'Service',
    profileEncrypted: 'profile',
  };
}

/** Records, in order, what the use case did: reads of the store, the access log, and each decryption. */
function harness(options: { views?: PartnerReferralView[]; failLog?: boolean } = {}) {
  const steps: string[] = [];
  const views = options.views ?? [view('r-1'), view('r-2')];
  const store = {
    listForOrganisation: async () => {
      steps.push('list');
      return views;
    },
    findForOrganisation: async (_organisationId: string, referralId: string) => {
      steps.push('find');
      return views.find((candidate) => candidate.stored.state.id === referralId) ?? null;
    },
    partnerRefusalReason: async (): Promise<PartnerRefusalReason> => 'other-organisation',
  } as unknown as ReferralStore;
  const encryption: FieldEncryption = {
    encrypt: (plaintext) => plaintext,
    decrypt: () => {
      steps.push('decrypt');
      return JSON.stringify(profile);
    },
  };
  const logged: unknown[] = [];
  const accessLog = new (class extends PartnerAccessLog {
    async recordRead(entry: Parameters<PartnerAccessLog['recordRead']>[0]) {
      steps.push('log');
      if (options.failLog) throw new Error('audit log unavailable');
      logged.push({ kind: 'read', ...entry });
    }
    async recordRefused(entry: Parameters<PartnerAccessLog['recordRefused']>[0]) {
      steps.push('log-refused');
      if (options.failLog) throw new Error('audit log unavailable');
      logged.push({ kind: 'refused', ...entry });
    }
  })();
  const clock = new FixedClock(at);
  return {
    steps,
    logged,
    list: new ListPartnerReferrals(store, encryption, accessLog, clock),
    get: new GetPartnerReferral(store, encryption, accessLog, clock),
  };
}

describe('partner reads and the access log', () => {
  it('logs the list read, with the ids returned, before decrypting anything', async () => {
    const { steps, logged, list } = harness();
    const referrals = await list.execute({ partner, limit: 100 });
    expect(referrals.map((referral) => referral.id)).toEqual(['r-1', 'r-2']);
    expect(steps).toEqual(['list', 'log', 'decrypt', 'decrypt']);
    expect(logged).toEqual([{ kind: 'read', partner, view: 'list', referralIds: ['r-1', 'r-2'], at }]);
  });

  it('returns nothing when the access log cannot be written', async () => {
    const { steps, list, get } = harness({ failLog: true });
    await expect(list.execute({ partner, limit: 100 })).rejects.toThrow('audit log unavailable');
    await expect(get.execute({ partner, referralId: 'r-1' })).rejects.toThrow('audit log unavailable');
    expect(steps).not.toContain('decrypt');
  });

  it('logs one referral read before decrypting it', async () => {
    const { steps, logged, get } = harness();
    const referral = await get.execute({ partner, referralId: 'r-2' });
    expect(referral.person?.contact.name).toBe('Sam');
    expect(steps).toEqual(['find', 'log', 'decrypt']);
    expect(logged).toEqual([{ kind: 'read', partner, view: 'referral', referralIds: ['r-2'], at }]);
  });

  it('logs a refused read with its reason and answers not found', async () => {
    const { steps, logged, get } = harness();
    await expect(get.execute({ partner, referralId: 'r-9' })).rejects.toBeInstanceOf(ReferralNotFoundError);
    expect(steps).toEqual(['find', 'log-refused']);
    expect(logged).toEqual([{ kind: 'refused', partner, referralId: 'r-9', reason: 'other-organisation', at }]);
  });
});
