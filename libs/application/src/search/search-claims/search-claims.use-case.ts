import { DomainError, DomainErrorKind, isValidClaimReference, normaliseClaimReference } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { CLOSE_NAME_MAX_TOKENS, CLOSE_NAME_MIN_TOKENS, deletionNeighbourhood, nameTokens } from '../name-variants.js';
import { normaliseCrimeReference, normaliseName, normalisePostcode, type SearchField } from '../search-normalise.js';
import type { NameMatch, SearchClaimsCommand } from './search-claims.command.js';

export interface SearchHit {
  readonly reference: string;
  readonly status: string;
  readonly team: string;
  readonly submittedAt: Date | null;
  readonly assignedStaffId: string | null;
  /** When the search gave a name: `exact` if the claim's full or last name is the name given, else `close`. */
  readonly nameMatch?: NameMatch;
}

/** A close name search: each query token with its deletion neighbourhood (the token itself first). */
export interface CloseNameQuery {
  /** The whole name normalised, as an exact search looks it up: hits it matches rank first, as `exact`. */
  readonly name: string;
  readonly tokens: ReadonlyArray<{ readonly token: string; readonly variants: readonly string[] }>;
}

export interface SearchQuery {
  readonly reference: string | null;
  /** Normalised values per field, all of which must match (AND); a name matches the full or the last name. */
  readonly terms: ReadonlyArray<{ field: SearchField | 'name'; value: string }>;
  /** Every token must match a token of the claim's names closely; exact matches first, then most exact tokens. */
  readonly closeName: CloseNameQuery | null;
  readonly viewerStaffId: string;
  readonly limit: number;
}

export abstract class ClaimSearchIndex {
  /** Indexes claims submitted since the last run (answers are frozen at submission); answers how many. */
  abstract catchUp(): Promise<number>;
  /**
   * Claims matching every term (and the close name), never a restricted claim the viewer is not named on; newest
   * first, after the close name's ranking.
   */
  abstract search(query: SearchQuery): Promise<SearchHit[]>;
}

/**
 * Finds claims by reference, name, date of birth, postcode or crime reference. Names, dates of birth and postcodes
 * are encrypted, so they are matched exactly, after normalising, on keyed blind indexes: no partial matching
 * (docs/caseworker.md says why). On request (`nameMatch: 'close'`) a name of two tokens or more matches closely:
 * each token within one deletion from each side of one of the claim's name tokens, through keyed blind indexes of
 * whole-token deletion neighbourhoods. Restricted claims appear only to the staff named on them. Every search is
 * audited with the fields used, how names were matched and the number of hits, never the values.
 */
export class SearchClaims {
  constructor(
    private readonly index: ClaimSearchIndex,
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: SearchClaimsCommand): Promise<SearchHit[]> {
    const { criteria } = command;
    const terms: Array<{ field: SearchField | 'name'; value: string }> = [];
    const nameMatch = criteria.nameMatch ?? 'exact';
    const closeName = nameMatch === 'close' ? closeNameQuery(criteria.name) : null;
    if (criteria.name !== undefined && !closeName) terms.push({ field: 'name', value: normaliseName(criteria.name) });
    if (criteria.dateOfBirth !== undefined) terms.push({ field: 'dateOfBirth', value: criteria.dateOfBirth });
    if (criteria.postcode !== undefined) terms.push({ field: 'postcode', value: normalisePostcode(criteria.postcode) });
    if (criteria.crimeReference !== undefined) {
      terms.push({ field: 'crimeReference', value: normaliseCrimeReference(criteria.crimeReference) });
    }
    if (!terms.length && !closeName && criteria.reference === undefined) {
      throw new DomainError('search.no-criteria', DomainErrorKind.InvalidInput, 'Search by at least one field.', [
        { message: 'give reference, name, dateOfBirth, postcode or crimeReference' },
      ]);
    }
    const empty = terms.find((term) => !term.value);
    if (empty) {
      throw new DomainError('search.invalid', DomainErrorKind.InvalidInput, `${empty.field} has nothing to match.`, [
        { field: empty.field, message: `${empty.field} must contain letters or digits` },
      ]);
    }
    let hits: SearchHit[] = [];
    const reference = criteria.reference === undefined ? null : criteria.reference;
    // A reference with a wrong check character cannot exist: no look-up.
    if (reference === null || isValidClaimReference(reference)) {
      await this.index.catchUp();
      hits = await this.index.search({
        reference: reference === null ? null : normaliseClaimReference(reference),
        terms,
        closeName,
        viewerStaffId: command.actor.staffId,
        limit: command.limit,
      });
    }
    await this.unitOfWork.run((tx) =>
      tx.audit({
        actorType: 'staff',
        actorId: command.actor.staffId,
        action: 'claim.search',
        targetType: 'claim',
        targetId: null,
        details: {
          fields: [
            ...(reference !== null ? ['reference'] : []),
            ...(closeName ? ['name'] : []),
            ...terms.map((term) => term.field),
          ],
          ...(criteria.name !== undefined ? { nameMatch } : {}),
          ...(closeName
            ? {
                nameTokens: closeName.tokens.length,
                closeHits: hits.filter((hit) => hit.nameMatch === 'close').length,
              }
            : {}),
          hits: hits.length,
          roles: [...command.actor.roles],
        },
        occurredAt: this.clock.now(),
      }),
    );
    return hits;
  }
}

/** The tokens of a name searched closely, each with its deletion neighbourhood; refuses a name too short or long. */
function closeNameQuery(name: string | undefined): CloseNameQuery {
  if (name === undefined) {
    throw new DomainError('search.invalid', DomainErrorKind.InvalidInput, 'A close match needs a name.', [
      { field: 'nameMatch', message: 'nameMatch=close needs a name' },
    ]);
  }
  const tokens = nameTokens(name);
  if (tokens.length < CLOSE_NAME_MIN_TOKENS || tokens.length > CLOSE_NAME_MAX_TOKENS) {
    throw new DomainError(
      'search.invalid',
      DomainErrorKind.InvalidInput,
      `A close match needs a name of ${CLOSE_NAME_MIN_TOKENS} to ${CLOSE_NAME_MAX_TOKENS} words.`,
      [
        {
          field: 'name',
          message: `nameMatch=close needs ${CLOSE_NAME_MIN_TOKENS} to ${CLOSE_NAME_MAX_TOKENS} words (a first and a last name at least)`,
        },
      ],
    );
  }
  return {
    name: normaliseName(name),
    tokens: tokens.map((token) => ({ token, variants: deletionNeighbourhood(token) })),
  };
}
