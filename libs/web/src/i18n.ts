// The message-file loader lives in @redress/platform so that the APIs and the worker share it; the web apps keep
// importing it from here.
export {
  LANGUAGES,
  isLanguage,
  readMessages,
  createTranslator,
  languageFromAcceptLanguage,
  type Language,
  type Messages,
  type Translator,
} from '@redress/platform';
