import type { LocalSinkNotifier } from '@redress/platform';
import { TOTP } from 'otpauth';

/** The current code of a TOTP secret, as an authenticator app would show it. */
export function totpCode(secret: string): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** The last partner sign-in code the caseworker API "emailed" to an address. */
export function lastPartnerCode(sink: LocalSinkNotifier, email: string): string {
  const message = sink.lastEmailTo(email);
  if (!message || message.personalisation.code === undefined) throw new Error(`no code was sent to ${email}`);
  return String(message.personalisation.code);
}
