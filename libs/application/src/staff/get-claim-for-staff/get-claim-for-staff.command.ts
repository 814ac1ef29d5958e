import type { AccessPurpose, StaffActor } from '../staff-actor.js';

export interface GetClaimForStaffCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  /** Why the claim is opened; `undefined` when the caller did not say (its own work: casework). */
  readonly purpose: AccessPurpose | undefined;
  /** Free text, required to open a claim outside one's own work (break the glass). */
  readonly reason?: string;
}
