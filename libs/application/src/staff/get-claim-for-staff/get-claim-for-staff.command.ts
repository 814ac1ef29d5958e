import type { AccessPurpose, StaffActor } from '../staff-actor.js';

export interface GetClaimForStaffCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly purpose: AccessPurpose;
}
