import { EntitySchema } from 'typeorm';

export interface CitizenAccountRow {
  id: string;
  /** FieldCipher.blindIndex('citizen-email', email): equality search without decrypting (null: OIDC only). */
  emailBlindIndex: string | null;
  /** FieldCipher.encrypt(email, `citizen:<id>:email`) (null: OIDC only). */
  emailEncrypted: string | null;
  /** The subject of an external OIDC issuer, where the citizen signs in that way. */
  externalSubject: string | null;
  createdAt: Date;
  lastSignedInAt: Date | null;
  /** `en` or `cy`: the language of pages, messages and letters (docs/welsh.md). */
  preferredLanguage: 'en' | 'cy';
  /** Letters in both languages. */
  bilingualLetters: boolean;
}

export const CitizenAccountEntity = new EntitySchema<CitizenAccountRow>({
  name: 'CitizenAccount',
  tableName: 'citizen_account',
  columns: {
    id: { type: 'uuid', primary: true },
    emailBlindIndex: { name: 'email_blind_index', type: 'text', unique: true, nullable: true },
    emailEncrypted: { name: 'email_encrypted', type: 'text', nullable: true },
    externalSubject: { name: 'external_subject', type: 'text', nullable: true, unique: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    lastSignedInAt: { name: 'last_signed_in_at', type: 'timestamptz', nullable: true },
    preferredLanguage: { name: 'preferred_language', type: 'text', default: 'en' },
    bilingualLetters: { name: 'bilingual_letters', type: 'boolean', default: false },
  },
});
