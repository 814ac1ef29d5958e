import type { LocalSinkNotifier } from '@redress/platform';
import { TOTP } from 'otpauth';

/**
 * The code of a TOTP secret as an authenticator app shows it now, or `steps` 30-second steps later (the API accepts
 * one step of drift, and each step once: a test signing in twice in one step uses the next step's code).
 */
export function totpCode(secret: string, steps = 0): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** The last partner sign-in code the caseworker API "emailed" to an address. */
export function lastPartnerCode(sink: LocalSinkNotifier, email: string): string {
  const message = sink.lastEmailTo(email);
  if (!message || message.personalisation.code === undefined) throw new Error(`no code was sent to ${email}`);
  return String(message.personalisation.code);
}
