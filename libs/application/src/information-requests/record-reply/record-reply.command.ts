import type { StaffActor } from '../../staff/staff-actor.js';

export interface RecordInformationRequestReplyCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly informationRequestId: string;
  /** What the police, GP or hospital said, in short (stored encrypted). */
  readonly summary: string;
  /** Documents already on the claim that came with the reply. */
  readonly documentIds: readonly string[];
}
