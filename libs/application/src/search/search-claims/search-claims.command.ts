import type { StaffActor } from '../../staff/staff-actor.js';

export type NameMatch = 'exact' | 'close';

export interface SearchCriteria {
  readonly reference?: string;
  /** A full name ("Alex Morgan") or a last name alone. */
  readonly name?: string;
  /**
   * `exact` (the default): the name as given, normalised. `close`: every token of the name (two at least) matches a
   * token of the claim's names within one deletion from each (docs/caseworker.md, "Search").
   */
  readonly nameMatch?: NameMatch;
  readonly dateOfBirth?: string;
  readonly postcode?: string;
  readonly crimeReference?: string;
}

export interface SearchClaimsCommand {
  readonly actor: StaffActor;
  readonly criteria: SearchCriteria;
  readonly limit: number;
}
