import type { StaffActor } from '../../staff/staff-actor.js';

export interface CancelInformationRequestCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly informationRequestId: string;
  /** Why it is no longer needed (stored encrypted). */
  readonly reason: string;
}
