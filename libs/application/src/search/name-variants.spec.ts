import 'reflect-metadata';
import fc from 'fast-check';
import {
  closeTokenMatch,
  deletionNeighbourhood,
  LONGEST_CLOSE_TOKEN,
  LONGEST_EXACT_ONLY_TOKEN,
  nameTokens,
  nameVariantsOf,
} from '@redress/application';
import type { ApplicationAnswers } from '@redress/domain';

const applicant = (names: { firstName?: string; lastName?: string; otherNames?: string[] }): ApplicationAnswers => ({
  applicant: names,
});

describe('nameTokens', () => {
  it('normalises as the exact search does and keeps each token once', () => {
    expect(nameTokens('  Siobhán O’Brien-Smith ')).toEqual(['siobhan', 'obrien', 'smith']);
    expect(nameTokens('SMITH smith')).toEqual(['smith']);
    expect(nameTokens('--')).toEqual([]);
  });
});

describe('deletionNeighbourhood', () => {
  it('is the token and every distinct one-character deletion, the token first', () => {
    expect(deletionNeighbourhood('smith')).toEqual(['smith', 'mith', 'sith', 'smth', 'smih', 'smit']);
    // A doubled letter gives one deletion, not two.
    expect(deletionNeighbourhood('anna')).toEqual(['anna', 'nna', 'ana', 'ann']);
  });

  it('is the token alone for 3 characters or fewer and for very long tokens', () => {
    expect(deletionNeighbourhood('jon')).toEqual(['jon']);
    expect(deletionNeighbourhood('li')).toEqual(['li']);
    const long = 'a'.repeat(LONGEST_CLOSE_TOKEN) + 'b';
    expect(deletionNeighbourhood(long)).toEqual([long]);
    expect(deletionNeighbourhood('b'.repeat(LONGEST_CLOSE_TOKEN))).toHaveLength(2);
  });

  it('deletes whole code points, never half of a surrogate pair', () => {
    const variants = deletionNeighbourhood('ab𝒳cd');
    expect(variants).toContain('abcd');
    // No lone surrogate: every variant survives a round trip through UTF-8.
    expect(variants.every((variant) => Buffer.from(variant, 'utf8').toString('utf8') === variant)).toBe(true);
    expect(variants).toHaveLength(6);
  });
});

describe('closeTokenMatch', () => {
  it.each([
    ['jonathon', 'jonathan'], // substitution
    ['smyth', 'smith'],
    ['mohamed', 'mohammed'], // insertion
    ['mohammed', 'mohamed'], // deletion
    ['jonahtan', 'jonathan'], // adjacent transposition
    ['jon', 'john'], // a 3-letter token one insertion from a longer one
    ['smith', 'smith'],
  ])('%s matches %s', (query, token) => {
    expect(closeTokenMatch(query, token)).toBe(true);
  });

  it.each([
    ['jon', 'jonathan'], // a short form, not a spelling
    ['jon', 'jan'], // 3 letters or fewer: no substitution
    ['ann', 'anne'.slice(0, 2)],
    ['smith', 'smythe'], // two edits
    ['jonathan', 'johnathon'],
  ])('%s does not match %s', (query, token) => {
    expect(closeTokenMatch(query, token)).toBe(false);
  });
});

describe('nameVariantsOf', () => {
  it('indexes the neighbourhoods of every token of the first, last and other names, marking whole tokens', () => {
    const variants = nameVariantsOf(
      applicant({ firstName: 'Jonathan', lastName: 'Smith', otherNames: ['Jon Smith-Jones'] }),
    );
    const exact = variants.filter((variant) => variant.exact).map((variant) => variant.variant);
    expect(exact.sort()).toEqual(['jon', 'jonathan', 'jones', 'smith']);
    const all = variants.map((variant) => variant.variant);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['jonthan', 'smth', 'jons']));
    expect(all).toHaveLength(1 + 9 + 6 + 6); // jon alone; jonathan and 8 deletions; smith and 5; jones and 5
  });

  it('marks a variant exact when it is a whole token, even if it is also another token’s deletion', () => {
    const variants = nameVariantsOf(applicant({ firstName: 'John', lastName: 'Jon' }));
    expect(variants.find((variant) => variant.variant === 'jon')).toEqual({ variant: 'jon', exact: true });
  });

  it('gives nothing for a claim without names', () => {
    expect(nameVariantsOf({})).toEqual([]);
  });
});

/** Levenshtein distance (insertions, deletions, substitutions), for the properties below. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

describe('close matching: properties', () => {
  const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé'.split(''));
  // Tokens long enough to have neighbourhoods, and short enough that one insertion still has one.
  const token = fc
    .array(letters, { minLength: LONGEST_EXACT_ONLY_TOKEN + 1, maxLength: LONGEST_CLOSE_TOKEN - 1 })
    .map((characters) => characters.join(''));

  it('a token and the token with one character changed, deleted or inserted always share a variant', () => {
    fc.assert(
      fc.property(token, fc.nat(), letters, fc.constantFrom('change', 'delete', 'insert'), (word, at, letter, edit) => {
        const position = at % word.length;
        const edited =
          edit === 'change'
            ? word.slice(0, position) + letter + word.slice(position + 1)
            : edit === 'delete'
              ? word.slice(0, position) + word.slice(position + 1)
              : word.slice(0, position) + letter + word.slice(position);
        expect(closeTokenMatch(word, edited)).toBe(true);
        expect(closeTokenMatch(edited, word)).toBe(true);
      }),
    );
  });

  it('two adjacent characters swapped share a variant too', () => {
    fc.assert(
      fc.property(token, fc.nat(), (word, at) => {
        const position = at % (word.length - 1);
        const swapped = word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2);
        expect(closeTokenMatch(word, swapped)).toBe(true);
      }),
    );
  });

  it('tokens that match are never more than two edits apart (one deletion from each side)', () => {
    const short = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 8 }).map((c) => c.join(''));
    fc.assert(
      fc.property(short, short, (a, b) => {
        if (closeTokenMatch(a, b)) expect(editDistance(a, b)).toBeLessThanOrEqual(2);
        if (a.length > LONGEST_EXACT_ONLY_TOKEN && b.length > LONGEST_EXACT_ONLY_TOKEN && editDistance(a, b) <= 1) {
          expect(closeTokenMatch(a, b)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
