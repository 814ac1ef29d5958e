import type { StaffActor } from '../../staff/staff-actor.js';

export interface SearchCriteria {
  readonly reference?: string;
  /** A full name ("Alex Morgan") or a last name alone. */
  readonly name?: string;
  readonly dateOfBirth?: string;
  readonly postcode?: string;
  readonly crimeReference?: string;
}

export interface SearchClaimsCommand {
  readonly actor: StaffActor;
  readonly criteria: SearchCriteria;
  readonly limit: number;
}
