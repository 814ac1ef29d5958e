import { DomainError, DomainErrorKind, type LanguagePreferences } from '@redress/domain';

/** Where the account's language choice is kept (and copied to the citizen's claims). */
export abstract class CitizenPreferencesStore {
  /** `null` when there is no such account. */
  abstract find(citizenId: string): Promise<LanguagePreferences | null>;
  /** Saves the choice on the account and on every claim the citizen owns; false when there is no such account. */
  abstract save(citizenId: string, preferences: LanguagePreferences): Promise<boolean>;
}

const accountNotFound = () =>
  new DomainError('account.not-found', DomainErrorKind.NotFound, 'There is no such account.');

/** The citizen's language choice. */
export class GetPreferences {
  constructor(private readonly store: CitizenPreferencesStore) {}

  async execute(command: { citizenId: string }): Promise<LanguagePreferences> {
    const found = await this.store.find(command.citizenId);
    if (!found) throw accountNotFound();
    return found;
  }
}

/**
 * Changes the citizen's language choice: pages, messages and letters from now on, on the account and on each of
 * their claims (a letter already sent stays as it was).
 */
export class SetPreferences {
  constructor(private readonly store: CitizenPreferencesStore) {}

  async execute(command: { citizenId: string; preferences: LanguagePreferences }): Promise<LanguagePreferences> {
    if (!(await this.store.save(command.citizenId, command.preferences))) throw accountNotFound();
    return command.preferences;
  }
}
