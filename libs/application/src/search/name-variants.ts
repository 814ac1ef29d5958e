import type { ApplicationAnswers } from '@redress/domain';
import { normaliseName } from './search-normalise.js';

/**
 * Close name matching on keyed tokens (docs/caseworker.md, "Search"): the deletion neighbourhood of SymSpell. A
 * name token's neighbourhood is the token itself and every string made by deleting one of its characters; two tokens
 * match closely when their neighbourhoods share a string, that is when deleting at most one character from each makes
 * them equal. That covers one substituted, inserted or deleted letter and two adjacent letters swapped ("jonathon"
 * and "jonathan" share "jonthan"; "smyth" and "smith" share "smth"), and nothing further apart than one deletion from
 * each side. Each string of a neighbourhood is stored and looked up only as a keyed blind index under its own purpose
 * (`nameVariantPurpose`), never as text or as a fragment: whole tokens, one character less at most.
 */

/** The blind-index purpose of name variants: never the purposes of the exact search terms (`searchPurposes`). */
export const nameVariantPurpose = 'claim-search:name-variant';

/** Tokens this short or shorter stand only for themselves: one letter off "Al", "Li" or "Ann" is another name. */
export const LONGEST_EXACT_ONLY_TOKEN = 3;
/** Tokens longer than this stand only for themselves too: it bounds the variants a claim stores and a query sends. */
export const LONGEST_CLOSE_TOKEN = 24;
/** A close name search needs at least this many tokens: one name alone is too broad to be allowed fuzzy. */
export const CLOSE_NAME_MIN_TOKENS = 2;
/** And at most this many (a query's variants are bounded, as a claim's are). */
export const CLOSE_NAME_MAX_TOKENS = 8;

/** The distinct tokens of a name, normalised as the exact search normalises names ("O’Brien-Smith": obrien, smith). */
export function nameTokens(name: string): string[] {
  return [...new Set(normaliseName(name).split(' ').filter(Boolean))];
}

/**
 * The token followed by every distinct string with one character (code point) deleted; the token alone when it has
 * at most `LONGEST_EXACT_ONLY_TOKEN` or more than `LONGEST_CLOSE_TOKEN` characters.
 */
export function deletionNeighbourhood(token: string): string[] {
  const characters = Array.from(token);
  if (characters.length <= LONGEST_EXACT_ONLY_TOKEN || characters.length > LONGEST_CLOSE_TOKEN) return [token];
  const variants = new Set([token]);
  for (let index = 0; index < characters.length; index += 1) {
    variants.add([...characters.slice(0, index), ...characters.slice(index + 1)].join(''));
  }
  return [...variants];
}

/** Whether two normalised tokens match closely: their deletion neighbourhoods share a string. */
export function closeTokenMatch(a: string, b: string): boolean {
  const neighbourhood = new Set(deletionNeighbourhood(a));
  return deletionNeighbourhood(b).some((variant) => neighbourhood.has(variant));
}

export interface NameVariant {
  readonly variant: string;
  /** The variant is one of the claim's whole name tokens (so a query token equal to it is an exact token match). */
  readonly exact: boolean;
}

/**
 * The name variants a claim is indexed under: the deletion neighbourhoods of every token of the applicant's first,
 * last and other names, each once; a variant that is also a whole token is marked `exact`.
 */
export function nameVariantsOf(answers: ApplicationAnswers): NameVariant[] {
  const applicant = answers.applicant;
  const names = [applicant?.firstName, applicant?.lastName, ...(applicant?.otherNames ?? [])];
  const tokens = new Set(names.flatMap((name) => (name ? nameTokens(name) : [])));
  const exact = new Map<string, boolean>();
  for (const token of tokens) {
    for (const variant of deletionNeighbourhood(token))
      exact.set(variant, exact.get(variant) === true || variant === token);
  }
  return [...exact].map(([variant, isToken]) => ({ variant, exact: isToken }));
}
