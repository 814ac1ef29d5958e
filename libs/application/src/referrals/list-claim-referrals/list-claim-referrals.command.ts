import type { AccessPurpose, StaffActor } from '../../staff/staff-actor.js';

export interface ListClaimReferralsCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly purpose: AccessPurpose;
}
