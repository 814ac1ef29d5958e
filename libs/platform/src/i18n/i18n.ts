import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Messages = Record<string, unknown>;

/**
 * Reads message files: `<dir>/<language>/<page>.json`, each file's content under the key of its name, so that
 * `start.json`'s `title` is `t('start.title')`. Later directories add to (and may override) earlier ones: the
 * shared words of libs/web first, then the app's own.
 */
export function readMessages(directories: string[]): Record<Language, Messages> {
  const resources = { en: {}, cy: {} } as Record<Language, Messages>;
  for (const directory of directories) {
    for (const language of LANGUAGES) {
      const folder = join(directory, language);
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort()) {
        const page = basename(file, '.json');
        const content = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Messages;
        resources[language][page] = { ...(resources[language][page] as Messages | undefined), ...content };
      }
    }
  }
  return resources;
}

export interface Translator {
  i18n: i18n;
  /** A `t` bound to one language. */
  forLanguage(language: Language): TFunction;
  /** Keys asked for that no message file holds (tests fail on any). */
  missingKeys: Set<string>;
}

/** One i18next instance per app; a missing key is recorded (and shown as its key, never as an empty string). */
export async function createTranslator(directories: string[]): Promise<Translator> {
  return Promise.resolve(createTranslatorNow(directories));
}

/** The same, ready at once (the resources are in memory, so i18next needs no asynchronous step). */
export function createTranslatorNow(directories: string[]): Translator {
  const resources = readMessages(directories);
  const missingKeys = new Set<string>();
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: resources[language] }])),
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // Nunjucks escapes what it prints; escaping here too would show entities to the reader.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      for (const language of languages) missingKeys.add(`${language}:${key}`);
    },
  });
  return {
    i18n: instance,
    forLanguage: (language) => instance.getFixedT(language),
    missingKeys,
  };
}

/** The language a first request asks for: `cy` when Welsh comes before English in Accept-Language. */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0] ?? '', q: quality ? Number(quality.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => isLanguage(entry.tag));
  return first && isLanguage(first.tag) ? first.tag : 'en';
}
