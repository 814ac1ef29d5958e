import { CitizenPreferencesStore } from '@redress/application';
import type { LanguagePreferences, PreferredLanguage } from '@redress/domain';
import type { DataSource } from 'typeorm';

/** The language choice on `citizen_account`, copied to the citizen's claims in the same transaction. */
export class PostgresCitizenPreferences extends CitizenPreferencesStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async find(citizenId: string): Promise<LanguagePreferences | null> {
    const [row] = await this.dataSource.query<
      Array<{ preferred_language: PreferredLanguage; bilingual_letters: boolean }>
    >('SELECT preferred_language, bilingual_letters FROM citizen_account WHERE id = $1', [citizenId]);
    return row ? { preferredLanguage: row.preferred_language, bilingualLetters: row.bilingual_letters } : null;
  }

  async save(citizenId: string, preferences: LanguagePreferences): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, updated] = await manager.query<[unknown[], number]>(
        'UPDATE citizen_account SET preferred_language = $2, bilingual_letters = $3 WHERE id = $1',
        [citizenId, preferences.preferredLanguage, preferences.bilingualLetters],
      );
      if (updated === 0) return false;
      await manager.query(
        'UPDATE claim SET preferred_language = $2, bilingual_letters = $3 WHERE owner_citizen_id = $1',
        [citizenId, preferences.preferredLanguage, preferences.bilingualLetters],
      );
      return true;
    });
  }
}
