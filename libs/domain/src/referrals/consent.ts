/**
 * Consent to share a victim's details with a support organisation: given per organisation and per
 * purpose, explicitly (never pre-ticked), recorded with the version of the words the victim saw, and
 * withdrawable at any time (Victims' Code right 4: referral needs explicit consent where the crime is a
 * sexual offence, domestic abuse or a bereavement; we ask everyone).
 */
export const consentPurposes = ['support-referral'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export interface ConsentWording {
  readonly purpose: ConsentPurpose;
  readonly version: string;
  /** `{organisation}` is replaced by the organisation's name. */
  readonly text: string;
}

/** The words shown now. A new version of the words gets a new version string; old ones stay in the ledger. */
export const currentConsentWording: Record<ConsentPurpose, ConsentWording> = {
  'support-referral': {
    purpose: 'support-referral',
    version: 'support-referral/2026-11-01',
    text:
      'I agree that Redress may share my name, how to contact me safely, the kinds of help I asked for and my ' +
      'short summary with {organisation}, so that they can contact me to offer support. They will not see my ' +
      'compensation claim. I can withdraw this at any time, and they will then lose access straight away.',
  },
};

export function consentWordingFor(purpose: ConsentPurpose, organisationName: string): ConsentWording {
  const wording = currentConsentWording[purpose];
  return { ...wording, text: wording.text.replace('{organisation}', organisationName) };
}

export type ConsentAction = 'given' | 'withdrawn';

export interface ConsentLedgerEntry {
  readonly organisationId: string;
  readonly purpose: ConsentPurpose;
  readonly action: ConsentAction;
  readonly wordingVersion: string;
  readonly recordedAt: Date;
}

/** Live consent: for each organisation and purpose, the latest entry of the ledger says whether it stands. */
export function liveConsents(ledger: readonly ConsentLedgerEntry[]): ConsentLedgerEntry[] {
  const latest = new Map<string, ConsentLedgerEntry>();
  for (const entry of [...ledger].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())) {
    latest.set(`${entry.organisationId}|${entry.purpose}`, entry);
  }
  return [...latest.values()].filter((entry) => entry.action === 'given');
}
