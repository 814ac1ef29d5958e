import {
  ageOn,
  calendarDateInUk,
  isIsoDate,
  type ApplicationAnswers,
  type Circumstance,
  type SupportNeed,
} from '@redress/domain';
import type { SafeContact } from './referral-ports.js';

/**
 * The answers of the application behind a claim, as referrals need them (decrypted by the adapter). `null` when
 * there is no such claim.
 */
export abstract class ClaimSupportAnswers {
  abstract forClaim(claimId: string): Promise<ApplicationAnswers | null>;
}

/** What the application says about support: only the parts it actually answers. */
export interface ApplicationSupportProfile {
  /** From the support-needs section; null when the section names no need. */
  readonly needs: SupportNeed[] | null;
  readonly circumstances: Circumstance[] | null;
  readonly age: number | null;
  readonly postcode: string | null;
  /** From the contact-preferences section (and the applicant's first name); null when it gives no usable channel. */
  readonly contact: SafeContact | null;
}

/**
 * Reads the support-needs and contact-preferences sections. The victim answered these on the application, so a
 * referral linked to their claim uses them in preference to anything typed again (docs/referrals.md, "Needs
 * from the application"). Safe contact details (`safeEmail`, `safePhone`) win over the everyday ones; post is
 * never a referral channel.
 */
export function applicationSupportProfile(answers: ApplicationAnswers, at: Date): ApplicationSupportProfile {
  const support = answers['support-needs'];
  const needs = support?.needs?.length ? [...new Set(support.needs)] : null;
  const circumstances = needs ? [...new Set(support?.circumstances ?? [])] : null;
  const applicant = answers.applicant;
  const dateOfBirth = applicant?.dateOfBirth;
  const age = isIsoDate(dateOfBirth) ? ageOn(dateOfBirth, calendarDateInUk(at)) : null;
  const postcode = applicant?.address?.postcode?.trim() || null;
  return { needs, circumstances, age, postcode, contact: contactFrom(answers) };
}

function contactFrom(answers: ApplicationAnswers): SafeContact | null {
  const preferences = answers['contact-preferences'];
  if (!preferences) return null;
  const safe = preferences.safeContact ?? {};
  const email = safe.safeEmail?.trim() || preferences.email?.trim() || null;
  const phone = safe.safePhone?.trim() || preferences.phone?.trim() || null;
  const available: Array<SafeContact['channels'][number]> = [];
  if (email) available.push('email');
  if (phone) available.push('phone', 'text');
  if (!available.length) return null;
  const preferred = preferences.method;
  const channels =
    preferred && preferred !== 'post' && available.includes(preferred)
      ? [preferred, ...available.filter((channel) => channel !== preferred)]
      : available;
  return {
    name: answers.applicant?.firstName?.trim() || 'the applicant',
    email,
    phone,
    channels,
    safeTimes: safe.safeTimes?.trim() || null,
    voicemailOk: safe.noVoicemail !== true,
    codeWord: null,
  };
}
