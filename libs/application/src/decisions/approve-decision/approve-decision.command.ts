import type { StaffActor } from '../../staff/staff-actor.js';

export interface ApproveDecisionCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly decisionId: string;
  readonly expectedVersion: number;
}
