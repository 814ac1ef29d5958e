import type { AccessPurpose, StaffActor } from '../../staff/staff-actor.js';

export interface ListClaimReferralsCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  /** `undefined` when the caller did not say (their own work: casework). */
  readonly purpose: AccessPurpose | undefined;
  /** Required outside one's own work (break the glass). */
  readonly reason?: string;
}
