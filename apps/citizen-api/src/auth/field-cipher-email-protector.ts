import { Injectable } from '@nestjs/common';
import { CitizenEmailProtector } from '@redress/application';
import { FieldCipher } from '@redress/platform';

/** The blind index purpose of citizen email addresses (test support and the account table use the same). */
export const CITIZEN_EMAIL_INDEX_PURPOSE = 'citizen-email';

/** Email addresses at rest: FieldCipher's blind index to find an account, encryption bound to the account id. */
@Injectable()
export class FieldCipherEmailProtector extends CitizenEmailProtector {
  constructor(private readonly cipher: FieldCipher) {
    super();
  }

  blindIndex(email: string): string {
    return this.cipher.blindIndex(CITIZEN_EMAIL_INDEX_PURPOSE, email);
  }

  encrypt(citizenId: string, email: string): string {
    return this.cipher.encrypt(email, `citizen:${citizenId}:email`);
  }
}
