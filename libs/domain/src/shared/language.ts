/** The languages the service speaks: English and Welsh (docs/welsh.md). The domain keeps the codes; words live in catalogues. */
export const preferredLanguages = ['en', 'cy'] as const;
export type PreferredLanguage = (typeof preferredLanguages)[number];

export function isPreferredLanguage(value: unknown): value is PreferredLanguage {
  return typeof value === 'string' && (preferredLanguages as readonly string[]).includes(value);
}

/** A victim's choice: the language of pages, messages and letters, and whether letters come in both languages. */
export interface LanguagePreferences {
  readonly preferredLanguage: PreferredLanguage;
  readonly bilingualLetters: boolean;
}
