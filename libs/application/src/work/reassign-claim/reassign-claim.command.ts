import type { StaffActor } from '../../staff/staff-actor.js';

export interface ReassignClaimCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number | null;
  /** The staff member to hold the claim; `null` puts it back in the queue. */
  readonly staffId: string | null;
  /** Moves the claim to another team's queue. */
  readonly team?: string;
  readonly priority?: number;
}
