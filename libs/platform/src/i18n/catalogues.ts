import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { createTranslatorNow, isLanguage, languageFromAcceptLanguage, type Language, type Translator } from './i18n.js';

/**
 * The words the APIs and the worker say (problem details, eligibility reasons, task names, timeline entries,
 * messages and letters): `libs/platform/locales/<language>/<file>.json`, copied next to dist by the build.
 */
export const platformLocales = join(import.meta.dirname, '..', '..', 'locales');

let shared: Translator | undefined;

/** One translator over the platform's catalogues, read once per process. */
export function platformTranslator(): Translator {
  shared ??= createTranslatorNow([platformLocales]);
  return shared;
}

/** A `t` in one language over the platform's catalogues. */
export function platformT(language: Language): TFunction {
  return platformTranslator().forLanguage(language);
}

/** Whether a catalogue holds the key (so a caller can fall back to its own words when it does not). */
export function hasPlatformText(language: Language, key: string): boolean {
  return platformTranslator().i18n.exists(key, { lng: language });
}

/** The language of an API answer: set on the request by the HTTP app from Accept-Language (English by default). */
export function requestLanguage(request: unknown): Language {
  const language = (request as { language?: unknown } | undefined)?.language;
  return isLanguage(language) ? language : 'en';
}

/** The language a request asks for, among those an API answers in. */
export function negotiateLanguage(header: string | undefined, offered: readonly Language[]): Language {
  const asked = languageFromAcceptLanguage(header);
  return offered.includes(asked) ? asked : 'en';
}
