import { PartnerEmailProtector } from '@redress/application';
import type { FieldCipher } from '@redress/platform';

/** The blind index purpose of partner users' email addresses. */
export const PARTNER_EMAIL_INDEX_PURPOSE = 'partner-user-email';

/** Partner users' email addresses at rest: FieldCipher's blind index, and encryption bound to the user id. */
export class FieldCipherPartnerEmailProtector extends PartnerEmailProtector {
  constructor(private readonly cipher: FieldCipher) {
    super();
  }

  blindIndex(email: string): string {
    return this.cipher.blindIndex(PARTNER_EMAIL_INDEX_PURPOSE, email);
  }

  encrypt(userId: string, email: string): string {
    return this.cipher.encrypt(email, `partner-user:${userId}:email`);
  }

  decrypt(userId: string, value: string): string {
    return this.cipher.decrypt(value, `partner-user:${userId}:email`);
  }
}
