import { DomainError, DomainErrorKind, isValidClaimReference, normaliseClaimReference } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { normaliseCrimeReference, normaliseName, normalisePostcode, type SearchField } from '../search-normalise.js';
import type { SearchClaimsCommand } from './search-claims.command.js';

export interface SearchHit {
  readonly reference: string;
  readonly status: string;
  readonly team: string;
  readonly submittedAt: Date | null;
  readonly assignedStaffId: string | null;
}

export interface SearchQuery {
  readonly reference: string | null;
  /** Normalised values per field, all of which must match (AND); a name matches the full or the last name. */
  readonly terms: ReadonlyArray<{ field: SearchField | 'name'; value: string }>;
  readonly viewerStaffId: string;
  readonly limit: number;
}

export abstract class ClaimSearchIndex {
  /** Indexes claims submitted since the last run (answers are frozen at submission); answers how many. */
  abstract catchUp(): Promise<number>;
  /** Claims matching every term, never a restricted claim the viewer is not named on; newest first. */
  abstract search(query: SearchQuery): Promise<SearchHit[]>;
}

/**
 * Finds claims by reference, name, date of birth, postcode or crime reference. Names, dates of birth and postcodes
 * are encrypted, so they are matched exactly, after normalising, on keyed blind indexes: no partial or fuzzy
 * matching (docs/caseworker.md says why). Restricted claims appear only to the staff named on them. Every search
 * is audited with the fields used and the number of hits, never the values.
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
    if (criteria.name !== undefined) terms.push({ field: 'name', value: normaliseName(criteria.name) });
    if (criteria.dateOfBirth !== undefined) terms.push({ field: 'dateOfBirth', value: criteria.dateOfBirth });
    if (criteria.postcode !== undefined) terms.push({ field: 'postcode', value: normalisePostcode(criteria.postcode) });
    if (criteria.crimeReference !== undefined) {
      terms.push({ field: 'crimeReference', value: normaliseCrimeReference(criteria.crimeReference) });
    }
    if (!terms.length && criteria.reference === undefined) {
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
          fields: [...(reference !== null ? ['reference'] : []), ...terms.map((term) => term.field)],
          hits: hits.length,
          roles: [...command.actor.roles],
        },
        occurredAt: this.clock.now(),
      }),
    );
    return hits;
  }
}
