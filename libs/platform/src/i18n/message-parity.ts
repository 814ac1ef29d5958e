import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Values that are the same in Welsh and English on purpose: names and codes. The one list (docs/welsh.md); a value
 * with no words at all (only `{{placeholders}}`, digits and punctuation) needs no entry.
 */
export const SAME_IN_BOTH_LANGUAGES: ReadonlySet<string> = new Set([
  // GOV.UK's Welsh pages call the phase "Beta" too.
  'Beta',
  // Welsh uses the same words: "post" (mail) and "abdomen".
  'Post',
  'Abdomen',
]);

export interface ParityProblem {
  /** `<locales folder>/<file>.json` relative to the root, and the dotted key. */
  readonly file: string;
  readonly key: string;
  readonly problem:
    | 'missing-in-cy'
    | 'missing-in-en'
    | 'empty-in-cy'
    | 'same-as-en'
    | 'placeholders-differ'
    | 'shape-differs'
    | 'file-missing-in-cy'
    | 'file-missing-in-en';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every leaf of a message file as `dotted.key` (array items by index) to its value. */
export function flattenMessages(value: Json, prefix = ''): Map<string, Json> {
  const leaves = new Map<string, Json>();
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) leaves.set(prefix, value);
    for (const [key, child] of entries) {
      for (const [path, leaf] of flattenMessages(child, prefix ? `${prefix}.${key}` : key)) leaves.set(path, leaf);
    }
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!).sort();
const hasWords = (text: string): boolean => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

/** Compares one file's English and Welsh messages. */
export function compareMessages(file: string, english: Json, welsh: Json): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const en = flattenMessages(english);
  const cy = flattenMessages(welsh);
  for (const [key, enValue] of en) {
    if (!cy.has(key)) {
      problems.push({ file, key, problem: 'missing-in-cy' });
      continue;
    }
    const cyValue = cy.get(key)!;
    if (typeof enValue !== typeof cyValue || Array.isArray(enValue) !== Array.isArray(cyValue)) {
      problems.push({ file, key, problem: 'shape-differs' });
    } else if (typeof enValue === 'string' && typeof cyValue === 'string') {
      if (cyValue.trim() === '') problems.push({ file, key, problem: 'empty-in-cy' });
      else if (cyValue === enValue && hasWords(enValue) && !SAME_IN_BOTH_LANGUAGES.has(enValue)) {
        problems.push({ file, key, problem: 'same-as-en' });
      }
      if (placeholders(enValue).join() !== placeholders(cyValue).join()) {
        problems.push({ file, key, problem: 'placeholders-differ' });
      }
    }
  }
  for (const key of cy.keys()) if (!en.has(key)) problems.push({ file, key, problem: 'missing-in-en' });
  return problems;
}

/** Every `locales` folder of apps/* and libs/* under the root (found, so new services are checked too). */
/**
 * Services whose readers are staff of Redress and of support organisations, who work in English: their words are
 * in English only for now (docs/welsh.md). Everything a victim reads is in both languages.
 */
export const ENGLISH_ONLY_LOCALE_FOLDERS = [
  'apps/staff-web/locales',
  'apps/partner-web/locales',
  // A development tool that refuses to run in production: no member of the public sees it.
  'apps/dev-oidc-provider/locales',
];

export function findLocaleFolders(root: string): string[] {
  return ['apps', 'libs'].flatMap((group) => {
    const base = join(root, group);
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .map((name) => join(base, name, 'locales'))
      .filter((folder) => existsSync(folder) && statSync(folder).isDirectory())
      .filter((folder) => !ENGLISH_ONLY_LOCALE_FOLDERS.includes(relative(root, folder).split(sep).join('/')));
  });
}

/** Checks every message file of a `locales` folder in both languages. */
export function checkLocaleFolder(root: string, folder: string): ParityProblem[] {
  const files = (language: string) => {
    const dir = join(folder, language);
    return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  };
  const read = (language: string, name: string) =>
    JSON.parse(readFileSync(join(folder, language, name), 'utf8')) as Json;
  const english = new Set(files('en'));
  const welsh = new Set(files('cy'));
  const problems: ParityProblem[] = [];
  for (const name of new Set([...english, ...welsh])) {
    const file = relative(root, join(folder, name));
    if (!welsh.has(name)) problems.push({ file, key: '', problem: 'file-missing-in-cy' });
    else if (!english.has(name)) problems.push({ file, key: '', problem: 'file-missing-in-en' });
    else problems.push(...compareMessages(file, read('en', name), read('cy', name)));
  }
  return problems;
}
