import type { DecisionRequest } from '../../decisions/decision-draft.js';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface DecideReviewCommand extends DecisionRequest {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
}
