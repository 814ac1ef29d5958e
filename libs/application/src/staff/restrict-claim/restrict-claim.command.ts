import type { StaffActor } from '../staff-actor.js';

export interface RestrictClaimCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  /** `false` lifts the restriction. */
  readonly restricted: boolean;
  /** The only staff who may see the claim while it is restricted (the caller is always added). */
  readonly staffIds: readonly string[];
  readonly reasonCode: string;
}
