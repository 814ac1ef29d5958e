import type { StaffActor } from '../../staff/staff-actor.js';

export interface ReleaseClaimCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number | null;
}
