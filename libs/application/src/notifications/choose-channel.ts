import type { ClaimContact } from './notification-ports.js';

export type ChosenChannel =
  | { readonly channel: 'email'; readonly emailAddress: string }
  | { readonly channel: 'sms'; readonly phoneNumber: string }
  | { readonly channel: null; readonly reason: string };

/**
 * Where a claim update may safely go, from the victim's own contact preferences (a victim of domestic abuse may
 * share a phone or an inbox with the offender):
 * - a text only when they chose texts, and then to the safe number if they gave one;
 * - an email to the safe address if they gave one, otherwise to the address they gave for contact, otherwise
 *   the account's own email, but only when they chose email or texts (or said nothing);
 * - when they chose phone calls or post and gave no safe email, no message at all (a caseworker makes contact).
 */
export function chooseChannel(contact: ClaimContact): ChosenChannel {
  const preferences = contact.preferences;
  const safe = preferences?.safeContact;
  const method = preferences?.method;
  if (method === 'text') {
    const phoneNumber = safe?.safePhone ?? preferences?.phone;
    if (phoneNumber) return { channel: 'sms', phoneNumber };
  }
  if (safe?.safeEmail) return { channel: 'email', emailAddress: safe.safeEmail };
  if (method === 'phone' || method === 'post') {
    return { channel: null, reason: `contact by ${method} only` };
  }
  const emailAddress = preferences?.email ?? contact.accountEmail;
  if (emailAddress) return { channel: 'email', emailAddress };
  return { channel: null, reason: 'no address to write to' };
}
