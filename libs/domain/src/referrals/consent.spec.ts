import { consentWordingFor, currentConsentWording, liveConsents } from '@redress/domain';

describe('consent', () => {
  it('names the organisation in the words and carries their version', () => {
    const wording = consentWordingFor('support-referral', 'Example Support North');
    expect(wording.text).toContain('Example Support North');
    expect(wording.text).not.toContain('{organisation}');
    expect(wording.version).toBe(currentConsentWording['support-referral'].version);
  });

  it('takes the latest ledger entry per organisation and purpose as the live answer', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 12, minute));
    const base = { purpose: 'support-referral' as const, wordingVersion: 'v1' };
    const live = liveConsents([
      { ...base, organisationId: 'b', action: 'withdrawn', recordedAt: at(5) },
      { ...base, organisationId: 'a', action: 'given', recordedAt: at(1) },
      { ...base, organisationId: 'b', action: 'given', recordedAt: at(2) },
      { ...base, organisationId: 'c', action: 'given', recordedAt: at(3) },
      { ...base, organisationId: 'c', action: 'withdrawn', recordedAt: at(4) },
      { ...base, organisationId: 'c', action: 'given', recordedAt: at(6) },
    ]);
    expect(live.map((entry) => entry.organisationId).sort()).toEqual(['a', 'c']);
  });
});
